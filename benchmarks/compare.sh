#!/usr/bin/env bash
# Runs the same JMH benchmarks from two builds in one sitting on this machine, interleaved
# (base, current, base, current), and prints a table of the current build's scores as ratios of
# the base build's, with both builds' bytes allocated per operation. On a shared machine, figures
# taken on different days cannot be compared; figures taken side by side can.
#
#   benchmarks/compare.sh BASE                         BASE: a commit, e.g. main~3 or c1c902e
#   benchmarks/compare.sh BASE 'CodecBenchmark|CheckChainBenchmark'   only these benchmarks (JMH regex)
#   benchmarks/compare.sh BASE 'CheckChainBenchmark' -p kind=approve,blocklist   and JMH options after it
#
# The base commit is checked out into benchmarks/target/compare/base (a git worktree) and its
# benchmarks jar built there; the current one is the working tree's. Raw results and the table
# go to benchmarks/target/compare/. A benchmark present in only one build is left out.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
[ $# -ge 1 ] || { echo "usage: benchmarks/compare.sh BASE [JMH_REGEX]" >&2; exit 2; }
base_commit="$(git rev-parse --short "$1")"
selection="${2:-CodecBenchmark|PanTokenizerBenchmark|CheckChainBenchmark|JournalAppendBenchmark|EngineRoundTripBenchmark}"
jmh_options=("${@:3}")
current_commit="$(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
out=benchmarks/target/compare
base_tree="$out/base"
jmh_timing=(-f 1 -wi 2 -w 1 -i 3 -r 2)

mkdir -p "$out"
if [ -d "$base_tree" ]; then
    git worktree remove --force "$base_tree"
fi
git worktree add --detach "$base_tree" "$base_commit" >&2
trap 'git worktree remove --force "$base_tree" >/dev/null 2>&1 || true' EXIT
echo "building $base_commit and $current_commit" >&2
(cd "$base_tree" && mvn -B -q -pl benchmarks -am package -DskipTests >&2)
mvn -B -q -pl benchmarks -am package -DskipTests >&2
cp "$base_tree/benchmarks/target/benchmarks.jar" "$out/base.jar"
cp benchmarks/target/benchmarks.jar "$out/current.jar"

{
    echo "date (UTC)   $(date -u '+%Y-%m-%d %H:%M')"
    echo "base         $base_commit"
    echo "current      $current_commit"
    echo "cpu          $(nproc) x $(lscpu | sed -n 's/^Model name: *//p')"
    echo "jdk          $(java -version 2>&1 | head -2 | tail -1)"
    echo "jmh          $selection ${jmh_timing[*]} ${jmh_options[*]} -prof gc, each build twice, interleaved"
    echo "load before  $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out/machine.txt"

for round in 1 2; do
    for build in base current; do
        echo "[$(date -u +%H:%M:%S)] round $round: $build" >&2
        java @config/jvm.options -jar "$out/$build.jar" "$selection" "${jmh_timing[@]}" "${jmh_options[@]}" -prof gc \
            -rf csv -rff "$out/$build-$round.csv" >"$out/$build-$round.log"
    done
done
echo "load after   $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"

{
    cat "$out/machine.txt"
    echo
    java -cp "$out/current.jar" dev.cardgate.benchmarks.report.CommitComparison "$base_commit" "$current_commit" \
        "$out/base-1.csv,$out/base-2.csv" "$out/current-1.csv,$out/current-2.csv"
} | tee "$out/comparison.md"
