package dev.cardgate.engine.journal;

import static dev.cardgate.engine.journal.JournalRecordDescriptor.AMOUNT_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.AUTHORIZATION_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.CARD_TOKEN_HIGH_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.CARD_TOKEN_LOW_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.CHECKSUMMED_FROM;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.CHECKSUMMED_LENGTH;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.CHECKSUM_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.COUNTRY_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.CURRENCY_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.DECISION_TIME_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.FLAGS_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.FLAG_CARD_TOKEN_PRESENT;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.FLAG_ORIGINAL_DATA_PRESENT;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.LENGTH_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.MCC_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.MERCHANT_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.MESSAGE_TYPE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.MONOTONIC_TIME_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.ORIGINAL_MESSAGE_TYPE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.ORIGINAL_STAN_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.ORIGINAL_TRANSMISSION_TIME_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.PAN_FIRST_SIX_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.PAN_LAST_FOUR_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.PAN_LENGTH_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.POS_ENTRY_MODE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.PROCESSING_CODE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.REASON_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.RECORD_LENGTH;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.RESERVED_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.RESPONSE_CODE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.RULE_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.SEQUENCE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.STAN_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.TERMINAL_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.TRANSMISSION_TIME_OFFSET;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * Writes a decided event as a {@link JournalRecordDescriptor} record: every field, then the
 * checksum, then the length with a release store, so that a concurrent reader never takes a
 * half-written record for a whole one. Also rewrites the decision of a written record.
 *
 * <p>Threading: the journal thread. No allocation.
 */
final class JournalRecordEncoder {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    static {
        if (ByteOrder.nativeOrder() != ORDER) {
            throw new ExceptionInInitializerError("the journal's release store of the record length assumes a "
                + "little-endian machine");
        }
    }

    private final RecordChecksum checksum = new RecordChecksum();

    /** Writes the record of {@code event} with {@code sequence} at {@code offset} of {@code buffer}. */
    void encode(final UnsafeBuffer buffer, final int offset, final long sequence, final AuthorizationEvent event,
        final long monotonicNanos) {
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, ORDER);
        buffer.putLong(offset + DECISION_TIME_OFFSET, event.decisionTimeEpochMillis(), ORDER);
        buffer.putLong(offset + MONOTONIC_TIME_OFFSET, monotonicNanos, ORDER);
        buffer.putLong(offset + AMOUNT_OFFSET, event.amountMinor(), ORDER);
        buffer.putLong(offset + CARD_TOKEN_HIGH_OFFSET, event.cardTokenHigh(), ORDER);
        buffer.putLong(offset + CARD_TOKEN_LOW_OFFSET, event.cardTokenLow(), ORDER);
        buffer.putInt(offset + MESSAGE_TYPE_OFFSET, event.messageTypeIndicator(), ORDER);
        buffer.putInt(offset + PROCESSING_CODE_OFFSET, event.processingCode(), ORDER);
        buffer.putInt(offset + STAN_OFFSET, event.systemTraceAuditNumber(), ORDER);
        buffer.putInt(offset + TRANSMISSION_TIME_OFFSET, (int)event.transmissionDateTime(), ORDER);
        buffer.putInt(offset + PAN_FIRST_SIX_OFFSET, event.panFirstSix(), ORDER);
        buffer.putShort(offset + PAN_LAST_FOUR_OFFSET, (short)event.panLastFour(), ORDER);
        buffer.putShort(offset + CURRENCY_OFFSET, (short)event.currencyCode(), ORDER);
        buffer.putShort(offset + MCC_OFFSET, (short)event.merchantCategoryCode(), ORDER);
        buffer.putShort(offset + COUNTRY_OFFSET, (short)event.countryCode(), ORDER);
        buffer.putShort(offset + POS_ENTRY_MODE_OFFSET, (short)event.posEntryMode(), ORDER);
        buffer.putByte(offset + PAN_LENGTH_OFFSET, (byte)event.panLength());
        final boolean originalData = isReversalWithOriginalData(event);
        buffer.putByte(offset + FLAGS_OFFSET, (byte)((event.cardTokenPresent() ? FLAG_CARD_TOKEN_PRESENT : 0)
            | (originalData ? FLAG_ORIGINAL_DATA_PRESENT : 0)));
        for (int i = 0; i < AuthorizationEvent.TERMINAL_ID_LENGTH; i++) {
            buffer.putByte(offset + TERMINAL_ID_OFFSET + i, event.terminalIdByte(i));
        }
        for (int i = 0; i < AuthorizationEvent.MERCHANT_ID_LENGTH; i++) {
            buffer.putByte(offset + MERCHANT_ID_OFFSET + i, event.merchantIdByte(i));
        }
        buffer.setMemory(offset + RESERVED_OFFSET, RECORD_LENGTH - RESERVED_OFFSET, (byte)0);
        buffer.putShort(offset + ORIGINAL_MESSAGE_TYPE_OFFSET, (short)(originalData ? event.originalMessageType() : 0),
            ORDER);
        if (originalData) {
            buffer.putInt(offset + ORIGINAL_STAN_OFFSET, event.originalSystemTraceAuditNumber(), ORDER);
            buffer.putInt(offset + ORIGINAL_TRANSMISSION_TIME_OFFSET, (int)event.originalTransmissionDateTime(), ORDER);
        }
        writeDecision(buffer, offset, event.reason(), event.ruleId(), event.responseCode(), event.authorizationId());
        buffer.putIntRelease(offset + LENGTH_OFFSET, RECORD_LENGTH);
    }

    /** A reversal carrying field 90: it has no authorization id, so the slot holds the original's data. */
    private static boolean isReversalWithOriginalData(final AuthorizationEvent event) {
        return event.messageTypeIndicator() / 100 % 10 == 4 && event.originalMessageType() != 0
            && event.authorizationId() == AuthorizationEvent.NO_AUTHORIZATION_ID;
    }

    /**
     * Rewrites the decision of the record at {@code offset} (already written) and its checksum:
     * used when the sync of an approval failed and its answer becomes 96.
     */
    void amendDecision(final UnsafeBuffer buffer, final int offset, final DecisionReason reason, final int ruleId) {
        writeDecision(buffer, offset, reason, ruleId, reason.responseCode(), AuthorizationEvent.NO_AUTHORIZATION_ID);
    }

    /** {@code responseCode} is the field 39 sent, which a rule may configure apart from the reason's usual code. */
    private void writeDecision(final UnsafeBuffer buffer, final int offset, final DecisionReason reason,
        final int ruleId, final int responseCode, final long authorizationId) {
        if ((buffer.getByte(offset + FLAGS_OFFSET) & FLAG_ORIGINAL_DATA_PRESENT) == 0) {
            buffer.putLong(offset + AUTHORIZATION_ID_OFFSET, authorizationId, ORDER);
        }
        buffer.putInt(offset + RULE_ID_OFFSET, ruleId, ORDER);
        buffer.putByte(offset + REASON_OFFSET, (byte)(reason == null ? -1 : reason.ordinal()));
        buffer.putByte(offset + RESPONSE_CODE_OFFSET, (byte)(reason == null ? -1 : responseCode));
        buffer.putInt(offset + CHECKSUM_OFFSET,
            checksum.compute(buffer, offset + CHECKSUMMED_FROM, CHECKSUMMED_LENGTH), ORDER);
    }
}
