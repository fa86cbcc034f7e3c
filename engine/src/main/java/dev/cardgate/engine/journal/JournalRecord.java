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
import static dev.cardgate.engine.journal.JournalRecordDescriptor.RESPONSE_CODE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.RULE_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.SEQUENCE_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.STAN_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.TERMINAL_ID_OFFSET;
import static dev.cardgate.engine.journal.JournalRecordDescriptor.TRANSMISSION_TIME_OFFSET;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * A flyweight over one journal record ({@link JournalRecordDescriptor}): {@link #wrap} checks
 * it, the accessors read it in place, {@link #copyInto} rebuilds the decided event.
 *
 * <p>Threading: one instance per reading thread. Allocation: none, except the String accessors.
 */
public final class JournalRecord {
    /** {@link #wrap}: a whole, valid record. */
    public static final int VALID = 0;
    /** {@link #wrap}: nothing written here yet (all zeros). */
    public static final int EMPTY = 1;
    /** {@link #wrap}: something is written here, but not a valid record (torn or damaged). */
    public static final int DAMAGED = 2;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final RecordChecksum checksum = new RecordChecksum();
    private UnsafeBuffer buffer;
    private int offset;
    private String damage;

    /**
     * Points at the record at {@code offset} and checks it: its length must be 128, its checksum
     * must match and its sequence must be {@code expectedSequence}.
     *
     * @return {@link #VALID}, {@link #EMPTY} or {@link #DAMAGED} (then {@link #damage()} says why)
     */
    public int wrap(final UnsafeBuffer buffer, final int offset, final long expectedSequence) {
        this.buffer = buffer;
        this.offset = offset;
        damage = null;
        final int length = buffer.getIntAcquire(offset + LENGTH_OFFSET);
        if (length == 0) {
            for (int i = 0; i < RECORD_LENGTH; i += Long.BYTES) {
                if (buffer.getLong(offset + i) != 0) {
                    damage = "a partly written record (no length, but bytes at +" + i + ")";
                    return DAMAGED;
                }
            }
            return EMPTY;
        }
        if (length != RECORD_LENGTH) {
            damage = "a record length of " + length + " instead of " + RECORD_LENGTH;
            return DAMAGED;
        }
        final int stored = buffer.getInt(offset + CHECKSUM_OFFSET, ORDER);
        if (stored != checksum.compute(buffer, offset + CHECKSUMMED_FROM, CHECKSUMMED_LENGTH)) {
            damage = "a checksum that does not match the record";
            return DAMAGED;
        }
        if (sequence() != expectedSequence) {
            damage = "sequence " + sequence() + " where " + expectedSequence + " was expected";
            return DAMAGED;
        }
        return VALID;
    }

    /** Why the last {@link #wrap} returned {@link #DAMAGED}. */
    public String damage() {
        return damage;
    }

    public long sequence() {
        return buffer.getLong(offset + SEQUENCE_OFFSET, ORDER);
    }

    public long decisionTimeEpochMillis() {
        return buffer.getLong(offset + DECISION_TIME_OFFSET, ORDER);
    }

    public long monotonicNanos() {
        return buffer.getLong(offset + MONOTONIC_TIME_OFFSET, ORDER);
    }

    public long amountMinor() {
        return buffer.getLong(offset + AMOUNT_OFFSET, ORDER);
    }

    public boolean cardTokenPresent() {
        return (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_CARD_TOKEN_PRESENT) != 0;
    }

    public long cardTokenHigh() {
        return buffer.getLong(offset + CARD_TOKEN_HIGH_OFFSET, ORDER);
    }

    public long cardTokenLow() {
        return buffer.getLong(offset + CARD_TOKEN_LOW_OFFSET, ORDER);
    }

    /** Field 38 as a number; {@link AuthorizationEvent#NO_AUTHORIZATION_ID} when none. */
    public long authorizationId() {
        return originalDataPresent() ? AuthorizationEvent.NO_AUTHORIZATION_ID
            : buffer.getLong(offset + AUTHORIZATION_ID_OFFSET, ORDER);
    }

    /** True for a reversal that carried field 90 (original data elements). */
    public boolean originalDataPresent() {
        return (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_ORIGINAL_DATA_PRESENT) != 0;
    }

    /** Field 90's original message type; 0 when the request carried no field 90. */
    public int originalMessageType() {
        return originalDataPresent() ? buffer.getShort(offset + ORIGINAL_MESSAGE_TYPE_OFFSET, ORDER) : 0;
    }

    /** Field 90's original STAN; 0 when the request carried no field 90. */
    public int originalSystemTraceAuditNumber() {
        return originalDataPresent() ? buffer.getInt(offset + ORIGINAL_STAN_OFFSET, ORDER) : 0;
    }

    /** Field 90's original transmission time, MMDDhhmmss; 0 when the request carried no field 90. */
    public int originalTransmissionDateTime() {
        return originalDataPresent() ? buffer.getInt(offset + ORIGINAL_TRANSMISSION_TIME_OFFSET, ORDER) : 0;
    }

    public int messageTypeIndicator() {
        return buffer.getInt(offset + MESSAGE_TYPE_OFFSET, ORDER);
    }

    public int processingCode() {
        return buffer.getInt(offset + PROCESSING_CODE_OFFSET, ORDER);
    }

    public int systemTraceAuditNumber() {
        return buffer.getInt(offset + STAN_OFFSET, ORDER);
    }

    /** Field 7, MMDDhhmmss. */
    public int transmissionDateTime() {
        return buffer.getInt(offset + TRANSMISSION_TIME_OFFSET, ORDER);
    }

    public int ruleId() {
        return buffer.getInt(offset + RULE_ID_OFFSET, ORDER);
    }

    public int panLength() {
        return buffer.getByte(offset + PAN_LENGTH_OFFSET);
    }

    public int panFirstSix() {
        return buffer.getInt(offset + PAN_FIRST_SIX_OFFSET, ORDER);
    }

    public int panLastFour() {
        return buffer.getShort(offset + PAN_LAST_FOUR_OFFSET, ORDER);
    }

    public int currencyCode() {
        return buffer.getShort(offset + CURRENCY_OFFSET, ORDER);
    }

    public int merchantCategoryCode() {
        return buffer.getShort(offset + MCC_OFFSET, ORDER);
    }

    public int countryCode() {
        return buffer.getShort(offset + COUNTRY_OFFSET, ORDER);
    }

    public int posEntryMode() {
        return buffer.getShort(offset + POS_ENTRY_MODE_OFFSET, ORDER);
    }

    /** The reason's ordinal in {@link DecisionReason} as written. */
    public int reasonOrdinal() {
        return buffer.getByte(offset + REASON_OFFSET);
    }

    /** The reason, or null when this version of the engine does not know the ordinal. */
    public DecisionReason reason() {
        return DecisionReason.fromOrdinal(reasonOrdinal());
    }

    /** Field 39 as a number. */
    public int responseCode() {
        return buffer.getByte(offset + RESPONSE_CODE_OFFSET);
    }

    /** Byte {@code index} (0 to 7) of field 41. */
    public byte terminalIdByte(final int index) {
        return buffer.getByte(offset + TERMINAL_ID_OFFSET + index);
    }

    /** Byte {@code index} (0 to 14) of field 42. */
    public byte merchantIdByte(final int index) {
        return buffer.getByte(offset + MERCHANT_ID_OFFSET + index);
    }

    /** Field 41 as text, trailing spaces removed. Allocates. */
    public String terminalId() {
        return text(TERMINAL_ID_OFFSET, AuthorizationEvent.TERMINAL_ID_LENGTH);
    }

    /** Field 42 as text, trailing spaces removed. Allocates. */
    public String merchantId() {
        return text(MERCHANT_ID_OFFSET, AuthorizationEvent.MERCHANT_ID_LENGTH);
    }

    /**
     * Rebuilds the decided event this record was written from: request fields and decision,
     * into a cleared {@code event}. No allocation.
     *
     * @return false when the reason is unknown to this version (the event is then undecided)
     */
    public boolean copyInto(final AuthorizationEvent event) {
        event.clear()
            .messageTypeIndicator(messageTypeIndicator())
            .processingCode(processingCode())
            .systemTraceAuditNumber(systemTraceAuditNumber())
            .transmissionDateTime(transmissionDateTime())
            .terminalId(buffer, offset + TERMINAL_ID_OFFSET)
            .merchantId(buffer, offset + MERCHANT_ID_OFFSET)
            .maskedPan(panLength(), panFirstSix(), panLastFour())
            .amountMinor(amountMinor())
            .currencyCode(currencyCode())
            .merchantCategoryCode(merchantCategoryCode())
            .countryCode(countryCode())
            .posEntryMode(posEntryMode())
            .originalMessageType(originalMessageType())
            .originalSystemTraceAuditNumber(originalSystemTraceAuditNumber())
            .originalTransmissionDateTime(originalTransmissionDateTime());
        if (cardTokenPresent()) {
            event.cardToken(cardTokenHigh(), cardTokenLow());
        }
        final DecisionReason reason = reason();
        if (reason == null) {
            return false;
        }
        if (reason.isApproval()) {
            event.approve(authorizationId(), decisionTimeEpochMillis());
        }
        else if (reason.isAcknowledgement()) {
            event.acknowledge(reason, decisionTimeEpochMillis());
        }
        else {
            // the code sent, which a rule may have configured apart from the reason's usual one
            event.decline(reason, ruleId(), responseCode(), decisionTimeEpochMillis());
        }
        return true;
    }

    private String text(final int fieldOffset, final int length) {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset + fieldOffset, bytes);
        int end = length;
        while (end > 0 && bytes[end - 1] == ' ') {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }
}
