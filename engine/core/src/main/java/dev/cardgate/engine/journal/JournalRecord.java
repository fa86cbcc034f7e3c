package dev.cardgate.engine.journal;

import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHAIN_MAC_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHECKSUMMED_FROM;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHECKSUM_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.LENGTH_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.MONOTONIC_TIME_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.SEQUENCE_OFFSET;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationSlotDescriptor;
import dev.cardgate.engine.event.DecisionReason;

/**
 * One journal record, checked by {@link #wrap} and read through {@link #event()}: for format
 * version 2 an {@link AuthorizationEvent} wrapped over the record in place (the record is the
 * slot's layout, {@link AuthorizationSlotDescriptor}); for version 1 ({@link
 * JournalRecordDescriptor}) the same event filled from the old layout. The other accessors are
 * the event's, for the reader's queries and formatting.
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
    private final AuthorizationEvent event = new AuthorizationEvent();
    private int formatVersion = SegmentHeaderDescriptor.FORMAT_VERSION;
    private int recordLength = AuthorizationSlotDescriptor.RECORD_LENGTH;
    private UnsafeBuffer buffer;
    private int offset;
    private String damage;
    private int reasonOrdinal;

    /** The format of the records {@link #wrap} reads next: that of their segment's header. */
    void formatVersion(final int formatVersion) {
        this.formatVersion = formatVersion;
        this.recordLength = SegmentHeaderDescriptor.recordLength(formatVersion);
    }

    public int formatVersion() {
        return formatVersion;
    }

    /**
     * Points at the record at {@code offset} and checks it: its length must be that of its
     * format, its checksum must match and its sequence must be {@code expectedSequence}.
     *
     * @return {@link #VALID}, {@link #EMPTY} or {@link #DAMAGED} (then {@link #damage()} says why)
     */
    public int wrap(final UnsafeBuffer buffer, final int offset, final long expectedSequence) {
        this.buffer = buffer;
        this.offset = offset;
        damage = null;
        final int length = buffer.getIntAcquire(offset + LENGTH_OFFSET);
        if (length == 0) {
            for (int i = 0; i < recordLength; i += Long.BYTES) {
                if (buffer.getLong(offset + i) != 0) {
                    damage = "a partly written record (no length, but bytes at +" + i + ")";
                    return DAMAGED;
                }
            }
            return EMPTY;
        }
        if (length != recordLength) {
            damage = "a record length of " + length + " instead of " + recordLength;
            return DAMAGED;
        }
        final int stored = buffer.getInt(offset + CHECKSUM_OFFSET, ORDER);
        if (stored != checksum.compute(buffer, offset + CHECKSUMMED_FROM, recordLength - CHECKSUMMED_FROM)) {
            damage = "a checksum that does not match the record";
            return DAMAGED;
        }
        if (sequence() != expectedSequence) {
            damage = "sequence " + sequence() + " where " + expectedSequence + " was expected";
            return DAMAGED;
        }
        if (formatVersion == SegmentHeaderDescriptor.FORMAT_VERSION_1) {
            reasonOrdinal = JournalRecordV1.reasonOrdinal(buffer, offset);
            JournalRecordV1.copyInto(buffer, offset, event);
        }
        else {
            event.wrapRecord(buffer, offset);
            reasonOrdinal = event.reasonOrdinal();
        }
        return VALID;
    }

    /** Why the last {@link #wrap} returned {@link #DAMAGED}. */
    public String damage() {
        return damage;
    }

    /**
     * The request and decision of the record last wrapped as {@link #VALID}: read in place for
     * version 2, copied for version 1. Valid until the next {@link #wrap}; do not write to it.
     */
    public AuthorizationEvent event() {
        return event;
    }

    /** Byte {@code index} (0 to 31) of the chain MAC; version 2 records only. */
    public byte chainMacByte(final int index) {
        return buffer.getByte(offset + CHAIN_MAC_OFFSET + index);
    }

    /** Copies the chain MAC (version 2) into {@code destination[0, 32)}. */
    void chainMacInto(final byte[] destination) {
        buffer.getBytes(offset + CHAIN_MAC_OFFSET, destination, 0, CHAIN_MAC_LENGTH);
    }

    public long sequence() {
        return buffer.getLong(offset + SEQUENCE_OFFSET, ORDER);
    }

    public long decisionTimeEpochMillis() {
        return event.decisionTimeEpochMillis();
    }

    public long monotonicNanos() {
        return buffer.getLong(offset + MONOTONIC_TIME_OFFSET, ORDER);
    }

    public long amountMinor() {
        return event.amountMinor();
    }

    public boolean cardTokenPresent() {
        return event.cardTokenPresent();
    }

    public long cardTokenHigh() {
        return event.cardTokenHigh();
    }

    public long cardTokenLow() {
        return event.cardTokenLow();
    }

    /** Field 38 as a number; {@link AuthorizationEvent#NO_AUTHORIZATION_ID} when none. */
    public long authorizationId() {
        return event.authorizationId();
    }

    /** True when the request carried field 90 (original data elements). */
    public boolean originalDataPresent() {
        return event.originalMessageType() != 0;
    }

    /** Field 90's original message type; 0 when the request carried no field 90. */
    public int originalMessageType() {
        return event.originalMessageType();
    }

    /** Field 90's original STAN; 0 when the request carried no field 90. */
    public int originalSystemTraceAuditNumber() {
        return event.originalSystemTraceAuditNumber();
    }

    /** Field 90's original transmission time, MMDDhhmmss; 0 when the request carried no field 90. */
    public long originalTransmissionDateTime() {
        return event.originalTransmissionDateTime();
    }

    public int messageTypeIndicator() {
        return event.messageTypeIndicator();
    }

    public int processingCode() {
        return event.processingCode();
    }

    public int systemTraceAuditNumber() {
        return event.systemTraceAuditNumber();
    }

    /** Field 7, MMDDhhmmss. */
    public long transmissionDateTime() {
        return event.transmissionDateTime();
    }

    public int ruleId() {
        return event.ruleId();
    }

    public int panLength() {
        return event.panLength();
    }

    public int panFirstSix() {
        return event.panFirstSix();
    }

    public int panLastFour() {
        return event.panLastFour();
    }

    public int currencyCode() {
        return event.currencyCode();
    }

    public int merchantCategoryCode() {
        return event.merchantCategoryCode();
    }

    public int countryCode() {
        return event.countryCode();
    }

    public int posEntryMode() {
        return event.posEntryMode();
    }

    /** The reason's ordinal in {@link DecisionReason} as written. */
    public int reasonOrdinal() {
        return reasonOrdinal;
    }

    /** The reason, or null when this version of the engine does not know the ordinal. */
    public DecisionReason reason() {
        return DecisionReason.fromOrdinal(reasonOrdinal);
    }

    /** Field 39 as a number. */
    public int responseCode() {
        return event.responseCode();
    }

    /** Byte {@code index} (0 to 7) of field 41. */
    public byte terminalIdByte(final int index) {
        return event.terminalIdByte(index);
    }

    /** Byte {@code index} (0 to 14) of field 42. */
    public byte merchantIdByte(final int index) {
        return event.merchantIdByte(index);
    }

    /** Field 41 as text, trailing spaces removed. Allocates. */
    public String terminalId() {
        final byte[] bytes = new byte[AuthorizationEvent.TERMINAL_ID_LENGTH];
        event.terminalIdInto(bytes, 0);
        return trimmed(bytes);
    }

    /** Field 42 as text, trailing spaces removed. Allocates. */
    public String merchantId() {
        final byte[] bytes = new byte[AuthorizationEvent.MERCHANT_ID_LENGTH];
        event.merchantIdInto(bytes, 0);
        return trimmed(bytes);
    }

    /** Field 37 as text, trailing spaces removed (empty when absent, and in version 1). Allocates. */
    public String retrievalReferenceNumber() {
        final byte[] bytes = new byte[AuthorizationEvent.RETRIEVAL_REFERENCE_LENGTH];
        event.retrievalReferenceNumberInto(bytes, 0);
        return trimmed(bytes);
    }

    /** One character per byte (ISO 8859-1), so that no byte is lost: the printers escape what is not printable. */
    private static String trimmed(final byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == ' ') {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }
}
