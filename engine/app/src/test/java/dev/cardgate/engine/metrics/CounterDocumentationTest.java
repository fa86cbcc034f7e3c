package dev.cardgate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.batch.TerminalDayCounter;
import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.decision.DecisionCounter;
import dev.cardgate.engine.frontend.FrontEndCounter;
import dev.cardgate.engine.journal.JournalCounter;
import dev.cardgate.engine.pipeline.PipelineCounter;
import dev.cardgate.engine.rules.RulesCounter;
import dev.cardgate.engine.upstream.link.UpstreamCounter;

/**
 * docs/observability.md's table of declared counters is the descriptors' table: every
 * component's enum, row by row (id, label, type, writers, what it counts). When a counter is
 * added, the failure prints the table to paste.
 */
class CounterDocumentationTest {
    private static final Path PAGE = Path.of("../..", "docs", "observability.md");
    private static final String BEGIN = "<!-- declared counters: begin -->";
    private static final String END = "<!-- declared counters: end -->";

    @Test
    void thePageListsEveryDeclaredCounterAsItsDescriptorSays() throws IOException {
        final String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        final int begin = page.indexOf(BEGIN);
        final int end = page.indexOf(END);
        final String documented = begin < 0 || end < begin ? "(no " + BEGIN + " ... " + END + " section)"
            : page.substring(begin + BEGIN.length(), end).strip();
        assertEquals(expectedTable(), documented, PAGE + " differs from the counter descriptors");
    }

    @Test
    void everyDeclaredCounterHasAnIdAndALabelOfItsOwn() {
        // one counters file holds every module's counters: a clash only shows when both are allocated
        final Map<Integer, CounterDescriptor> ids = new HashMap<>();
        final Map<String, CounterDescriptor> labels = new HashMap<>();
        for (final CounterDescriptor descriptor : declared()) {
            final CounterDescriptor sameId = ids.putIfAbsent(descriptor.id(), descriptor);
            assertNull(sameId, descriptor + " and " + sameId + " share id " + descriptor.id());
            final CounterDescriptor sameLabel = labels.putIfAbsent(descriptor.label(), descriptor);
            assertNull(sameLabel, descriptor + " and " + sameLabel + " share label " + descriptor.label());
        }
    }

    private static String expectedTable() {
        final StringBuilder table = new StringBuilder("| id | label | type | writers | counts; written by |\n"
            + "|---|---|---|---|---|\n");
        for (final CounterDescriptor descriptor : declared()) {
            table.append("| ").append(descriptor.id()).append(" | `").append(descriptor.label()).append("` | ")
                .append(descriptor.kind().name().toLowerCase(Locale.ROOT)).append(" | ")
                .append(descriptor.writer().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
                .append(descriptor.description()).append(" |\n");
        }
        return table.toString().strip();
    }

    /** Every component's counters, in the page's order. */
    private static List<CounterDescriptor> declared() {
        final List<CounterDescriptor> descriptors = new ArrayList<>();
        descriptors.addAll(List.of(PipelineCounter.values()));
        descriptors.addAll(List.of(DecisionCounter.values()));
        descriptors.addAll(List.of(RulesCounter.values()));
        descriptors.addAll(List.of(TerminalDayCounter.values()));
        descriptors.addAll(List.of(JournalCounter.values()));
        descriptors.addAll(List.of(dev.cardgate.engine.upstream.UpstreamFlowCounter.values()));
        descriptors.addAll(List.of(FrontEndCounter.values()));
        descriptors.addAll(List.of(UpstreamCounter.values()));
        return descriptors;
    }
}
