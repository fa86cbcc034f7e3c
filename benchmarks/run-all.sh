#!/usr/bin/env bash
# Reruns the whole benchmark suite on this machine and rewrites the generated tables of
# benchmarks/RESULTS.md (the sections between "<!-- generated NAME begin/end -->" markers):
# every JMH benchmark with -prof gc, the in-process latency harness, and cardgate's front-end
# against the jPOS baseline under the same load. About 20 minutes on 2 cores.
#
#   benchmarks/run-all.sh                    the suite
#   benchmarks/run-all.sh --blocklist-100m   also the blocklist lookup at 100M entries (32 GB host)
#   benchmarks/run-all.sh --quick            every step once, briefly, to try the script (figures mean nothing)
#
# Raw results (JMH csv, .hgrm files, summaries, server logs) go to benchmarks/target/run-all/;
# the percentile plots are copied to benchmarks/results/, which RESULTS.md links to.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/run-all
plots=benchmarks/results
with_100m=false
jmh_timing=(-f 1 -wi 2 -w 1 -i 3 -r 2)
warmup_seconds=3
seconds=5
for argument in "$@"; do
    case "$argument" in
        --blocklist-100m) with_100m=true ;;
        --quick) jmh_timing=(-f 1 -wi 0 -i 1 -r 1 -p entries=100000); warmup_seconds=1; seconds=1 ;;
        *) echo "unknown option $argument; known: --blocklist-100m, --quick" >&2; exit 2 ;;
    esac
done

if [ ! -f "$jar" ] || [ -n "$(find pom.xml codec/pom.xml codec/src/main engine/pom.xml engine/*/pom.xml engine/*/src/main benchmarks/pom.xml benchmarks/src/main \
        -newer "$jar" -type f -print -quit)" ]; then
    echo "building $jar" >&2
    mvn -B -q -pl benchmarks -am package -DskipTests
fi

rm -rf "$out"
mkdir -p "$out" "$plots"
commands="$out/commands.txt"
started=$(date +%s)

# Runs a command, noting it (as typed) in the commands section, and its output in a log.
run() {
    local log="$1"
    shift
    echo "$*" >>"$commands"
    echo "[$(date -u +%H:%M:%S)] $*" >&2
    "$@" | tee "$out/$log"
}

java_run=(java @config/jvm.options)
load_mix=(--blocked-share 0.02 --invalid-share 0.01 --velocity-share 0.02)

{
    echo "date (UTC)        $(date -u '+%Y-%m-%d %H:%M')"
    echo "commit            $(git rev-parse --short HEAD) on $(git rev-parse --abbrev-ref HEAD)$(git diff --quiet || echo ', with uncommitted changes')"
    echo "cpu               $(nproc) x $(lscpu | sed -n 's/^Model name: *//p')"
    echo "memory            $(free -g | awk '/^Mem:/ {print $2 " GB"}')"
    echo "kernel            $(uname -sr)"
    echo "jdk               $(java -version 2>&1 | head -2 | tail -1)"
    echo "jvm flags         config/jvm.options (Chronicle's --add-opens/--add-exports, analytics off) plus"
    echo "                  each benchmark's own: -Xms4g -Xmx4g blocklist, -Xms2g -Xmx2g check chain, -Xms1g -Xmx1g servers"
    echo "jmh               ${jmh_timing[*]} -prof gc (overriding each benchmark's annotations)"
    echo "threads           engine benchmarks: one producer; wait strategy and layout per row (each row names them);"
    echo "                  front-end: shipped config/cardgate.properties (blocking, thread.layout auto = $([ "$(nproc)" -ge 4 ] && echo thread-per-stage || echo single-thread) here,"
    echo "                  2 I/O threads, journal batch + ack-after-sync), load generator on one thread, same 2 cores"
    echo "load at start     $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out/machine.txt"

jmh_results="$out/jmh.csv"
run jmh.log "${java_run[@]}" -jar "$jar" "${jmh_timing[@]}" -prof gc -rf csv -rff "$jmh_results"
if [ "$with_100m" = true ]; then
    run jmh-100m.log "${java_run[@]}" -jar "$jar" BlocklistLookupBenchmark -p entries=100000000 \
        -jvmArgsAppend "-Xms16g -Xmx16g" "${jmh_timing[@]}" -prof gc -rf csv -rff "$out/jmh-100m.csv"
    jmh_results="$jmh_results,$out/jmh-100m.csv"
fi

run engine-latency.txt "${java_run[@]}" -cp "$jar" dev.cardgate.benchmarks.engine.EngineLatencyBenchmark \
    --rates 10000,100000 --warmup-seconds "$warmup_seconds" --seconds "$seconds" --out "$out/engine-latency" \
    --layouts blocking/thread-per-stage,yielding/thread-per-stage,busy-spin/thread-per-stage,blocking/single-thread,yielding/single-thread,busy-spin/single-thread
run plot-engine.log "${java_run[@]}" -cp "$jar" dev.cardgate.benchmarks.report.PercentilePlot \
    "$plots/engine-latency.html" "in-process round trip, open loop, per wait strategy and layout" \
    "$out"/engine-latency/*.hgrm

run frontend-open.log "${java_run[@]}" -cp "$jar" dev.cardgate.benchmarks.load.FrontEndComparison \
    --connections 1,64 --rates 1000,10000 --warmup-seconds "$warmup_seconds" --seconds "$seconds" "${load_mix[@]}" \
    --out "$out/frontend-open"
cp "$out/frontend-open/latency.html" "$plots/frontend-open-loop.html"
run frontend-closed.log "${java_run[@]}" -cp "$jar" dev.cardgate.benchmarks.load.FrontEndComparison \
    --servers cardgate,cardgate-thread-per-stage,cardgate-no-sync,jpos \
    --connections 1,64 --closed-loop 16 --warmup-seconds "$warmup_seconds" --seconds "$seconds" "${load_mix[@]}" \
    --out "$out/frontend-closed"
cp "$out/frontend-closed/latency.html" "$plots/frontend-closed-loop.html"

{
    echo "load at end       $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "suite took        $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"
} >>"$out/machine.txt"

echo "benchmarks/run-all.sh $*" >"$out/run-all-command.txt"
cat "$commands" >>"$out/run-all-command.txt"
java -cp "$jar" dev.cardgate.benchmarks.report.ResultsUpdater benchmarks/RESULTS.md \
    "machine=text:$out/machine.txt" \
    "commands=text:$out/run-all-command.txt" \
    "jmh=jmh:$jmh_results" \
    "engine-latency=text:$out/engine-latency.txt" \
    "frontend-open=load:$out/frontend-open/summary.tsv" \
    "frontend-closed=load:$out/frontend-closed/summary.tsv"
echo "rewrote the generated sections of benchmarks/RESULTS.md; plots in $plots/" >&2
