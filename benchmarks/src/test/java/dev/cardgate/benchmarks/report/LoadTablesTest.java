package dev.cardgate.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

import dev.cardgate.benchmarks.load.LoadResult;

class LoadTablesTest {
    @Test
    void putsTheRatiosToTheJposRunOfTheSameStepOnEachCardgateRow() {
        final String table = LoadTables.markdown(List.of(LoadResult.TSV_HEADER,
            row("cardgate", 10_000, 10_000, 50, 400), row("jpos", 10_000, 9_990, 200, 1_000)));

        assertTrue(table.contains("| cardgate | iso87-ascii/ascii-4 | open | 64 | 10,000 | 10,000 | 50.0 | 400.0 |"), table);
        assertTrue(table.contains("| 1.00 | 0.25 | 0.40 |"), table);
    }

    @Test
    void marksASaturatedRunAndGivesNoPercentileRatioForIt() {
        final String table = LoadTables.markdown(List.of(LoadResult.TSV_HEADER,
            row("cardgate", 50_000, 49_900, 80, 900), row("jpos", 50_000, 20_000, 900_000, 2_000_000)));

        assertTrue(table.contains("| jpos | iso87-ascii/ascii-4 | open | 64 | 50,000 | 20,000 | saturated |"), table);
        assertTrue(table.contains("| 2.50 |  |  |"), table);
    }

    private static String row(final String server, final int offered, final int achieved, final double p50,
        final double p99) {
        return String.join("\t", server, "iso87-ascii/ascii-4", "open", "64", Integer.toString(offered),
            Integer.toString(achieved), Double.toString(p50), "60.0", Double.toString(p99), "900.0", "1000.0", "5.0",
            "100000", "00=95000 43=5000", "1.00 1.00 1.00");
    }
}
