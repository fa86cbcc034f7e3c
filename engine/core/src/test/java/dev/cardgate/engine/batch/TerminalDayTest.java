package dev.cardgate.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.event.TerminalTotals;
import dev.cardgate.engine.event.TransactionKind;
import dev.cardgate.engine.terminal.AsciiCodes;

/** The terminal day on its own: what each message answers and how it changes the open batch. */
class TerminalDayTest {
    private static final long DAY = 86_400_000L;
    private static final int EURO = 978;
    private final CounterRegistry counters = CounterRegistry.inMemory();
    private final TerminalDay day = newDay();
    private final List<byte[]> journal = new ArrayList<>();
    private long now = 1_773_144_000_000L;

    private TerminalDay newDay() {
        return new TerminalDay(220, 64, 1024, 7 * DAY, 3 * DAY, counters);
    }

    private static AuthorizationEvent message(final int type, final int processingCode, final int stan,
        final long amount) {
        final AuthorizationEvent event = new AuthorizationEvent().messageTypeIndicator(type)
            .processingCode(processingCode).systemTraceAuditNumber(stan).transmissionDateTime(1_125_140_000L + stan)
            .terminalId("TERM0001").amountMinor(amount).currencyCode(EURO).cardToken(7, 9);
        event.fieldPresent(49);
        return event;
    }

    private static AuthorizationEvent referring(final AuthorizationEvent event, final int originalType,
        final int originalStan) {
        return event.originalDataElements(originalType, originalStan, 1_125_140_000L + originalStan);
    }

    /** Decides as the engine would (the chain approves what the terminal day leaves to it) and learns. */
    private AuthorizationEvent decide(final AuthorizationEvent event) {
        now += 1_000;
        event.clearDecision();
        if (!day.decideBeforeChain(event, now)) {
            event.approve(42, now);
        }
        day.onDecided(event);
        final byte[] record = new byte[256];
        event.slot().getBytes(0, record);
        journal.add(record);
        return event;
    }

    private static AuthorizationEvent settlement(final int stan, final long debits, final long debitAmount,
        final long credits, final long creditAmount, final long voids, final long voidAmount) {
        final AuthorizationEvent event = new AuthorizationEvent().messageTypeIndicator(500).processingCode(920_000)
            .systemTraceAuditNumber(stan).transmissionDateTime(1_125_180_000L + stan).terminalId("TERM0001");
        event.terminalTotal(TerminalTotals.DEBITS_COUNT, debits).terminalTotal(TerminalTotals.DEBITS_AMOUNT, debitAmount)
            .terminalTotal(TerminalTotals.CREDITS_COUNT, credits).terminalTotal(TerminalTotals.CREDITS_AMOUNT, creditAmount)
            .terminalTotal(TerminalTotals.DEBIT_REVERSALS_COUNT, voids)
            .terminalTotal(TerminalTotals.DEBIT_REVERSALS_AMOUNT, voidAmount)
            .terminalTotal(TerminalTotals.CURRENCY, EURO)
            .terminalTotal(TerminalTotals.PRESENT, 0b10_1111_1111);
        return event;
    }

    private OpenBatch batch() {
        return day.openBatch(AsciiCodes.terminalKey(message(200, 0, 1, 0)), now);
    }

    @Test
    void aSaleAndAnOfflineAdviceAreDebitsAndARepeatedAdviceCountsOnce() {
        assertEquals(TransactionKind.SALE, decide(message(200, 0, 1, 1_000)).transactionKind());
        final AuthorizationEvent advice = decide(message(220, 0, 2, 500));
        assertEquals(TransactionKind.OFFLINE_SALE_ADVICE, advice.transactionKind());
        assertEquals(DecisionReason.APPROVED, advice.reason());
        assertEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, advice.authorizationId(), "an advice gets no field 38");
        assertEquals(DecisionReason.APPROVED, decide(message(221, 0, 2, 500)).reason(), "the repeat is acknowledged");
        final OpenBatch.CurrencyTotals euro = batch().currencies().get(0);
        assertEquals(2, euro.total(TerminalTotals.DEBITS_COUNT));
        assertEquals(1_500, euro.total(TerminalTotals.DEBITS_AMOUNT));
        assertEquals(1, counters.value(TerminalDayCounter.ADVICES_DUPLICATE));
        assertEquals(1, batch().batchNumber());
    }

    @Test
    void aVoidGivesBackItsSaleOnceAndAVoidOfNothingIs25() {
        decide(message(200, 0, 1, 1_000));
        final AuthorizationEvent voided = decide(referring(message(200, 20_000, 2, 1_000), 200, 1));
        assertEquals(TransactionKind.VOID, voided.transactionKind());
        assertEquals(DecisionReason.APPROVED, voided.reason());
        final AuthorizationEvent again = decide(referring(message(200, 20_000, 3, 1_000), 200, 1));
        assertEquals(DecisionReason.VOID_ALREADY_VOIDED, again.reason());
        assertEquals(12, again.responseCode());
        final AuthorizationEvent nothing = decide(referring(message(200, 20_000, 4, 1_000), 200, 99));
        assertEquals(25, nothing.responseCode());
        assertEquals(30, decide(message(200, 20_000, 5, 1_000)).responseCode(), "a void without field 90");
        final OpenBatch.CurrencyTotals euro = batch().currencies().get(0);
        assertEquals(1, euro.total(TerminalTotals.DEBIT_REVERSALS_COUNT));
        assertEquals(1_000, euro.total(TerminalTotals.DEBIT_REVERSALS_AMOUNT));
        assertEquals(0, euro.net());
    }

    @Test
    void aRefundIsACreditAndAReversedSaleLeavesTheBatch() {
        decide(message(200, 0, 1, 1_000));
        decide(message(200, 0, 2, 700));
        assertEquals(TransactionKind.REFUND, decide(message(200, 200_000, 3, 300)).transactionKind());
        decide(referring(message(400, 0, 4, 700), 200, 2));
        final OpenBatch.CurrencyTotals euro = batch().currencies().get(0);
        assertEquals(1, euro.total(TerminalTotals.DEBITS_COUNT));
        assertEquals(1_000, euro.total(TerminalTotals.DEBITS_AMOUNT));
        assertEquals(1, euro.total(TerminalTotals.CREDITS_COUNT));
        assertEquals(300, euro.total(TerminalTotals.CREDITS_AMOUNT));
        assertEquals(700, euro.net());
    }

    @Test
    void aPreAuthorizationHoldsUntilItsCompletionReplacesIt() {
        assertEquals(TransactionKind.PREAUTHORIZATION, decide(message(100, 0, 1, 5_000)).transactionKind());
        assertEquals(1, batch().holdCount());
        assertEquals(5_000, batch().holdAmount());
        final AuthorizationEvent completion = decide(referring(message(220, 0, 2, 4_200), 100, 1));
        assertEquals(TransactionKind.COMPLETION, completion.transactionKind());
        assertEquals(0, batch().holdCount());
        assertEquals(4_200, batch().currencies().get(0).total(TerminalTotals.DEBITS_AMOUNT));
        decide(message(100, 0, 3, 900));
        decide(referring(message(400, 0, 4, 900), 100, 3));
        assertEquals(0, batch().holdCount(), "a reversed pre-authorization holds nothing");
    }

    @Test
    void whereCompletionsAre0200sTheChainDecidesThemAndOneOfNoHoldIsASale() {
        final TerminalDay requests = new TerminalDay(200, 64, 1024, 7 * DAY, 3 * DAY, counters);
        final AuthorizationEvent hold = message(100, 0, 1, 5_000);
        hold.approve(1, now);
        requests.decideBeforeChain(hold, now);
        requests.onDecided(hold);
        final AuthorizationEvent completion = referring(message(200, 0, 2, 4_000), 100, 1);
        assertEquals(false, requests.decideBeforeChain(completion, now), "left to the chain");
        assertEquals(TransactionKind.COMPLETION, completion.transactionKind());
        final AuthorizationEvent noHold = referring(message(200, 0, 3, 4_000), 100, 77);
        requests.decideBeforeChain(noHold, now);
        assertEquals(TransactionKind.SALE, noHold.transactionKind());
        final AuthorizationEvent offline = referring(message(220, 0, 4, 4_000), 100, 1);
        requests.decideBeforeChain(offline, now);
        assertEquals(TransactionKind.OFFLINE_SALE_ADVICE, offline.transactionKind(),
            "a 0220 is an offline sale where completions are 0200s");
    }

    @Test
    void aHoldExpires() {
        decide(message(100, 0, 1, 5_000));
        now += 8 * DAY;
        assertEquals(0, batch().holdCount());
        assertEquals(0, batch().holdAmount());
    }

    @Test
    void aSettlementThatDisagreesIs95ThenTheUploadDecidesAndAgreementClosesTheBatch() {
        decide(message(200, 0, 1, 1_000));
        decide(message(200, 0, 2, 2_000));
        final AuthorizationEvent uploadTooEarly = decide(message(320, 0, 1, 1_000));
        assertEquals(DecisionReason.BATCH_UPLOAD_NOT_EXPECTED, uploadTooEarly.reason());
        final AuthorizationEvent differs = decide(settlement(10, 3, 3_500, 0, 0, 0, 0));
        assertEquals(95, differs.responseCode());
        assertEquals(OpenBatch.State.AWAITING_UPLOAD, batch().state());
        assertEquals(DecisionReason.BATCH_UPLOAD_ACCEPTED, decide(message(320, 0, 1, 1_000)).reason());
        decide(message(320, 0, 2, 2_000));
        decide(message(320, 0, 3, 500));
        decide(message(321, 0, 3, 500));
        assertEquals(OpenBatch.State.UPLOADED, batch().state());
        final AuthorizationEvent agrees = decide(settlement(11, 3, 3_500, 0, 0, 0, 0));
        assertEquals(DecisionReason.SETTLEMENT_AGREED, agrees.reason());
        assertEquals(0, agrees.responseCode());
        assertEquals(2, batch().batchNumber(), "a new batch begins");
        assertTrue(batch().currencies().isEmpty());
        assertEquals(2, decide(message(200, 0, 12, 100)).batchNumber());
    }

    @Test
    void aSettlementThatAgreesAtOnceIs00AndOneWithoutItsTotalsIs30() {
        decide(message(200, 0, 1, 1_000));
        decide(message(200, 200_000, 2, 400));
        decide(referring(message(200, 20_000, 3, 1_000), 200, 1));
        final AuthorizationEvent missing = settlement(9, 1, 1_000, 1, 400, 1, 1_000);
        missing.terminalTotal(TerminalTotals.PRESENT, 1L << TerminalTotals.DEBITS_COUNT);
        assertEquals(30, decide(missing).responseCode());
        final AuthorizationEvent agrees = settlement(10, 1, 1_000, 1, 400, 1, 1_000);
        agrees.terminalTotal(TerminalTotals.NET_AMOUNT, -400);
        assertEquals(DecisionReason.SETTLEMENT_AGREED, decide(agrees).reason());
        assertEquals(2, batch().batchNumber());
    }

    @Test
    void replayingTheJournalRebuildsBatchesAndHolds() {
        decide(message(200, 0, 1, 1_000));
        decide(message(220, 0, 2, 500));
        decide(message(100, 0, 3, 5_000));
        decide(referring(message(200, 20_000, 4, 500), 220, 2));
        decide(settlement(5, 9, 9, 0, 0, 0, 0));
        decide(message(320, 0, 1, 1_000));
        final OpenBatch before = batch();
        final TerminalDay restarted = newDay();
        final AuthorizationEvent record = new AuthorizationEvent();
        for (final byte[] bytes : journal) {
            restarted.onDecided(record.wrapRecord(new org.agrona.concurrent.UnsafeBuffer(bytes), 0));
        }
        assertEquals(before, restarted.openBatch(AsciiCodes.terminalKey(message(200, 0, 1, 0)), now));
        assertNull(restarted.openBatch(AsciiCodes.terminalKey(message(200, 0, 1, 0).terminalId("OTHER001")), now));
    }

    @Test
    void aRecordFromBeforeTheTerminalDayReadsAsUnclassifiedWithoutABatch() {
        final AuthorizationEvent old = new AuthorizationEvent().messageTypeIndicator(200).terminalId("TERM0001");
        old.approve(1, now);
        assertEquals(TransactionKind.UNCLASSIFIED, old.transactionKind());
        assertEquals(0, old.batchNumber());
        day.onDecided(old);
        assertNull(batch());
    }
}
