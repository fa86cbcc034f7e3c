package dev.cardgate.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cardgate.benchmarks.blocklist.GeneratedBlocklist;
import dev.cardgate.benchmarks.report.LoadTables;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.blocklist.BlocklistStore;

/**
 * cardgate's front-end and the jPOS baseline under the same load, on this machine, in one run:
 * both servers are started in their own JVMs (same heap, same wire format, the same blocked
 * cards), then every step of the plan is run against cardgate and at once against jPOS, so that
 * each cardgate figure has a ratio to a baseline measured minutes, not days, from it.
 *
 * <p>{@code cardgate} runs with its shipped configuration ({@code config/cardgate.properties}:
 * blocking wait strategy, thread layout {@code auto}, journal with group commit and ack-after-sync) and
 * the rules file {@code config/rules.conf} (with its velocity rule five-per-minute, which the
 * mix's velocity cards trip), in a new temporary data folder. {@code cardgate-no-sync} is the
 * same with the journal written but never synced ({@code journal.durability=none}), which is
 * what the baseline, keeping no journal at all, is closer to. Not run by default:
 * {@code cardgate-yielding}, the shipped configuration with the {@code yielding} wait strategy;
 * {@code cardgate-thread-per-stage}, {@code cardgate-single-thread} and {@code
 * cardgate-single-thread-no-sync}, with the layout set whatever the host (single-thread: one
 * pipeline thread for decision, journal and reply, two hand-offs a request instead of four).
 *
 * <pre>
 * java @config/jvm.options -cp benchmarks/target/benchmarks.jar dev.cardgate.benchmarks.load.FrontEndComparison \
 *     --connections 1,64 --rates 5000,20000 --seconds 10 --warmup-seconds 3 \
 *     --blocked-share 0.02 --invalid-share 0.01 --velocity-share 0.02 --out benchmarks/target/frontend
 * </pre>
 * Options as {@link LoadOptions}, plus {@code --servers cardgate,cardgate-no-sync,jpos},
 * {@code --rules FILE} and {@code --home DIR} (the repository, for {@code config/}; by default the
 * working folder). Writes what {@link LoadReport} writes and prints the side-by-side table with
 * the ratios.
 */
public final class FrontEndComparison {
    private static final int BLOCKLIST_CAPACITY = 100_000;

    private FrontEndComparison() {
    }

    public static void main(final String[] arguments) throws IOException, InterruptedException {
        final LoadOptions options = new LoadOptions(arguments);
        final Path home = Path.of(options.text("--home", "")).toAbsolutePath().normalize();
        final WireFormat wireFormat = options.wireFormat();
        final LoadPlan plan = options.plan();
        final CardMix cardMix = options.cardMix();
        final LoadReport report = new LoadReport(options.out(), wireFormat);
        final Path rules = Path.of(options.text("--rules", home.resolve("config/rules.conf").toString()));
        final Path dataDirectory = Files.createTempDirectory("cardgate-frontend-comparison-");
        final List<ServerProcess> servers = new ArrayList<>();
        try {
            for (final String server : options.text("--servers", "cardgate,cardgate-no-sync,jpos").split(",")) {
                servers.add(switch (server) {
                    case "jpos" -> startJpos(home, options.out(), wireFormat);
                    case "cardgate" -> startCardgate(server, home, options.out(), wireFormat, rules,
                        dataDirectory.resolve(server), Map.of());
                    case "cardgate-no-sync" -> startCardgate(server, home, options.out(), wireFormat, rules,
                        dataDirectory.resolve(server),
                        Map.of("CARDGATE_JOURNAL_DURABILITY", "none", "CARDGATE_JOURNAL_ACK_AFTER_SYNC", "false"));
                    case "cardgate-yielding" -> startCardgate(server, home, options.out(), wireFormat, rules,
                        dataDirectory.resolve(server), Map.of("CARDGATE_WAIT_STRATEGY", "yielding"));
                    case "cardgate-thread-per-stage" -> startCardgate(server, home, options.out(), wireFormat, rules,
                        dataDirectory.resolve(server), Map.of("CARDGATE_THREAD_LAYOUT", "thread-per-stage"));
                    case "cardgate-single-thread" -> startCardgate(server, home, options.out(), wireFormat, rules,
                        dataDirectory.resolve(server), Map.of("CARDGATE_THREAD_LAYOUT", "single-thread"));
                    case "cardgate-single-thread-no-sync" -> startCardgate(server, home, options.out(), wireFormat,
                        rules, dataDirectory.resolve(server), Map.of("CARDGATE_THREAD_LAYOUT", "single-thread",
                            "CARDGATE_JOURNAL_DURABILITY", "none", "CARDGATE_JOURNAL_ACK_AFTER_SYNC", "false"));
                    default -> throw new IllegalArgumentException("unknown server " + server + "; known: cardgate, "
                        + "cardgate-no-sync, cardgate-yielding, cardgate-thread-per-stage, cardgate-single-thread, "
                        + "cardgate-single-thread-no-sync, "
                        + "jpos");
                });
            }
            for (final LoadPlan.Step step : plan.steps()) {
                for (final ServerProcess server : servers) {
                    report.add(server.name(), plan.run(step, server.address(), wireFormat, cardMix));
                }
            }
        }
        finally {
            for (final ServerProcess server : servers) {
                server.close();
            }
            GeneratedBlocklist.deleteRecursively(dataDirectory);
        }
        report.finish("cardgate and the jPOS baseline, " + wireFormat.label());
        System.out.println();
        System.out.println(LoadTables.markdown(Files.readAllLines(options.out().resolve("summary.tsv"))));
    }

    private static ServerProcess startCardgate(final String name, final Path home, final Path out,
        final WireFormat wireFormat, final Path rules, final Path dataDirectory, final Map<String, String> settings)
        throws IOException, InterruptedException {
        Files.createDirectories(dataDirectory);
        final CardMix cards = CardMix.allClean();
        try (BlocklistStore blocklist = BlocklistStore.open(dataDirectory.resolve("blocklist.cm"), BLOCKLIST_CAPACITY,
            GeneratedBlocklist.BENCHMARK_KEY)) {
            for (int k = 0; k < CardMix.BLOCKED_CARDS; k++) {
                blocklist.add(cards.blockedPan(k), BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "LOADGEN");
            }
        }
        final int port = ServerProcess.freePort();
        final Map<String, String> environment = new HashMap<>(settings);
        environment.putAll(Map.of(
            "CARDGATE_DATA_DIR", dataDirectory.toString(),
            "CARDGATE_TOKEN_KEY", GeneratedBlocklist.BENCHMARK_KEY_HEX,
            "CARDGATE_BLOCKLIST_CAPACITY", Integer.toString(BLOCKLIST_CAPACITY),
            "CARDGATE_RULES_FILE", rules.toAbsolutePath().toString(),
            "CARDGATE_FRONTEND_PORT", Integer.toString(port),
            "CARDGATE_FRONTEND_DIALECT", wireFormat.dialectName(),
            "CARDGATE_FRONTEND_LENGTH_HEADER", wireFormat.lengthHeaderName(),
            "CARDGATE_FRONTEND_TPDU", Boolean.toString(wireFormat.tpdu())));
        return ServerProcess.start(name, home, out, port, "dev.cardgate.engine.cli.CardgateCommand", List.of("serve"),
            environment);
    }

    private static ServerProcess startJpos(final Path home, final Path out, final WireFormat wireFormat)
        throws IOException, InterruptedException {
        final int port = ServerProcess.freePort();
        return ServerProcess.start("jpos", home, out, port, "dev.cardgate.benchmarks.baseline.JposBaselineMain",
            List.of(Integer.toString(port), wireFormat.dialectName(), wireFormat.lengthHeaderName(),
                wireFormat.tpdu() ? "tpdu" : "no-tpdu"), Map.of());
    }
}
