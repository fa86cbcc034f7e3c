package dev.cardgate.engine.pipeline;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;

import dev.cardgate.engine.config.ThreadLayout;
import dev.cardgate.engine.config.WaitStrategyType;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationSlotDescriptor;
import dev.cardgate.engine.upstream.UpstreamLink;

/**
 * The engine's Disruptor ring, its stages and their threads, wired in one place from the list
 * of stages present:
 * <pre>
 *   producers --claim/fill/publish--&gt; [ring of AuthorizationEvent]
 *        --&gt; decision stage (single writer of engine state) [--&gt; journal stage] --&gt; reply stage (listener)
 * </pre>
 * Each stage has its own thread, or with {@link ThreadLayout#SINGLE_THREAD} all run on one; each
 * has the one {@link StageFailureHandler}, with the stage's own answer.
 *
 * <p>Producers: any number of threads. {@link #tryClaim()} never waits; {@link #claim()} waits
 * while the ring is full. A claimed sequence must be published, filled or not, exactly once.
 * Neither allocates.
 */
public final class AuthorizationPipeline {
    /** {@link #tryClaim()}: every slot is taken; answer the request as overloaded. */
    public static final long RING_FULL = -1;
    /** {@link #tryClaim()} and {@link #claim()}: the engine is closing; answer as shutting down. */
    public static final long CLOSED = -2;
    /** {@link #tryClaim()} and {@link #claim()}: the journal cannot write; answer 91. */
    public static final long JOURNAL_UNAVAILABLE = -3;

    private static final long FULL_RING_PAUSE_NANOS = 20_000;
    private static final long DRAIN_POLL_NANOS = 100_000;

    private final Logger logger;
    private final Disruptor<AuthorizationEvent> disruptor;
    private final RingBuffer<AuthorizationEvent> ring;
    private final AdmissionGate admissionGate;
    private final ComponentCounters<PipelineCounter> counters;
    private final StageThreadFactory threadFactory;
    private final IntakeGuard intakeGuard;
    private volatile boolean halted;
    private final java.util.function.BooleanSupplier running = () -> !halted;

    /**
     * @param stages      the stages before the reply, in order (decision, then the journal when
     *                    there is one); the pipeline adds the reply stage last
     * @param intakeGuard may refuse new requests (journal unavailable)
     */
    public AuthorizationPipeline(final String engineName, final int ringSize, final WaitStrategyType waitStrategy,
        final ThreadLayout threadLayout, final List<PipelineStage> stages, final IntakeGuard intakeGuard,
        final CounterRegistry counters, final DistinctFailureLog failureLog, final Logger logger) {
        this(engineName, ringSize, waitStrategy, threadLayout, stages, intakeGuard, counters, failureLog, logger, null);
    }

    /**
     * @param upstreamLink the link the reply stage hands forwarded approvals to; null without one.
     *                     With a link, an eighth of the ring (at least one slot) is kept for late
     *                     approvals ({@link AdmissionGate#admitOutcome})
     */
    public AuthorizationPipeline(final String engineName, final int ringSize, final WaitStrategyType waitStrategy,
        final ThreadLayout threadLayout, final List<PipelineStage> stages, final IntakeGuard intakeGuard,
        final CounterRegistry counters, final DistinctFailureLog failureLog, final Logger logger,
        final UpstreamLink upstreamLink) {
        this.logger = logger;
        this.intakeGuard = intakeGuard;
        this.counters = counters.component(PipelineCounter.class);
        this.admissionGate = new AdmissionGate(ringSize, upstreamLink == null ? 0 : Math.max(1, ringSize / 8));
        final PipelineStage reply = new PipelineStage("reply",
            new ReplyHandler(admissionGate, counters, upstreamLink, this::publishOutcome),
            ReplyHandler.failureAnswer(counters), false);
        final List<PipelineStage> all = new ArrayList<>(stages);
        all.add(reply);
        final List<String> threads = new ArrayList<>();
        if (threadLayout == ThreadLayout.SINGLE_THREAD) {
            threads.add("pipeline");
        }
        else {
            all.forEach(stage -> threads.add(stage.name()));
        }
        threadFactory = new StageThreadFactory(engineName, threads);
        disruptor = new Disruptor<>(AuthorizationEvent::new, ringSize, threadFactory, ProducerType.MULTI,
            waitStrategy.newWaitStrategy());
        if (threadLayout == ThreadLayout.SINGLE_THREAD) {
            final SingleThreadStages single = new SingleThreadStages(all, failureLog, ringSize);
            disruptor.handleEventsWith(single);
            disruptor.handleExceptionsFor(single).with(single.lastStageFailureHandler());
        }
        else {
            EventHandlerGroup<AuthorizationEvent> previous = null;
            for (final PipelineStage stage : all) {
                previous = previous == null ? disruptor.handleEventsWith(stage.handler())
                    : previous.then(stage.handler());
                disruptor.handleExceptionsFor(stage.handler())
                    .with(new StageFailureHandler(stage.name(), stage.failureAnswer(), failureLog));
            }
        }
        ring = disruptor.getRingBuffer();
    }

    /** Starts the stage threads. */
    public void start() {
        disruptor.start();
    }

    /**
     * Claims a slot without waiting.
     *
     * @return the sequence to fill and publish, or {@link #RING_FULL}, {@link #CLOSED} or {@link
     *     #JOURNAL_UNAVAILABLE}
     */
    public long tryClaim() {
        if (intakeGuard.refusesNewRequests()) {
            counters.increment(PipelineCounter.REFUSED_JOURNAL_UNAVAILABLE);
            return JOURNAL_UNAVAILABLE;
        }
        final int admission = admissionGate.tryAdmit();
        if (admission == AdmissionGate.ADMITTED) {
            return ring.next();
        }
        if (admission == AdmissionGate.RING_FULL) {
            counters.increment(PipelineCounter.REFUSED_RING_FULL);
            return RING_FULL;
        }
        counters.increment(PipelineCounter.REFUSED_SHUTTING_DOWN);
        return CLOSED;
    }

    /**
     * Claims a slot, waiting (parked in short steps) while the ring is full.
     *
     * @return the sequence to fill and publish, or {@link #CLOSED} or {@link #JOURNAL_UNAVAILABLE}
     */
    public long claim() {
        if (intakeGuard.refusesNewRequests()) {
            counters.increment(PipelineCounter.REFUSED_JOURNAL_UNAVAILABLE);
            return JOURNAL_UNAVAILABLE;
        }
        while (true) {
            final int admission = admissionGate.tryAdmit();
            if (admission == AdmissionGate.ADMITTED) {
                return ring.next();
            }
            if (admission == AdmissionGate.CLOSED) {
                counters.increment(PipelineCounter.REFUSED_SHUTTING_DOWN);
                return CLOSED;
            }
            LockSupport.parkNanos(FULL_RING_PAUSE_NANOS);
        }
    }

    /** The entry at a claimed sequence, cleared of the previous request and stamped with the time of its claim. */
    public AuthorizationEvent claimedEvent(final long sequence) {
        return ring.get(sequence).clear().claimNanos(System.nanoTime());
    }

    /**
     * Publishes the link's outcome for a forwarded request (a copy of it, {@code forwarded}) on the
     * permit the request still holds: never refused, never waits for a permit. Any thread (the
     * link's, or the reply stage when the link did not take the request); allocates only when a
     * slot's request buffer grows.
     *
     * @param upstreamEvent an {@code UpstreamOutcome} ordinal + 1
     */
    public void publishOutcome(final AuthorizationEvent forwarded, final int upstreamEvent,
        final int networkResponseCode, final long authorizationId) {
        final long sequence = ring.next();
        ring.get(sequence).copyFrom(forwarded).upstreamOutcome(upstreamEvent, networkResponseCode, authorizationId);
        ring.publish(sequence);
    }

    /**
     * Publishes an approval that came after its request's timeout, on a permit of the reserve
     * (waiting, not refused, while every permit is taken).
     *
     * @return false only when the pipeline has stopped
     */
    public boolean publishLateApproval(final AuthorizationEvent forwarded, final long authorizationId) {
        if (!admissionGate.admitOutcome(running)) {
            return false;
        }
        final long sequence = ring.next();
        ring.get(sequence).copyFrom(forwarded).upstreamOutcome(AuthorizationSlotDescriptor.UPSTREAM_EVENT_LATE_APPROVAL,
            0, authorizationId);
        ring.publish(sequence);
        return true;
    }

    /** Hands a filled entry to the stages. */
    public void publish(final long sequence) {
        ring.publish(sequence);
    }

    public int ringSize() {
        return ring.getBufferSize();
    }

    /** Requests accepted and not yet answered. */
    public long inFlight() {
        return admissionGate.inFlight();
    }

    public boolean isClosed() {
        return admissionGate.isClosed();
    }

    /** Names of the stage threads, once started. */
    public List<String> threadNames() {
        return threadFactory.threadNames();
    }

    /**
     * Stops accepting, waits until every accepted request has been answered, then stops the
     * stage threads. Call once; the engine makes its close idempotent.
     *
     * @return true when everything accepted was answered and the threads ended within the timeout
     */
    public boolean close(final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        admissionGate.close();
        while (admissionGate.inFlight() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
        final long unanswered = admissionGate.inFlight();
        halted = true;
        disruptor.halt();
        boolean threadsEnded;
        try {
            threadsEnded = threadFactory.awaitTermination(deadline);
        }
        catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            threadsEnded = false;
        }
        if (unanswered > 0) {
            logger.log(Level.ERROR, unanswered + " accepted requests were not answered within the shutdown timeout of "
                + timeout.toMillis() + " ms");
        }
        if (!threadsEnded) {
            logger.log(Level.ERROR, "pipeline threads did not end within the shutdown timeout: " + threadNames());
        }
        return unanswered == 0 && threadsEnded;
    }
}
