package dev.cardgate.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemEpochClock;

import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.control.ControlWatcher;
import dev.cardgate.engine.control.EngineControlRequests;
import dev.cardgate.engine.decision.AmountCheck;
import dev.cardgate.engine.decision.AuthorizationIdGenerator;
import dev.cardgate.engine.decision.BlocklistCheck;
import dev.cardgate.engine.decision.CardNumberCheck;
import dev.cardgate.engine.decision.CurrencyCheck;
import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.decision.DecisionChain;
import dev.cardgate.engine.decision.DecisionCounter;
import dev.cardgate.engine.batch.DecidedListenerPair;
import dev.cardgate.engine.batch.TerminalDay;
import dev.cardgate.engine.config.TerminalDayConfiguration;
import dev.cardgate.engine.decision.DecisionHandler;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.decision.ExpiryCheck;
import dev.cardgate.engine.decision.RequestFormatCheck;
import dev.cardgate.engine.decision.TerminalCheck;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationIds;
import dev.cardgate.engine.event.DecisionListener;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.event.PanParts;
import dev.cardgate.engine.journal.Journal;
import dev.cardgate.engine.journal.JournalHandler;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.counters.CountersFile;
import dev.cardgate.engine.counters.MetricsAgent;
import dev.cardgate.engine.journal.JournalCounter;
import dev.cardgate.engine.journal.JournalKey;
import dev.cardgate.engine.pipeline.AuthorizationPipeline;
import dev.cardgate.engine.pipeline.DistinctFailureLog;
import dev.cardgate.engine.pipeline.IntakeGuard;
import dev.cardgate.engine.pipeline.PipelineStage;
import dev.cardgate.engine.rules.ActiveRules;
import dev.cardgate.engine.decision.MessageRouter;
import dev.cardgate.engine.rules.PolicyCheck;
import dev.cardgate.engine.rules.RequestFacts;
import dev.cardgate.engine.rules.RiskCheck;
import dev.cardgate.engine.rules.RiskState;
import dev.cardgate.engine.rules.RuleSet;
import dev.cardgate.engine.rules.RulesParser;
import dev.cardgate.engine.rules.RulesReloadReport;
import dev.cardgate.engine.rules.RulesReloader;
import dev.cardgate.engine.terminal.AsciiCodes;
import dev.cardgate.engine.terminal.StoredTerminal;
import dev.cardgate.engine.terminal.TerminalRegistry;
import dev.cardgate.engine.terminal.TerminalSource;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.Luhn;
import dev.cardgate.engine.token.PanFormat;
import dev.cardgate.engine.token.PanTokenizer;
import dev.cardgate.engine.token.TokenKey;
import dev.cardgate.engine.saf.StoreAndForward;
import dev.cardgate.engine.saf.StoreAndForwardHandler;
import dev.cardgate.engine.saf.StoreAndForwardSender;
import dev.cardgate.engine.upstream.FinalOutcomes;
import dev.cardgate.engine.upstream.StandInLimits;
import dev.cardgate.engine.upstream.UpstreamFlow;
import dev.cardgate.engine.upstream.UpstreamFlowCounter;
import dev.cardgate.engine.upstream.UpstreamLink;
import dev.cardgate.engine.upstream.UpstreamLinkFactory;

/**
 * An authorization engine embedded in the caller's JVM: launch it, submit requests, read the
 * decisions, close it. Several engines can live in one JVM; they share nothing.
 *
 * <h2>Zero-allocation path (for front-ends)</h2>
 * <pre>{@code
 * long sequence = engine.tryClaim();            // never waits
 * if (sequence < 0) { answer 91: RING_FULL or CLOSED }
 * AuthorizationEvent event = engine.claimedEvent(sequence);
 * event.systemTraceAuditNumber(stan).cardToken(token)...listener(listener).attachment(connection);
 * engine.publish(sequence);                     // always, exactly once per claimed sequence
 * }</pre>
 * The listener is called on the engine's reply thread with the decided event.
 *
 * <h2>Convenience path (allocates)</h2>
 * {@link #authorize} blocks until the decision; {@link #authorizeAsync} never blocks. Both take
 * the clear PAN, tokenize it on the caller's thread and keep only the token and masked parts.
 *
 * <p>Threading: every method may be called from any thread, except that a {@link
 * DecisionListener} (which runs on the reply thread) must not call {@link #authorize} or {@link
 * #claim}: they would wait for the very thread that is calling them.
 */
public final class AuthorizationEngine implements AutoCloseable {
    /** {@link #tryClaim()}: the ring is full. */
    public static final long RING_FULL = AuthorizationPipeline.RING_FULL;
    /** {@link #tryClaim()} and {@link #claim()}: the engine is closing or closed. */
    public static final long CLOSED = AuthorizationPipeline.CLOSED;
    /** {@link #tryClaim()} and {@link #claim()}: the journal cannot write; answer 91. */
    public static final long JOURNAL_UNAVAILABLE = AuthorizationPipeline.JOURNAL_UNAVAILABLE;

    /** How often the housekeeping agent publishes the heartbeat, gauges and latency percentiles. */
    static final long METRICS_INTERVAL_MILLIS = 1_000;

    private final Logger logger = System.getLogger("dev.cardgate.engine");
    private final EngineConfiguration configuration;
    private final CountersFile countersFile;
    private final CounterRegistry counters;
    private final AgentRunner metricsRunner;
    private final DistinctFailureLog failureLog = new DistinctFailureLog(logger);
    private final DecisionChain decisionChain;
    private final AuthorizationPipeline pipeline;
    private final ThreadLocal<CallerTokenizer> callerTokenizers;
    private final List<AutoCloseable> resources;
    private final DecisionListener futureCompleter = this::completeFuture;
    private final TokenKey tokenKey;
    private final BlocklistStore blocklist;
    private final Journal journal;
    private final TerminalRegistry terminalRegistry;
    private final ActiveRules activeRules;
    private final RiskState riskState;
    private final TerminalDay terminalDay;
    private final RulesReloader rulesReloader;
    private final UpstreamLink upstreamLink;
    private final StoreAndForward storeAndForward;
    private final StoreAndForwardSender storeAndForwardSender;
    private final StandInLimits standInLimits;
    private ControlWatcher controlWatcher;
    private boolean closed;

    /** Wires and starts an engine from a concluded context; see {@link #launch(EngineContext)}. */
    private AuthorizationEngine(final EngineContext context) {
        this.configuration = context.configuration();
        this.countersFile = context.countersFile();
        this.counters = new CounterRegistry(countersFile.countersManager());
        this.tokenKey = context.tokenKey();
        this.blocklist = context.blocklist();
        this.terminalRegistry = context.terminalRegistry();
        final ComponentCounters<DecisionCounter> decisionCounters = counters.component(DecisionCounter.class);
        final Runnable damageFound = () -> decisionCounters.increment(DecisionCounter.MAP_ENTRIES_DAMAGED);
        if (blocklist != null) {
            blocklist.damage().onFinding(damageFound);
        }
        if (terminalRegistry != null) {
            terminalRegistry.damage().onFinding(damageFound);
        }
        this.resources = new ArrayList<>(context.ownedResources());
        final Supplier<? extends CardTokenizer> tokenizers = context.tokenizers();
        this.callerTokenizers = ThreadLocal.withInitial(() -> new CallerTokenizer(tokenizers.get()));
        final TerminalSource terminals = context.terminals();
        final RuleSet initialRules = configuration.rulesFile() == null ? RuleSet.defaults()
            : RulesParser.parse(configuration.rulesFile());
        activeRules = new ActiveRules(initialRules);
        final RequestFacts facts = new RequestFacts();
        riskState = newRiskState(initialRules, facts, terminals);
        rulesReloader = new RulesReloader(configuration.rulesFile(), activeRules, riskState);
        final TerminalCheck terminalCheck = new TerminalCheck(terminals, activeRules, facts,
            configuration.refuseUnknownTerminals(), configuration.faultyTerminalResponseCode(),
            configuration.lastHeardIntervalMillis());
        terminalCheck.signOnRequiredOfEveryTerminal(configuration.signOnRequiredOfEveryTerminal());
        decisionChain = new DecisionChain(List.of(terminalCheck, new RequestFormatCheck(activeRules),
            new CardNumberCheck(), new ExpiryCheck(), new AmountCheck(), new CurrencyCheck(activeRules),
            new BlocklistCheck(context.blocklistLookup()), new PolicyCheck(activeRules, facts, counters),
            new RiskCheck(activeRules, facts, riskState, terminals, counters)));
        upstreamLink = context.upstreamLinks() == null ? null : context.upstreamLinks().open(counters);
        terminalDay = newTerminalDay();
        final AuthorizationIdGenerator authorizationIds = new AuthorizationIdGenerator(new SecureRandom());
        standInLimits = upstreamLink == null ? null : new StandInLimits(configuration.standIn(), counters);
        final UpstreamFlow upstreamFlow = upstreamLink == null ? null : new UpstreamFlow(upstreamLink, standInLimits,
            configuration.standIn(), authorizationIds::next, riskState::outcomeKindOfApprovedOriginal, counters);
        // the risk state and the terminal's day learn final outcomes only: an approval counts once the
        // network or stand-in gave it
        final DecisionHandler decisionHandler = new DecisionHandler(configuration.clock(), decisionChain,
            authorizationIds, counters,
            new MessageRouter(activeRules, riskState, terminalCheck, facts, counters, terminalDay),
            new FinalOutcomes(new DecidedListenerPair(riskState, terminalDay)), upstreamFlow);
        journal = context.journalWanted() ? openJournal(context) : null;
        storeAndForward = upstreamLink == null ? null : openStoreAndForward();
        final List<PipelineStage> stages = new ArrayList<>();
        stages.add(new PipelineStage("decision", decisionHandler,
            DecisionHandler.failureAnswer(configuration.clock(), counters), false));
        if (journal != null) {
            stages.add(new PipelineStage("journal", journal.stage(), JournalHandler.failureAnswer(counters), true));
        }
        if (storeAndForward != null) {
            stages.add(new PipelineStage("saf", new StoreAndForwardHandler(storeAndForward, configuration.clock()),
                StoreAndForwardHandler.failureAnswer(configuration.clock(), counters), true));
        }
        pipeline = new AuthorizationPipeline(configuration.engineName(), configuration.ringSize(),
            configuration.waitStrategy(), configuration.threadLayout(), stages,
            journal == null ? IntakeGuard.OPEN : journal.health(), counters, failureLog, logger, upstreamLink);
        pipeline.start();
        storeAndForwardSender = upstreamLink == null ? null : startUpstream();
        metricsRunner = new MetricsAgent(configuration.engineName(), counters,
            SystemEpochClock.INSTANCE, METRICS_INTERVAL_MILLIS, pipeline::inFlight,
            () -> journal == null ? 0 : counters.value(JournalCounter.POSITION)
                - counters.value(JournalCounter.SYNCED_POSITION),
            counters.latency()).start(failure -> failureLog.record("metrics", failure));
        logger.log(Level.INFO, () -> "engine " + configuration.engineName() + " started, checks "
            + decisionChain.ruleNamesInOrder() + ", threads " + pipeline.threadNames() + "\n" + configuration);
    }

    /** The decision thread's batches and holds, sized and set as {@code terminal-day.*} says. */
    private TerminalDay newTerminalDay() {
        final TerminalDayConfiguration settings = configuration.terminalDay();
        return new TerminalDay(settings.completionMessageType(), settings.maxTerminals(), settings.maxTransactions(),
            settings.holdExpiryMillis(), settings.replayWindowMillis(), counters);
    }

    /** The decision thread's risk memory; a terminal's country comes from the registry when it knows it. */
    private RiskState newRiskState(final RuleSet initialRules, final RequestFacts facts,
        final TerminalSource terminals) {
        final StoredTerminal countryScratch = new StoredTerminal();
        return new RiskState(configuration.maxTrackedCards(), configuration.maxTrackedTerminals(),
            configuration.maxTrackedAuthorizations(), initialRules, facts, event -> {
                final long key = AsciiCodes.terminalKey(event);
                return terminals.find(key, countryScratch) ? countryScratch.countryCode() : event.countryCode();
            });
    }

    /**
     * Opens the journal (scanned, its torn tail cut off) and replays it into the risk state and
     * the context's replay listeners, before the pipeline starts; closed with the engine.
     */
    private Journal openJournal(final EngineContext context) {
        final Journal opened = Journal.open(configuration.engineName(), configuration.journal(),
            tokenKey != null ? JournalKey.of(tokenKey) : JournalKey.unkeyed(), context.journalStorage(),
            configuration.ringSize(), configuration.clock(), counters, failureLog, logger);
        try {
            // the risk state learns again what it knew before the restart
            final List<DecidedEventListener> replayInto = new ArrayList<>();
            replayInto.add(new FinalOutcomes(riskState));
            replayInto.add(new FinalOutcomes(terminalDay));
            if (standInLimits != null) {
                replayInto.add(standInLimits);
            }
            replayInto.addAll(context.replayListeners());
            final long replayed = opened.replay(replayInto);
            logger.log(Level.INFO, () -> "journal replayed " + replayed + " records");
        }
        catch (final RuntimeException failure) {
            closeQuietly(opened);
            throw failure;
        }
        resources.add(opened);
        return opened;
    }

    /**
     * Opens the store-and-forward file ({@code saf.dat}) in the data folder; its frames' key is
     * derived from the token key, or (an engine with a test tokenizer) from {@code saf.key}.
     */
    private StoreAndForward openStoreAndForward() {
        final TokenKey keySource = tokenKey != null ? tokenKey
            : TokenKey.loadOrCreate(configuration.dataDirectory().resolve("saf.key"));
        final StoreAndForward opened = StoreAndForward.open(configuration.dataDirectory(), keySource, counters);
        resources.add(opened);
        return opened;
    }

    /** Starts the store-and-forward sender and the link, which reports to the engine from now on. */
    private StoreAndForwardSender startUpstream() {
        final StoreAndForwardSender sender = new StoreAndForwardSender(configuration.engineName(), storeAndForward,
            upstreamLink, configuration.clock(), configuration.standIn().safRetryIntervalMillis(),
            configuration.standIn().safExpiryMillis(), configuration.standIn().safWindow());
        counters.component(UpstreamFlowCounter.class).set(UpstreamFlowCounter.STAND_IN_ACTIVE,
            EngineUpstreamListener.standsIn(upstreamLink.state()) ? 1 : 0);
        upstreamLink.start(new EngineUpstreamListener(pipeline, storeAndForward, sender, counters));
        return sender.start();
    }

    /**
     * Launches an engine with a link to the card network ({@code cardgate serve} with
     * {@code upstream.enabled}): requests that pass every local check are forwarded through
     * the link {@code upstreamLinks} builds over the engine's counters, decided in stand-in while
     * it is not up; docs/upstream.md. The engine starts the link and closes it when it closes;
     * a null factory launches the engine without a link.
     */
    public static AuthorizationEngine launch(final EngineConfiguration configuration,
        final UpstreamLinkFactory upstreamLinks) {
        return launch(new EngineContext().configuration(configuration).upstreamLinks(upstreamLinks));
    }

    /**
     * Launches an engine: creates the data folder (owner-only) if absent, loads the card token
     * key (from the configuration's hex, else from the key file, created on first start), opens
     * the blocklist map (created if absent), starts the pipeline threads and the control channel's
     * watcher ({@code <data.dir>/control}, through which {@code cardgate rules reload} reaches it).
     *
     * @throws dev.cardgate.engine.token.TokenKeyException     when the key cannot be loaded or created
     * @throws dev.cardgate.engine.blocklist.BlocklistException when the map file is corrupt, foreign
     *                                                          or made with another key
     * @throws java.io.UncheckedIOException                    when the data folder cannot be created
     */
    public static AuthorizationEngine launch(final EngineConfiguration configuration) {
        return launch(new EngineContext().configuration(configuration));
    }

    /**
     * Launches an engine wired from {@code context}, concluded here: what the context opened is
     * closed again when the engine cannot start.
     *
     * @throws dev.cardgate.engine.rules.RulesFileException when the rules file is invalid
     * @throws dev.cardgate.engine.journal.JournalException when the journal cannot be opened
     */
    static AuthorizationEngine launch(final EngineContext context) {
        context.conclude();
        final AuthorizationEngine engine;
        try {
            engine = new AuthorizationEngine(context);
        }
        catch (final RuntimeException | InternalError failure) {
            final List<AutoCloseable> opened = new ArrayList<>(context.ownedResources());
            java.util.Collections.reverse(opened);
            opened.forEach(AuthorizationEngine::closeQuietly);
            throw StartFailures.explained(failure, context.configuration().dataDirectory());
        }
        if (context.controlChannel()) {
            engine.startControlChannel();
        }
        return engine;
    }

    /** Lets operators' processes reach this engine (cardgate rules reload); closes the engine when it cannot. */
    private void startControlChannel() {
        try {
            controlWatcher = ControlWatcher.start(configuration.dataDirectory(), configuration.engineName(),
                this::reloadRules, new EngineControlRequests(blocklist, terminalRegistry,
                    tokenKey == null ? null : tokenKey.newTokenizer()));
        }
        catch (final RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /**
     * A tokenizer for a producer thread of the zero-allocation path (one per thread): it turns
     * a PAN in a decoder's buffer into the card token to put in the event, without allocating.
     */
    public PanTokenizer newTokenizer() {
        return launchedResource(tokenKey).newTokenizer();
    }

    /**
     * The engine's blocklist store, to add, remove or import entries from this process; the
     * decision thread sees each change at its next lookup. Usable until the engine is closed.
     */
    public BlocklistStore blocklist() {
        return launchedResource(blocklist);
    }

    /**
     * The engine's terminal registry, to add, change, list or import terminals from this process;
     * the decision thread sees each change from its next request. Usable until the engine is closed.
     */
    public TerminalRegistry terminals() {
        return launchedResource(terminalRegistry);
    }

    /**
     * Reloads the rules file ({@code rules.file}) on this thread: validates it in full and, when
     * it is valid, hands it to the decision thread, which installs it between two requests; when
     * it is not, the report lists every problem (file:line: reason) and the old rules stay.
     */
    public RulesReloadReport reloadRules() {
        return rulesReloader.reload();
    }

    /** The version of the rules in force: 0 for those loaded at launch, then each installed reload's. */
    public long rulesVersion() {
        return activeRules.installedVersion();
    }

    /**
     * Claims a ring slot without waiting. Zero allocation.
     *
     * @return the sequence to fill and {@link #publish}, or {@link #RING_FULL} or {@link #CLOSED}
     */
    public long tryClaim() {
        return pipeline.tryClaim();
    }

    /**
     * Claims a ring slot, waiting while the ring is full. Zero allocation.
     *
     * @return the sequence to fill and {@link #publish}, or {@link #CLOSED}
     */
    public long claim() {
        return pipeline.claim();
    }

    /** The entry of a claimed sequence, cleared, for the claiming thread to fill. */
    public AuthorizationEvent claimedEvent(final long sequence) {
        return pipeline.claimedEvent(sequence);
    }

    /** Publishes a claimed, filled entry. Must be called exactly once per claimed sequence. */
    public void publish(final long sequence) {
        pipeline.publish(sequence);
    }

    /**
     * Authorizes and waits for the decision, waiting for room if the ring is full. Allocates.
     *
     * @param pan the clear card number: tokenized on this thread, never kept
     * @return the decision; SHUTTING_DOWN (91) once the engine is closing
     */
    public Decision authorize(final CharSequence pan, final AuthorizationRequestData request) {
        final CardToken token = callerTokenizers.get().tokenize(pan);
        final long sequence = pipeline.claim();
        if (sequence < 0) {
            return refusal(sequence, pan, request);
        }
        return submit(sequence, token, pan, request).join();
    }

    /**
     * Authorizes without ever blocking the caller. Allocates. The future completes on the
     * engine's reply thread: attach dependent work with the {@code ...Async} methods of
     * CompletableFuture, or it runs on that thread and delays every other answer.
     *
     * @param pan the clear card number: tokenized on this thread, never kept
     * @return a future of the decision; already complete with SYSTEM_OVERLOADED (91) when the ring
     *     is full, or SHUTTING_DOWN (91) when the engine is closing
     */
    public CompletableFuture<Decision> authorizeAsync(final CharSequence pan, final AuthorizationRequestData request) {
        final CardToken token = callerTokenizers.get().tokenize(pan);
        final long sequence = pipeline.tryClaim();
        if (sequence < 0) {
            return CompletableFuture.completedFuture(refusal(sequence, pan, request));
        }
        return submit(sequence, token, pan, request);
    }

    /** What the engine has done since launch: each component's counters, by its descriptors. */
    public CounterRegistry counters() {
        return counters;
    }

    /** The file the counters are published in for other processes; null when they are in memory only. */
    public java.nio.file.Path countersFile() {
        return countersFile.file();
    }

    /**
     * What keeps the engine from being ready now, one line each: closing (its maps and journal
     * are being closed), a map not open, the journal unable to write. Empty when ready.
     */
    public List<String> healthProblems() {
        final List<String> problems = new ArrayList<>();
        if (isClosed()) {
            problems.add("the engine is closing: it takes no new requests and closes its maps and journal");
            return problems;
        }
        if (blocklist == null) {
            problems.add("no blocklist map is open");
        }
        if (terminalRegistry == null) {
            problems.add("no terminal registry map is open");
        }
        for (final String damage : new String[] {blocklist == null ? null : blocklist.damage().problemOrNull(),
            terminalRegistry == null ? null : terminalRegistry.damage().problemOrNull()}) {
            if (damage != null) {
                problems.add(damage);
            }
        }
        if (journal != null && journal.health().failed()) {
            problems.add("the journal cannot write (" + configuration.journal().directory() + ")");
        }
        return problems;
    }

    /**
     * What makes the engine answer in a degraded way while it still answers (for {@code /health}):
     * the upstream link not up, so requests are decided in stand-in. Each line begins with
     * {@link #DEGRADED}; empty when nothing is degraded.
     */
    public List<String> healthDegradations() {
        final List<String> degradations = new ArrayList<>();
        if (upstreamLink != null && EngineUpstreamListener.standsIn(upstreamLink.state())) {
            degradations.add(DEGRADED + "the upstream link is " + upstreamLink.state()
                + ": requests are decided in stand-in (docs/upstream.md), " + storeAndForward.owedCount()
                + " stored messages owed to the network");
        }
        return degradations;
    }

    /** The prefix of a {@link #healthDegradations()} line. */
    public static final String DEGRADED = "degraded: ";

    /** Distinct failures of the pipeline's stages and how often each happened. */
    public java.util.Map<String, Long> distinctFailures() {
        return failureLog.distinctFailures();
    }

    /** The name of a rule id found in a decision ("blocklist"). */
    public String ruleName(final int ruleId) {
        return decisionChain.ruleName(ruleId);
    }

    public EngineConfiguration configuration() {
        return configuration;
    }

    /** True once {@link #close()} has begun: nothing new is accepted. */
    public boolean isClosed() {
        return pipeline.isClosed();
    }

    /** Requests accepted and not yet answered. */
    public long inFlight() {
        return pipeline.inFlight();
    }

    /**
     * Stops accepting requests (later submissions are refused as SHUTTING_DOWN), answers every
     * request already accepted, stops the pipeline's threads and closes the engine's files.
     * Idempotent; waits at most the configured shutdown timeout for the drain.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (controlWatcher != null) {
            controlWatcher.close();
        }
        if (upstreamLink != null) {
            // the link fails what is in flight (LINK_LOST): those outcomes are answered in the drain
            storeAndForwardSender.close();
            closeQuietly(upstreamLink);
        }
        final boolean drained = pipeline.close(configuration.shutdownTimeout());
        metricsRunner.close();
        failureLog.logSummary();
        final List<AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        reversed.forEach(AuthorizationEngine::closeQuietly);
        logger.log(Level.INFO, () -> "engine " + configuration.engineName() + " closed"
            + (drained ? "" : " WITHOUT answering everything accepted") + "; " + counters);
    }

    private static void closeQuietly(final AutoCloseable resource) {
        try {
            resource.close();
        }
        catch (final Exception failure) {
            System.getLogger("dev.cardgate.engine").log(Level.ERROR, "closing " + resource + " failed", failure);
        }
    }

    private static <T> T launchedResource(final T resource) {
        if (resource == null) {
            throw new IllegalStateException("this engine was not launched with a token key and blocklist store");
        }
        return resource;
    }

    private CompletableFuture<Decision> submit(final long sequence, final CardToken token, final CharSequence pan,
        final AuthorizationRequestData request) {
        final CompletableFuture<Decision> future = new CompletableFuture<>();
        final AuthorizationEvent event = pipeline.claimedEvent(sequence);
        AuthorizationRequestData.TRANSLATOR.translateTo(event, sequence, request);
        if (token != null) {
            event.cardToken(token);
            event.maskedPan(pan.length(), PanParts.firstSix(pan), PanParts.lastFour(pan));
            event.panLuhnValid(Luhn.isValid(pan));
        }
        if (pan.length() > 0) {
            event.fieldPresent(2);
        }
        event.listener(futureCompleter).attachment(future);
        pipeline.publish(sequence);
        return future;
    }

    /** The reply thread's listener for the convenience path. */
    @SuppressWarnings("unchecked")
    private void completeFuture(final AuthorizationEvent event) {
        ((CompletableFuture<Decision>)event.attachment()).complete(
            Decision.copyOf(event, decisionChain.ruleName(event.ruleId())));
    }

    private Decision refusal(final long claimResult, final CharSequence pan, final AuthorizationRequestData request) {
        final boolean shuttingDown = claimResult == CLOSED;
        final boolean journalUnavailable = claimResult == JOURNAL_UNAVAILABLE;
        final boolean wellFormed = PanFormat.isWellFormed(pan);
        final int ruleId = shuttingDown ? EngineRules.SHUTTING_DOWN
            : journalUnavailable ? EngineRules.JOURNAL_UNAVAILABLE : EngineRules.OVERLOADED;
        return new Decision(shuttingDown ? DecisionReason.SHUTTING_DOWN
            : journalUnavailable ? DecisionReason.JOURNAL_UNAVAILABLE : DecisionReason.SYSTEM_OVERLOADED,
            ruleId, decisionChain.ruleName(ruleId), AuthorizationIds.toString(AuthorizationEvent.NO_AUTHORIZATION_ID),
            configuration.clock().time(), request.systemTraceAuditNumber(),
            wellFormed ? PanParts.toString(pan.length(), PanParts.firstSix(pan), PanParts.lastFour(pan)) : "");
    }

    /** A calling thread's tokenizer and token holder, for the convenience path. */
    private static final class CallerTokenizer {
        private final CardTokenizer tokenizer;

        CallerTokenizer(final CardTokenizer tokenizer) {
            this.tokenizer = tokenizer;
        }

        /** A new token for {@code pan}, or null when it cannot be tokenized. */
        CardToken tokenize(final CharSequence pan) {
            final CardToken token = new CardToken();
            return tokenizer.tokenize(pan, token) ? token : null;
        }
    }
}
