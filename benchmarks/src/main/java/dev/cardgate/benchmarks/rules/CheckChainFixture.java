package dev.cardgate.benchmarks.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.cardgate.engine.batch.DecidedListenerPair;
import dev.cardgate.engine.batch.TerminalDay;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.decision.AmountCheck;
import dev.cardgate.engine.decision.AuthorizationIdGenerator;
import dev.cardgate.engine.decision.BlocklistCheck;
import dev.cardgate.engine.decision.CardNumberCheck;
import dev.cardgate.engine.decision.CurrencyCheck;
import dev.cardgate.engine.decision.DecisionChain;
import dev.cardgate.engine.decision.DecisionHandler;
import dev.cardgate.engine.decision.ExpiryCheck;
import dev.cardgate.engine.decision.RequestFormatCheck;
import dev.cardgate.engine.decision.TerminalCheck;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.rules.ActiveRules;
import dev.cardgate.engine.decision.MessageRouter;
import dev.cardgate.engine.rules.PolicyCheck;
import dev.cardgate.engine.rules.RequestFacts;
import dev.cardgate.engine.rules.RiskCheck;
import dev.cardgate.engine.rules.RiskState;
import dev.cardgate.engine.rules.RuleSet;
import dev.cardgate.engine.rules.RulesParser;
import dev.cardgate.engine.terminal.TerminalLookup;
import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalRegistry;
import dev.cardgate.engine.terminal.TerminalStatus;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.TokenKey;

/**
 * The decision handler wired as the engine wires it (router, chain of every check, the risk state
 * and the terminal day as the decided-event listeners) over a real Chronicle Map registry of
 * 100,000 terminals and a blocklist, with 1,000,000 cards tracked by the risk state, and a clock
 * that moves 1 ms every 64 decisions (the smoke test builds it smaller: the sizes are
 * parameters). Built once per trial; {@link #decide} runs one decision and allocates nothing.
 */
final class CheckChainFixture implements AutoCloseable {
    static final long START = 1_773_144_000_000L;
    /** The terminal day's transaction table, as {@code terminal-day.max-transactions} defaults. */
    static final int TRACKED_TRANSACTIONS = 131_072;
    private static final long DAY_MILLIS = 86_400_000L;
    static final String RULES = String.join("\n",
        "accept-currencies 978 840 826",
        "required-fields 0100 2 3 4 11 14 22 41 42 49",
        "minimum-software A920 2.4.0",
        "policy 401 vip", "  allow", "  merchants VIPMERCHANT0001", "end",
        "policy 402 no-gambling", "  decline 57", "  merchant-categories 7995 7800-7802", "end",
        "policy 403 no-fallback", "  decline 62", "  entry-modes 80", "end",
        "policy 404 blocked-bins", "  decline 62", "  cards 499999 510000-510099", "end",
        "policy 405 sanctioned", "  decline 93", "  countries 408 364", "end",
        "policy 406 kiosk-night", "  decline 57", "  terminal-groups kiosk", "  hours 22:00-06:00", "end",
        "limit 501 big-ticket", "  max-amount 500000", "end",
        "limit 502 manual-cap", "  max-amount 20000", "  entry-modes 01", "  decline 13", "end",
        "velocity 511 count-per-hour", "  window 1h", "  max-count 1000", "end",
        "velocity 512 daily-amount", "  window 24h", "  max-amount 10000000000", "end",
        "card-testing 521 declines", "  window 1h", "  max-declines 50", "end",
        "impossible-travel 531 travel", "  window 2h", "end", "");

    private final Path folder;
    private final BlocklistStore blocklist;
    private final TerminalRegistry registry;
    private final DecisionHandler handler;
    private final RiskState risk;
    private final CardToken stolen = new CardToken();
    private final org.agrona.concurrent.UnsafeBuffer rotatingTerminal =
        new org.agrona.concurrent.UnsafeBuffer("T0000000".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private final int terminalCount;
    private final int trackedCardCount;
    private long counter;
    private long now = START;

    /**
     * @param terminalCount    registered terminals besides the named ones of each kind
     * @param trackedCardCount cards the risk state tracks before the first decision
     */
    CheckChainFixture(final int terminalCount, final int trackedCardCount) {
        this.terminalCount = terminalCount;
        this.trackedCardCount = trackedCardCount;
        try {
            folder = Files.createTempDirectory("cardgate-check-chain-");
        }
        catch (final IOException failure) {
            throw new UncheckedIOException(failure);
        }
        final TokenKey key = TokenKey.fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        blocklist = BlocklistStore.open(folder.resolve("blocklist.cm"), 10_000, key);
        blocklist.add("5555555555554444", BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "BENCH");
        key.newTokenizer().tokenize("5555555555554444", stolen);
        registry = TerminalRegistry.open(folder.resolve("terminals.cm"), terminalCount + 16);
        for (int i = 0; i < terminalCount; i++) {
            registry.set(TerminalRecord.active(terminalId(i), "MERCHANT0000001", 5411, 276, "EU", "lane", "A920",
                "2.5.0", false));
        }
        registry.set(new TerminalRecord("DISABLED", "MERCHANT0000001", 5411, 276, "EU", "lane",
            TerminalStatus.DISABLED, "A920", "2.5.0", false, false, 0));
        registry.set(new TerminalRecord("FAULTY01", "MERCHANT0000001", 5411, 276, "EU", "lane",
            TerminalStatus.FAULTY, "A920", "2.5.0", false, false, 0));
        registry.set(TerminalRecord.active("OLDSOFT1", "MERCHANT0000001", 5411, 276, "EU", "lane", "A920", "2.3",
            false));
        registry.set(TerminalRecord.active("SIGNON01", "MERCHANT0000001", 5411, 276, "EU", "lane", "A920", "2.5.0",
            true));
        registry.set(TerminalRecord.active("CASINO01", "MERCHANT0000001", 7995, 276, "EU", "lane", "A920", "2.5.0",
            false));
        registry.set(TerminalRecord.active("CARDTEST", "MERCHANT0000001", 5411, 276, "EU", "lane", "A920", "2.5.0",
            false));
        registry.set(TerminalRecord.active("FRANCE01", "MERCHANT0000001", 5411, 250, "EU", "lane", "A920", "2.5.0",
            false));
        final RuleSet rules = RulesParser.parse("benchmark rules", List.of(RULES.split("\n")));
        final ActiveRules active = new ActiveRules(rules);
        final RequestFacts facts = new RequestFacts();
        final CounterRegistry counters = CounterRegistry.inMemory();
        final TerminalLookup terminals = registry.newLookup();
        risk = new RiskState(trackedCardCount, terminalCount, trackedCardCount, rules, facts, event -> 276);
        final TerminalCheck terminalCheck = new TerminalCheck(terminals, active, facts, true, 91, 1000);
        final DecisionChain chain = new DecisionChain(List.of(terminalCheck, new RequestFormatCheck(active),
            new CardNumberCheck(), new ExpiryCheck(), new AmountCheck(), new CurrencyCheck(active),
            new BlocklistCheck(blocklist.newLookup()), new PolicyCheck(active, facts, counters),
            new RiskCheck(active, facts, risk, terminals, counters)));
        final TerminalDay terminalDay = new TerminalDay(220, terminalCount, TRACKED_TRANSACTIONS, 7 * DAY_MILLIS,
            3 * DAY_MILLIS, counters);
        handler = new DecisionHandler(() -> now, chain, new AuthorizationIdGenerator(new SecureRandom()), counters,
            new MessageRouter(active, risk, terminalCheck, facts, counters, terminalDay),
            new DecidedListenerPair(risk, terminalDay));
        trackCards();
    }

    static String terminalId(final int index) {
        return String.format("T%07d", index);
    }

    /** Approves one request of each of the synthetic cards, so the risk state tracks them all. */
    private void trackCards() {
        final AuthorizationEvent event = new AuthorizationEvent();
        for (int card = 0; card < trackedCardCount; card++) {
            event.clear().messageTypeIndicator(100).systemTraceAuditNumber(card % 999_999 + 1)
                .transmissionDateTime(card).terminalId(terminalId(card % terminalCount)).cardToken(7, card)
                .amountMinor(1_000);
            event.approve(card, now);
            risk.onDecided(event);
        }
    }

    /** A request that passes every check, for card {@code card} of the tracked ones. */
    AuthorizationEvent approvable(final AuthorizationEvent event) {
        event.clear().messageTypeIndicator(100).processingCode(0).terminalId(terminalId(0))
            .merchantId("MERCHANT0000001").cardToken(7, 0).maskedPan(16, 411111, 1111).panLuhnValid(true)
            .expiryYearMonth(2812).amountMinor(1_000).currencyCode(978).merchantCategoryCode(5411).countryCode(276)
            .posEntryMode(51);
        for (final int field : new int[] {2, 3, 4, 7, 11, 14, 18, 19, 22, 41, 42, 49}) {
            event.fieldPresent(field);
        }
        return event;
    }

    CardToken stolenCard() {
        return stolen;
    }

    /** Decides {@code event} as a new request: a fresh STAN and transmission time, the clock moved on. */
    void decide(final AuthorizationEvent event) {
        counter++;
        now = START + (counter >> 6);
        event.systemTraceAuditNumber((int)(counter % 999_999) + 1).transmissionDateTime(counter);
        handler.onEvent(event, counter, true);
    }

    /** Decides a request for one of the tracked cards at one of the registered terminals, rotating both. */
    void decideRotating(final AuthorizationEvent event) {
        event.cardToken(7, counter % trackedCardCount);
        int value = (int)(counter % terminalCount);
        for (int i = 7; i >= 1; i--) {
            rotatingTerminal.putByte(i, (byte)('0' + value % 10));
            value /= 10;
        }
        event.terminalId(rotatingTerminal, 0);
        decide(event);
    }

    @Override
    public void close() {
        registry.close();
        blocklist.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
