package dev.cardgate.engine.batch;

import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.event.TerminalTotals;
import dev.cardgate.engine.event.TransactionKind;
import dev.cardgate.engine.terminal.AsciiCodes;

/**
 * The terminal's day on the decision thread. Before the chain ({@link #decideBeforeChain}) it
 * stamps every message with its {@link TransactionKind} and its terminal's open batch number
 * (both journaled), and answers what the chain does not decide: advices are acknowledged 00
 * (never refused), voids are matched to their original (25, 12, 30 when they cannot be), batch
 * uploads are taken after a 95 (12 otherwise), settlements are compared with the host's totals
 * (00 or 95). After each decision ({@link #onDecided}, live or replayed from the journal) it
 * changes the batch totals and holds; nothing else does, so replay rebuilds them exactly.
 *
 * <p>Threading: decision thread only (replay runs before the pipeline). Allocates nothing after
 * construction; {@link #openBatch} (for the CLI) allocates its answer.
 */
public final class TerminalDay implements DecidedEventListener {
    /** Rule ids of the terminal day's declines: 600 to 699. */
    public static final int RULE_VOID_WITHOUT_ORIGINAL_DATA = 601;
    public static final int RULE_VOID_ORIGINAL_NOT_FOUND = 602;
    public static final int RULE_VOID_ALREADY_VOIDED = 603;
    public static final int RULE_UPLOAD_NOT_EXPECTED = 604;
    public static final int RULE_SETTLEMENT_TOTALS_MISSING = 605;
    public static final int RULE_SETTLEMENT_TOTALS_DIFFER = 606;
    private static final int SWEEP_SLOTS_PER_DECISION = 4;
    /** Set in an upload's key: field 7 is ten digits, so no transaction's key has it. */
    private static final long UPLOAD_KEY_BIT = 1L << 62;
    /** Totals a settlement must carry: 74, 76, 86, 88. */
    private static final long REQUIRED_TOTALS = 1L << TerminalTotals.CREDITS_COUNT | 1L << TerminalTotals.DEBITS_COUNT
        | 1L << TerminalTotals.CREDITS_AMOUNT | 1L << TerminalTotals.DEBITS_AMOUNT;

    private final TransactionClassifier classifier;
    private final BatchTable batches;
    private final TransactionLedger ledger;
    private final long holdExpiryMillis;
    private final long replayWindowMillis;
    private final ComponentCounters<TerminalDayCounter> counters;

    public TerminalDay(final int completionMessageType, final int maxTerminals, final int maxTransactions,
        final long holdExpiryMillis, final long replayWindowMillis, final CounterRegistry counters) {
        this.classifier = new TransactionClassifier(completionMessageType);
        this.batches = new BatchTable(maxTerminals);
        this.ledger = new TransactionLedger(maxTransactions);
        this.holdExpiryMillis = holdExpiryMillis;
        this.replayWindowMillis = replayWindowMillis;
        this.counters = counters.component(TerminalDayCounter.class);
    }

    @Override
    public long replayWindowMillis() {
        return replayWindowMillis;
    }

    /**
     * Stamps {@code event} with its kind and batch, and decides it when it is the terminal day's
     * to decide (advices, voids, uploads, settlements); returns true then.
     */
    public boolean decideBeforeChain(final AuthorizationEvent event, final long now) {
        TransactionKind kind = classifier.classify(event);
        final long terminal = AsciiCodes.terminalKey(event);
        final int row = batches.find(terminal);
        event.batchNumber(row >= 0 ? batches.batchNumber(row) : 1);
        if (kind == TransactionKind.COMPLETION && classifier.completionIsRequest() && openHold(event, now) < 0) {
            // a 0200 completion of no hold is authorized as the sale it is
            kind = TransactionKind.SALE;
        }
        event.transactionKind(kind);
        switch (kind) {
            case OFFLINE_SALE_ADVICE:
            case AUTHORIZATION_ADVICE:
                acknowledgeAdvice(event, terminal, now);
                return true;
            case COMPLETION:
                if (classifier.completionIsRequest()) {
                    return false;
                }
                acknowledgeAdvice(event, terminal, now);
                counters.increment(TerminalDayCounter.COMPLETIONS);
                return true;
            case VOID:
                decideVoid(event, terminal, row, now);
                return true;
            case BATCH_UPLOAD:
                decideUpload(event, row, now);
                return true;
            case SETTLEMENT:
                decideSettlement(event, row, now);
                return true;
            default:
                return false;
        }
    }

    /** Advices are never refused, or the terminal repeats them for ever: 00, without field 38. */
    private void acknowledgeAdvice(final AuthorizationEvent event, final long terminal, final long now) {
        if (ledger.find(terminal, event.systemTraceAuditNumber(), event.transmissionDateTime()) >= 0) {
            counters.increment(TerminalDayCounter.ADVICES_DUPLICATE);
        }
        counters.increment(TerminalDayCounter.ADVICES);
        event.approve(AuthorizationEvent.NO_AUTHORIZATION_ID, now);
    }

    private void decideVoid(final AuthorizationEvent event, final long terminal, final int row, final long now) {
        if (event.originalMessageType() == 0) {
            counters.increment(TerminalDayCounter.VOIDS_DECLINED);
            event.decline(DecisionReason.FORMAT_ERROR, RULE_VOID_WITHOUT_ORIGINAL_DATA, now);
            return;
        }
        final int original = ledger.find(terminal, event.originalSystemTraceAuditNumber(),
            event.originalTransmissionDateTime());
        if (original < 0 || row < 0 || !voidable(original, batches.batchNumber(row))) {
            counters.increment(TerminalDayCounter.VOIDS_DECLINED);
            event.decline(DecisionReason.VOID_ORIGINAL_NOT_FOUND, RULE_VOID_ORIGINAL_NOT_FOUND, now);
            return;
        }
        if (ledger.state(original) == TransactionLedger.VOIDED) {
            counters.increment(TerminalDayCounter.VOIDS_DECLINED);
            event.decline(DecisionReason.VOID_ALREADY_VOIDED, RULE_VOID_ALREADY_VOIDED, now);
            return;
        }
        counters.increment(TerminalDayCounter.VOIDS);
        event.approve(AuthorizationEvent.NO_AUTHORIZATION_ID, now);
    }

    /** A sale or refund of the open batch, open or voided (a reversed one is gone: nothing to void). */
    private boolean voidable(final int slot, final int openBatch) {
        final byte state = ledger.state(slot);
        return ledger.batchNumber[slot] == openBatch && (state == TransactionLedger.OPEN
            || state == TransactionLedger.VOIDED) && (isDebit(ledger.kind[slot]) || isCredit(ledger.kind[slot]));
    }

    private void decideUpload(final AuthorizationEvent event, final int row, final long now) {
        if (row < 0 || batches.state(row) == BatchTable.OPEN) {
            counters.increment(TerminalDayCounter.BATCH_UPLOADS_REFUSED);
            event.decline(DecisionReason.BATCH_UPLOAD_NOT_EXPECTED, RULE_UPLOAD_NOT_EXPECTED, now);
            return;
        }
        counters.increment(TerminalDayCounter.BATCH_UPLOADS);
        event.acknowledge(DecisionReason.BATCH_UPLOAD_ACCEPTED, now);
    }

    private void decideSettlement(final AuthorizationEvent event, final int row, final long now) {
        final long present = event.terminalTotal(TerminalTotals.PRESENT);
        if ((present & REQUIRED_TOTALS) != REQUIRED_TOTALS) {
            event.decline(DecisionReason.FORMAT_ERROR, RULE_SETTLEMENT_TOTALS_MISSING, now);
            return;
        }
        final int lane = row < 0 ? -1 : settledLane(event, row, present);
        event.settledCurrency(lane >= 0 ? batches.currencyOf(lane) : settlementCurrency(event, present));
        final boolean upload = row >= 0 && batches.state(row) == BatchTable.UPLOADED;
        if (agrees(event, lane, upload, present)) {
            counters.increment(TerminalDayCounter.SETTLEMENTS_AGREED);
            event.acknowledge(DecisionReason.SETTLEMENT_AGREED, now);
        }
        else {
            counters.increment(TerminalDayCounter.SETTLEMENTS_DIFFERED);
            event.decline(DecisionReason.SETTLEMENT_TOTALS_DIFFER, RULE_SETTLEMENT_TOTALS_DIFFER, now);
        }
    }

    /** Field 50, else field 49, else 0: the currency the terminal's totals are in. */
    private static int settlementCurrency(final AuthorizationEvent event, final long present) {
        return (present & 1L << TerminalTotals.CURRENCY) != 0 ? (int)event.terminalTotal(TerminalTotals.CURRENCY)
            : event.currencyCode();
    }

    /** The lane the settlement is of: its currency's, or the batch's only one when it names none. */
    private int settledLane(final AuthorizationEvent event, final int row, final long present) {
        final int currency = settlementCurrency(event, present);
        final boolean named = (present & 1L << TerminalTotals.CURRENCY) != 0 || event.isFieldPresent(49);
        return named ? batches.lane(row, currency, false) : batches.onlyLane(row);
    }

    /** Totals 0 to 7 equal (an absent optional one is 0), and field 97, when sent, equal to the net. */
    private boolean agrees(final AuthorizationEvent event, final int lane, final boolean upload, final long present) {
        for (int index = 0; index < BatchTable.TOTALS; index++) {
            final long host = lane < 0 ? 0 : batches.total(lane, upload, index);
            if (host != event.terminalTotal(index)) {
                return false;
            }
        }
        if ((present & 1L << TerminalTotals.NET_AMOUNT) == 0) {
            return true;
        }
        final long net = lane < 0 ? 0 : batches.total(lane, upload, TerminalTotals.DEBITS_AMOUNT)
            - batches.total(lane, upload, TerminalTotals.DEBIT_REVERSALS_AMOUNT)
            - batches.total(lane, upload, TerminalTotals.CREDITS_AMOUNT)
            + batches.total(lane, upload, TerminalTotals.CREDIT_REVERSALS_AMOUNT);
        return net == event.terminalTotal(TerminalTotals.NET_AMOUNT);
    }

    /** The open hold {@code event}'s field 90 names, or -1. */
    private int openHold(final AuthorizationEvent event, final long now) {
        final int slot = ledger.find(AsciiCodes.terminalKey(event), event.originalSystemTraceAuditNumber(),
            event.originalTransmissionDateTime());
        return slot >= 0 && isHold(ledger.kind[slot]) && ledger.state(slot) == TransactionLedger.OPEN
            && now - ledger.decidedAt[slot] < holdExpiryMillis ? slot : -1;
    }

    // ---- learning from decisions, live and replayed ----

    @Override
    public void onDecided(final AuthorizationEvent decided) {
        final TransactionKind kind = decided.transactionKind();
        if (decided.reason() == null || kind == TransactionKind.UNCLASSIFIED) {
            return;
        }
        final long now = decided.decisionTimeEpochMillis();
        sweep(now);
        final long terminal = AsciiCodes.terminalKey(decided);
        final int row = batches.findOrAdd(terminal, decided.batchNumber());
        if (row < 0) {
            counters.increment(TerminalDayCounter.TERMINALS_UNTRACKED);
            return;
        }
        switch (kind) {
            case SALE:
            case OFFLINE_SALE_ADVICE:
            case REFUND:
            case PREAUTHORIZATION:
            case AUTHORIZATION_ADVICE:
                if (decided.approved()) {
                    record(decided, kind, terminal, row, now);
                }
                break;
            case COMPLETION:
                if (decided.approved()) {
                    complete(decided, terminal, row, now);
                }
                break;
            case VOID:
                if (decided.approved()) {
                    applyVoid(decided, terminal, row);
                }
                break;
            case REVERSAL:
                reverse(decided, terminal, row);
                break;
            case BATCH_UPLOAD:
                if (decided.reason() == DecisionReason.BATCH_UPLOAD_ACCEPTED) {
                    upload(decided, terminal, row, now);
                }
                break;
            case SETTLEMENT:
                settle(decided, row);
                break;
            default:
                break;
        }
    }

    /** A new sale, refund or hold (a repeat of one already recorded changes nothing). */
    private void record(final AuthorizationEvent decided, final TransactionKind kind, final long terminal,
        final int row, final long now) {
        if (ledger.find(terminal, decided.systemTraceAuditNumber(), decided.transmissionDateTime()) >= 0) {
            return;
        }
        final int lane = isHold((byte)kind.code()) ? -1 : batches.lane(row, decided.currencyCode(), true);
        if (!isHold((byte)kind.code()) && lane < 0) {
            counters.increment(TerminalDayCounter.TERMINALS_UNTRACKED);
            return;
        }
        final int slot = add(decided, kind, terminal, now);
        if (isHold((byte)kind.code())) {
            batches.hold(row, 1, decided.amountMinor());
        }
        else if (kind == TransactionKind.REFUND) {
            batches.add(lane, false, TerminalTotals.CREDITS_COUNT, TerminalTotals.CREDITS_AMOUNT, 1,
                ledger.amountMinor[slot]);
        }
        else {
            batches.add(lane, false, TerminalTotals.DEBITS_COUNT, TerminalTotals.DEBITS_AMOUNT, 1,
                ledger.amountMinor[slot]);
        }
    }

    private int add(final AuthorizationEvent decided, final TransactionKind kind, final long terminal, final long now) {
        final int slot = ledger.add(terminal, decided.systemTraceAuditNumber(), decided.transmissionDateTime(), now,
            now - Math.max(holdExpiryMillis, replayWindowMillis));
        if (ledger.evictedLast()) {
            counters.increment(TerminalDayCounter.TRANSACTIONS_EVICTED);
        }
        ledger.amountMinor[slot] = decided.amountMinor();
        ledger.currency[slot] = decided.currencyCode();
        ledger.kind[slot] = (byte)kind.code();
        ledger.batchNumber[slot] = decided.batchNumber();
        return slot;
    }

    /** The hold is replaced by the completion: released, and the completion counted as a debit. */
    private void complete(final AuthorizationEvent decided, final long terminal, final int row, final long now) {
        if (ledger.find(terminal, decided.systemTraceAuditNumber(), decided.transmissionDateTime()) >= 0) {
            return;
        }
        final int hold = openHold(decided, now);
        if (hold >= 0) {
            ledger.state(hold, TransactionLedger.COMPLETED);
            batches.hold(row, -1, -ledger.amountMinor[hold]);
        }
        record(decided, TransactionKind.SALE, terminal, row, now);
        final int slot = ledger.find(terminal, decided.systemTraceAuditNumber(), decided.transmissionDateTime());
        if (slot >= 0) {
            ledger.kind[slot] = (byte)TransactionKind.COMPLETION.code();
        }
    }

    private void applyVoid(final AuthorizationEvent decided, final long terminal, final int row) {
        final int original = ledger.find(terminal, decided.originalSystemTraceAuditNumber(),
            decided.originalTransmissionDateTime());
        if (original < 0 || ledger.state(original) != TransactionLedger.OPEN) {
            return;
        }
        final int lane = batches.lane(row, ledger.currency[original], false);
        ledger.state(original, TransactionLedger.VOIDED);
        if (lane < 0) {
            return;
        }
        if (isCredit(ledger.kind[original])) {
            batches.add(lane, false, TerminalTotals.CREDIT_REVERSALS_COUNT, TerminalTotals.CREDIT_REVERSALS_AMOUNT, 1,
                ledger.amountMinor[original]);
        }
        else {
            batches.add(lane, false, TerminalTotals.DEBIT_REVERSALS_COUNT, TerminalTotals.DEBIT_REVERSALS_AMOUNT, 1,
                ledger.amountMinor[original]);
        }
    }

    /** A reversed sale, refund or hold never happened: it leaves the batch totals or the holds. */
    private void reverse(final AuthorizationEvent reversal, final long terminal, final int row) {
        final boolean hasOriginalData = reversal.originalMessageType() != 0;
        final int original = ledger.find(terminal,
            hasOriginalData ? reversal.originalSystemTraceAuditNumber() : reversal.systemTraceAuditNumber(),
            hasOriginalData ? reversal.originalTransmissionDateTime() : reversal.transmissionDateTime());
        if (original < 0 || ledger.state(original) != TransactionLedger.OPEN) {
            return;
        }
        ledger.state(original, TransactionLedger.REVERSED);
        final byte kind = ledger.kind[original];
        if (isHold(kind)) {
            batches.hold(row, -1, -ledger.amountMinor[original]);
            return;
        }
        final int lane = batches.lane(row, ledger.currency[original], false);
        if (lane < 0 || ledger.batchNumber[original] != batches.batchNumber(row)) {
            return;
        }
        if (isCredit(kind)) {
            batches.add(lane, false, TerminalTotals.CREDITS_COUNT, TerminalTotals.CREDITS_AMOUNT, -1,
                -ledger.amountMinor[original]);
        }
        else {
            batches.add(lane, false, TerminalTotals.DEBITS_COUNT, TerminalTotals.DEBITS_AMOUNT, -1,
                -ledger.amountMinor[original]);
        }
    }

    /**
     * One transaction as the terminal recorded it, into the uploaded totals by its field 3: 00 a
     * debit, 20 a credit, 02 a voided debit (a debit and a debit reversal), 22 a voided credit.
     */
    private void upload(final AuthorizationEvent decided, final long terminal, final int row, final long now) {
        // an upload may carry its original's STAN and time: uploads are keyed apart from transactions
        final long uploadKey = decided.transmissionDateTime() | UPLOAD_KEY_BIT;
        if (ledger.find(terminal, decided.systemTraceAuditNumber(), uploadKey) >= 0) {
            return;
        }
        final int lane = batches.lane(row, decided.currencyCode(), true);
        if (lane < 0) {
            counters.increment(TerminalDayCounter.TERMINALS_UNTRACKED);
            return;
        }
        final int slot = ledger.add(terminal, decided.systemTraceAuditNumber(), uploadKey, now,
            now - Math.max(holdExpiryMillis, replayWindowMillis));
        ledger.kind[slot] = (byte)TransactionKind.BATCH_UPLOAD.code();
        ledger.batchNumber[slot] = decided.batchNumber();
        if (batches.state(row) != BatchTable.UPLOADED) {
            batches.clearUploads(row);
            batches.state(row, BatchTable.UPLOADED);
        }
        final int type = TransactionClassifier.transactionType(decided);
        final long amount = decided.amountMinor();
        final boolean credit = type == TransactionClassifier.REFUND_TYPE || type == 22;
        if (credit) {
            batches.add(lane, true, TerminalTotals.CREDITS_COUNT, TerminalTotals.CREDITS_AMOUNT, 1, amount);
        }
        else {
            batches.add(lane, true, TerminalTotals.DEBITS_COUNT, TerminalTotals.DEBITS_AMOUNT, 1, amount);
        }
        if (type == 22) {
            batches.add(lane, true, TerminalTotals.CREDIT_REVERSALS_COUNT, TerminalTotals.CREDIT_REVERSALS_AMOUNT, 1,
                amount);
        }
        else if (type == TransactionClassifier.VOID_TYPE) {
            batches.add(lane, true, TerminalTotals.DEBIT_REVERSALS_COUNT, TerminalTotals.DEBIT_REVERSALS_AMOUNT, 1,
                amount);
        }
    }

    /** 00: the currency is settled, and the batch closed when none is left; 95: an upload is expected. */
    private void settle(final AuthorizationEvent decided, final int row) {
        if (decided.reason() == DecisionReason.SETTLEMENT_AGREED) {
            final int lane = batches.lane(row, decided.settledCurrency(), false);
            if (lane >= 0) {
                batches.settleLane(lane);
            }
            if (batches.noLaneUsed(row)) {
                batches.close(row, decided.batchNumber());
            }
            else {
                batches.state(row, BatchTable.OPEN);
            }
        }
        else if (decided.reason() == DecisionReason.SETTLEMENT_TOTALS_DIFFER) {
            batches.clearUploads(row);
            batches.state(row, BatchTable.AWAITING_UPLOAD);
        }
    }

    /** Expires holds that outlived {@code terminal-day.hold-expiry.ms}, a few slots per decision. */
    private void sweep(final long now) {
        for (int i = 0; i < SWEEP_SLOTS_PER_DECISION; i++) {
            expire(ledger.nextSweepSlot(), now);
        }
    }

    private void expire(final int slot, final long now) {
        if (ledger.state(slot) != TransactionLedger.OPEN || !isHold(ledger.kind[slot])
            || now - ledger.decidedAt[slot] < holdExpiryMillis) {
            return;
        }
        ledger.state(slot, TransactionLedger.EXPIRED);
        final int row = batches.find(ledger.terminalKey(slot));
        if (row >= 0) {
            batches.hold(row, -1, -ledger.amountMinor[slot]);
        }
        counters.increment(TerminalDayCounter.HOLDS_EXPIRED);
    }

    private static boolean isHold(final byte kind) {
        return kind == TransactionKind.PREAUTHORIZATION.code() || kind == TransactionKind.AUTHORIZATION_ADVICE.code();
    }

    private static boolean isDebit(final byte kind) {
        return kind == TransactionKind.SALE.code() || kind == TransactionKind.OFFLINE_SALE_ADVICE.code()
            || kind == TransactionKind.COMPLETION.code();
    }

    private static boolean isCredit(final byte kind) {
        return kind == TransactionKind.REFUND.code();
    }

    // ---- read side, for the CLI and tests ----

    /** The terminal's open batch as of {@code now} (expired holds released first); null if unknown. */
    public OpenBatch openBatch(final long terminalKey, final long now) {
        for (int slot = 0; slot < ledger.slots(); slot++) {
            expire(slot, now);
        }
        final int row = batches.find(terminalKey);
        if (row < 0) {
            return null;
        }
        final java.util.List<OpenBatch.CurrencyTotals> lanes = new java.util.ArrayList<>();
        final boolean uploaded = batches.state(row) == BatchTable.UPLOADED;
        for (int i = 0; i < BatchTable.LANES; i++) {
            final int lane = row * BatchTable.LANES + i;
            if (batches.currencyOf(lane) < 0) {
                continue;
            }
            final long[] counted = new long[BatchTable.TOTALS];
            final long[] sent = new long[BatchTable.TOTALS];
            for (int t = 0; t < BatchTable.TOTALS; t++) {
                counted[t] = batches.total(lane, false, t);
                sent[t] = batches.total(lane, true, t);
            }
            lanes.add(new OpenBatch.CurrencyTotals(batches.currencyOf(lane), counted, uploaded ? sent : null));
        }
        return new OpenBatch(batches.batchNumber(row), OpenBatch.State.of(batches.state(row)), batches.holdCount(row),
            batches.holdAmount(row), lanes);
    }
}
