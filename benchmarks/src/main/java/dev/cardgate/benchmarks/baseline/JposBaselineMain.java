package dev.cardgate.benchmarks.baseline;

import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import dev.cardgate.benchmarks.load.CardMix;
import dev.cardgate.codec.dialect.Dialects;

/**
 * Runs the jPOS baseline server in its own JVM until it is stopped (SIGTERM), with the load
 * generator's blocked cards ({@link CardMix#blockedPan}) on its on-heap blocklist, so that both
 * servers decline the same cards.
 *
 * <pre>
 * java @config/jvm.options -cp benchmarks/target/benchmarks.jar dev.cardgate.benchmarks.baseline.JposBaselineMain \
 *     PORT [iso87-ascii|iso87-binary] [ascii-4|binary-2] [tpdu|no-tpdu] [MAX_THREADS]
 * </pre>
 */
public final class JposBaselineMain {
    private JposBaselineMain() {
    }

    public static void main(final String[] arguments) throws IOException, InterruptedException {
        if (arguments.length < 1) {
            System.err.println("usage: JposBaselineMain PORT [dialect] [length-header] [tpdu|no-tpdu] [max-threads]");
            System.exit(2);
        }
        final int port = Integer.parseInt(arguments[0]);
        final String dialect = arguments.length > 1 ? arguments[1] : Dialects.ISO87_ASCII_NAME;
        final String lengthHeader = arguments.length > 2 ? arguments[2] : "ascii-4";
        final boolean tpdu = arguments.length > 3 && "tpdu".equals(arguments[3]);
        final int maxThreads = arguments.length > 4 ? Integer.parseInt(arguments[4]) : 2_000;
        final JposBaselineServer.Framing framing = framing(lengthHeader, tpdu);

        final CardMix cards = CardMix.allClean();
        final Set<String> blocked = new HashSet<>();
        for (int k = 0; k < CardMix.BLOCKED_CARDS; k++) {
            blocked.add(BaselineAuthorizationListener.sha256(cards.blockedPan(k)));
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        final JposBaselineServer server = JposBaselineServer.start(port, framing,
            Dialects.ISO87_BINARY_NAME.equals(dialect), blocked, Clock.systemUTC(), maxThreads);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "jpos-baseline-stop"));
        System.out.println("jPOS baseline on port " + port + ": " + dialect + ", " + framing + ", "
            + blocked.size() + " blocked cards, up to " + maxThreads + " threads");
        stopped.await();
    }

    private static JposBaselineServer.Framing framing(final String lengthHeader, final boolean tpdu) {
        if ("ascii-4".equals(lengthHeader) && !tpdu) {
            return JposBaselineServer.Framing.ASCII_4;
        }
        if ("binary-2".equals(lengthHeader)) {
            return tpdu ? JposBaselineServer.Framing.BINARY_2_TPDU : JposBaselineServer.Framing.BINARY_2;
        }
        throw new IllegalArgumentException("the baseline speaks ascii-4 without TPDU, or binary-2 with or without: "
            + lengthHeader + (tpdu ? " with TPDU" : ""));
    }
}
