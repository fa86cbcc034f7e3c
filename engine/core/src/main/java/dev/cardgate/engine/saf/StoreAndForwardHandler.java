package dev.cardgate.engine.saf;

import org.agrona.concurrent.EpochClock;

import com.lmax.disruptor.EventHandler;

import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationSlotDescriptor;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.pipeline.PipelineCounter;
import dev.cardgate.engine.pipeline.StageFailureAnswer;
import dev.cardgate.engine.rules.EngineRules;

/**
 * The store-and-forward stage, after the journal and before the reply: stores the advice of a
 * stand-in approval (0120 for 0100, 0220 for 0200) and the reversal (0420) a decision queued,
 * and syncs the file at the end of a batch that stored any, so that no terminal is answered
 * before what the network is owed for its answer is on the disk (the reply stage waits for this
 * stage, as for the journal).
 *
 * <p>Threading: its own stage thread (or the single pipeline thread). An event that queues
 * nothing (the forwarded and local path) costs one byte read; one that does allocates its entry
 * and sealed frame.
 */
public final class StoreAndForwardHandler implements EventHandler<AuthorizationEvent> {
    private final StoreAndForward store;
    private final EpochClock clock;
    private boolean storedInBatch;

    public StoreAndForwardHandler(final StoreAndForward store, final EpochClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Storing failed (disk full, I/O error): a stand-in approval whose advice is not stored must
     * not be given, so the event is answered 96; a reversal that could not be stored is counted
     * as a stage failure, its terminal answered as decided.
     */
    public static StageFailureAnswer failureAnswer(final EpochClock clock, final CounterRegistry counters) {
        final ComponentCounters<PipelineCounter> pipeline = counters.component(PipelineCounter.class);
        return event -> {
            if (event != null && event.approved()
                && (event.storedMessages() & AuthorizationSlotDescriptor.STORED_ADVICE) != 0) {
                event.decline(DecisionReason.SYSTEM_MALFUNCTION, EngineRules.STAGE_FAILURE, clock.time());
            }
            pipeline.increment(PipelineCounter.STAGE_FAILURES);
        };
    }

    @Override
    public void onEvent(final AuthorizationEvent event, final long sequence, final boolean endOfBatch) {
        final int stored = event.storedMessages();
        try {
            if (stored != 0 && event.reason() != null) {
                final long now = clock.time();
                if ((stored & AuthorizationSlotDescriptor.STORED_ADVICE) != 0 && event.approved()) {
                    store.store(event, adviceTypeOf(event.messageTypeIndicator()), now);
                    storedInBatch = true;
                }
                if ((stored & AuthorizationSlotDescriptor.STORED_REVERSAL) != 0) {
                    store.store(event, 420, now);
                    storedInBatch = true;
                }
            }
        }
        finally {
            if (endOfBatch && storedInBatch) {
                storedInBatch = false;
                store.sync();
            }
        }
    }

    /** 0120 for an authorization (01xx), 0220 for a financial request (02xx). */
    static int adviceTypeOf(final int requestType) {
        return requestType / 100 % 10 == 2 ? 220 : 120;
    }
}
