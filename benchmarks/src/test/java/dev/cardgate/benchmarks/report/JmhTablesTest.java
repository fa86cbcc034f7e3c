package dev.cardgate.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JmhTablesTest {
    private static final String HEADER =
        "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: dialect\","
            + "\"Param: entries\"";

    @Test
    void readsPrimaryAndSecondaryResultsWithTheirParameters() {
        final List<JmhCsv.Row> rows = JmhCsv.parse(List.of(HEADER,
            "\"dev.cardgate.benchmarks.codec.CodecBenchmark.decodeRequest\",\"avgt\",1,5,314.6,12.5,\"ns/op\",iso87-ascii,",
            "\"dev.cardgate.benchmarks.codec.CodecBenchmark.decodeRequest:gc.alloc.rate.norm\",\"avgt\",1,5,0.01,NaN,"
                + "\"B/op\",iso87-ascii,"));

        assertEquals(2, rows.size());
        assertEquals("CodecBenchmark.decodeRequest", rows.get(0).benchmark());
        assertEquals("", rows.get(0).metric());
        assertEquals(314.6, rows.get(0).score());
        assertEquals(java.util.Map.of("dialect", "iso87-ascii"), rows.get(0).params());
        assertEquals("gc.alloc.rate.norm", rows.get(1).metric());
        assertTrue(Double.isNaN(rows.get(1).error()));
    }

    @Test
    void comparesOursWithTheJposMethodOfTheSameDialect() {
        final String table = JmhTables.markdown(JmhCsv.parse(List.of(HEADER,
            codec("decodeRequest", 300, "iso87-ascii"), codec("jposUnpackRequest", 1200, "iso87-ascii"),
            codec("decodeRequest", 400, "iso87-binary"), codec("jposUnpackRequest", 1000, "iso87-binary"))));

        assertTrue(table.contains("#### CodecBenchmark"));
        assertTrue(table.contains("| decodeRequest | dialect=iso87-ascii | avgt | 300 |"), table);
        assertTrue(table.contains("| jposUnpackRequest | 0.25 |"), table);
        assertTrue(table.contains("| jposUnpackRequest | 0.40 |"), table);
    }

    @Test
    void comparesSampleTimeMediansAndParameterBaselines() {
        final String table = JmhTables.markdown(JmhCsv.parse(List.of(HEADER,
            lookup("chronicleHit", "", 900), lookup("chronicleHit", ":p0.50", 600),
            lookup("concurrentHashMapHit", "", 700), lookup("concurrentHashMapHit", ":p0.50", 400))));

        assertTrue(table.contains("| chronicleHit | entries=1000000 | sample | 900 |"), table);
        assertTrue(table.contains("| concurrentHashMapHit | 1.50 |"), table);
    }

    @Test
    void refusesAFileThatIsNotJmhCsv() {
        assertThrows(IllegalArgumentException.class, () -> JmhCsv.parse(List.of("{\"json\": true}")));
    }

    private static String codec(final String method, final double score, final String dialect) {
        return "\"dev.cardgate.benchmarks.codec.CodecBenchmark." + method + "\",\"avgt\",1,5," + score
            + ",1.0,\"ns/op\"," + dialect + ",";
    }

    private static String lookup(final String method, final String metric, final double score) {
        return "\"dev.cardgate.benchmarks.blocklist.BlocklistLookupBenchmark." + method + metric + "\",\"sample\",1,9,"
            + score + ",NaN,\"ns/op\",,1000000";
    }
}
