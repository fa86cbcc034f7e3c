package dev.cardgate.engine.journal;

import static dev.cardgate.engine.journal.JournalRecordDescriptor.AMOUNT_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.AUTHORIZATION_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.CARD_TOKEN_HIGH_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.CARD_TOKEN_LOW_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.COUNTRY_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.CURRENCY_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.DECISION_TIME_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.FLAGS_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.FLAG_CARD_TOKEN_PRESENT;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.FLAG_ORIGINAL_DATA_PRESENT;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.MCC_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.MERCHANT_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.MESSAGE_TYPE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.ORIGINAL_MESSAGE_TYPE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.ORIGINAL_STAN_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.ORIGINAL_TRANSMISSION_TIME_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.PAN_FIRST_SIX_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.PAN_LAST_FOUR_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.PAN_LENGTH_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.POS_ENTRY_MODE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.PROCESSING_CODE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.REASON_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.RESPONSE_CODE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.RULE_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.STAN_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.TERMINAL_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.TRANSMISSION_TIME_OFFSET;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * Reads a record of format version 1 ({@link JournalRecordDescriptor}, 128 bytes, field 90
 * overlaid on the authorization id behind a flag) into an entry of today's layout, so that
 * everything past the scan reads both versions through one flyweight. Only version 1 records
 * are copied; version 2 records are read in place.
 *
 * <p>Threading: the caller's. No allocation.
 */
final class JournalRecordV1 {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private JournalRecordV1() {
    }

    /**
     * Rebuilds the decided event the record at {@code offset} was written from into a cleared
     * {@code event}.
     *
     * @return false when the reason is unknown to this version (the event is then undecided)
     */
    static boolean copyInto(final UnsafeBuffer buffer, final int offset, final AuthorizationEvent event) {
        final boolean originalData = (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_ORIGINAL_DATA_PRESENT) != 0;
        event.clear()
            .messageTypeIndicator(buffer.getInt(offset + MESSAGE_TYPE_OFFSET, ORDER))
            .processingCode(buffer.getInt(offset + PROCESSING_CODE_OFFSET, ORDER))
            .systemTraceAuditNumber(buffer.getInt(offset + STAN_OFFSET, ORDER))
            .transmissionDateTime(buffer.getInt(offset + TRANSMISSION_TIME_OFFSET, ORDER))
            .terminalId(buffer, offset + TERMINAL_ID_OFFSET)
            .merchantId(buffer, offset + MERCHANT_ID_OFFSET)
            .maskedPan(buffer.getByte(offset + PAN_LENGTH_OFFSET), buffer.getInt(offset + PAN_FIRST_SIX_OFFSET, ORDER),
                buffer.getShort(offset + PAN_LAST_FOUR_OFFSET, ORDER))
            .amountMinor(buffer.getLong(offset + AMOUNT_OFFSET, ORDER))
            .currencyCode(buffer.getShort(offset + CURRENCY_OFFSET, ORDER))
            .merchantCategoryCode(buffer.getShort(offset + MCC_OFFSET, ORDER))
            .countryCode(buffer.getShort(offset + COUNTRY_OFFSET, ORDER))
            .posEntryMode(buffer.getShort(offset + POS_ENTRY_MODE_OFFSET, ORDER));
        if (originalData) {
            event.originalDataElements(buffer.getShort(offset + ORIGINAL_MESSAGE_TYPE_OFFSET, ORDER),
                buffer.getInt(offset + ORIGINAL_STAN_OFFSET, ORDER),
                buffer.getInt(offset + ORIGINAL_TRANSMISSION_TIME_OFFSET, ORDER));
        }
        if ((buffer.getByte(offset + FLAGS_OFFSET) & FLAG_CARD_TOKEN_PRESENT) != 0) {
            event.cardToken(buffer.getLong(offset + CARD_TOKEN_HIGH_OFFSET, ORDER),
                buffer.getLong(offset + CARD_TOKEN_LOW_OFFSET, ORDER));
        }
        final DecisionReason reason = DecisionReason.fromOrdinal(reasonOrdinal(buffer, offset));
        if (reason == null) {
            return false;
        }
        final long decidedAt = buffer.getLong(offset + DECISION_TIME_OFFSET, ORDER);
        final long authorizationId = originalData ? AuthorizationEvent.NO_AUTHORIZATION_ID
            : buffer.getLong(offset + AUTHORIZATION_ID_OFFSET, ORDER);
        // the code sent, which a rule may have configured apart from the reason's usual one
        event.repeatDecision(reason, buffer.getInt(offset + RULE_ID_OFFSET, ORDER),
            buffer.getByte(offset + RESPONSE_CODE_OFFSET), authorizationId, decidedAt);
        return true;
    }

    /** The reason's ordinal as written. */
    static int reasonOrdinal(final UnsafeBuffer buffer, final int offset) {
        return buffer.getByte(offset + REASON_OFFSET);
    }
}
