package dev.cardgate.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommitComparisonTest {
    private static final String HEADER =
        "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: dialect\"";

    @Test
    void givesTheCurrentMeanAsARatioOfTheBaseMeanWithBothAllocations() {
        final String table = CommitComparison.markdown("old", "new",
            CommitComparison.scores(List.of(run("decodeRequest", 300, 0), run("decodeRequest", 320, 0))),
            CommitComparison.scores(List.of(run("decodeRequest", 150, 0), run("decodeRequest", 160, 0))));

        assertTrue(table.contains("| CodecBenchmark.decodeRequest | dialect=iso87-ascii | avgt | ns/op | 310 | 155 | 0.50 | lower |"
            + " 0.000 | 0.000 | 300 320 / 150 160 |"), table);
    }

    @Test
    void leavesOutABenchmarkThatOnlyOneBuildHas() {
        final String table = CommitComparison.markdown("old", "new",
            CommitComparison.scores(List.of(run("decodeRequest", 300, 0), run("encodeResponse", 100, 0))),
            CommitComparison.scores(List.of(run("decodeRequest", 150, 0))));

        assertTrue(table.contains("decodeRequest"), table);
        assertFalse(table.contains("encodeResponse"), table);
    }

    private static List<String> run(final String method, final double score, final double bytes) {
        final String name = "\"dev.cardgate.benchmarks.codec.CodecBenchmark." + method;
        return List.of(HEADER,
            name + "\",\"avgt\",1,3," + score + ",1.0,\"ns/op\",iso87-ascii",
            name + ":gc.alloc.rate.norm\",\"avgt\",1,3," + bytes + ",NaN,\"B/op\",iso87-ascii");
    }
}
