package dev.cardgate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lmax.disruptor.EventHandler;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * SingleThreadStages on its own, driven as a batch processor drives it: stages in order per
 * event; with a stage that makes its batch durable at the end of the batch, answers wait for
 * that end; a failing stage answers through its failure handler and the event goes on.
 */
class SingleThreadStagesTest {
    private final List<String> seen = new ArrayList<>();
    private final DistinctFailureLog failureLog = new DistinctFailureLog(System.getLogger("SingleThreadStagesTest"));

    @Test
    void eachEventPassesThroughEveryStageInTurn() {
        final SingleThreadStages stages = new SingleThreadStages(List.of(stage("decide", false),
            stage("journal", false), stage("reply", false)), failureLog, 16);
        stages.onEvent(event(1), 0, false);
        stages.onEvent(event(2), 1, true);
        assertEquals(List.of("decide 1", "journal 1", "reply 1", "decide 2 end", "journal 2 end",
            "reply 2 end"), seen);
    }

    @Test
    void answersWaitForTheEndOfTheBatchWhenAStageSyncsThere() {
        final SingleThreadStages stages = new SingleThreadStages(List.of(stage("decide", false),
            stage("journal", true), stage("reply", false)), failureLog, 16);
        stages.onEvent(event(1), 0, false);
        stages.onEvent(event(2), 1, false);
        assertEquals(List.of("decide 1", "journal 1", "decide 2", "journal 2"), seen, "no answer before the sync");
        stages.onEvent(event(3), 2, true);
        assertEquals(List.of("decide 1", "journal 1", "decide 2", "journal 2", "decide 3 end",
            "journal 3 end", "reply 1", "reply 2", "reply 3 end"), seen);
    }

    @Test
    void aFullBatchIsAnsweredAtTheRingSizeEvenWithoutItsEnd() {
        final SingleThreadStages stages = new SingleThreadStages(List.of(stage("journal", true), stage("reply", false)),
            failureLog, 2);
        stages.onEvent(event(1), 0, false);
        stages.onEvent(event(2), 1, false);
        assertEquals(List.of("journal 1", "journal 2", "reply 1", "reply 2 end"), seen);
    }

    @Test
    void aFailingStageAnswersThroughItsFailureHandlerAndTheEventGoesOn() {
        final EventHandler<AuthorizationEvent> failing = (event, sequence, endOfBatch) -> {
            throw new IllegalStateException("decision broke");
        };
        final SingleThreadStages stages = new SingleThreadStages(List.of(
            new PipelineStage("decide", failing, event -> seen.add("answered 96 " + event.systemTraceAuditNumber()),
                false),
            stage("reply", false)), failureLog, 16);
        stages.onEvent(event(1), 0, true);
        assertEquals(List.of("answered 96 1", "reply 1 end"), seen);
        assertTrue(failureLog.distinctFailures().keySet().stream().anyMatch(key -> key.contains("decision broke")),
            failureLog.distinctFailures().toString());
    }

    private PipelineStage stage(final String name, final boolean answersWaitForEndOfBatch) {
        final EventHandler<AuthorizationEvent> handler = (event, sequence, endOfBatch) ->
            seen.add(name + " " + event.systemTraceAuditNumber() + (endOfBatch ? " end" : ""));
        return new PipelineStage(name, handler, event -> seen.add(name + " failed"), answersWaitForEndOfBatch);
    }

    private static AuthorizationEvent event(final int stan) {
        return new AuthorizationEvent().systemTraceAuditNumber(stan);
    }
}
