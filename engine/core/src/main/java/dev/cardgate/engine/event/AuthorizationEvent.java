package dev.cardgate.engine.event;

import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.*;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.token.CardToken;

/**
 * One authorization request and its answer: the pre-allocated entry of the engine's ring, a
 * flyweight over the byte layout of {@link AuthorizationSlotDescriptor}, whose first 256 bytes
 * are the journal record. The journal appends an entry by copying that prefix; replay reads a
 * record by {@link #wrapRecord wrapping} an entry over it, so the checks read a replayed
 * decision through the same accessors as a live one.
 *
 * <p>Life of an entry: a producer thread claims it, calls {@link #clear()}, fills the request
 * fields, the listener and its correlation, and publishes it. The decision thread then writes
 * the decision fields ({@link #approve}, {@link #decline}); the reply thread hands the entry
 * to the {@link DecisionListener}. After the listener returns the entry is reused for another
 * request, so nobody may keep a reference to it.
 *
 * <p>Ownership: request fields belong to the producer until publication and are read-only
 * afterwards; decision fields are written only by the decision thread. The ring's sequence
 * barriers give the happens-before edges, so the fields are plain. Nothing here allocates
 * (the request copy grows once per slot to its largest request, then is reused).
 *
 * <p>A clear PAN never enters the entry: only its keyed-hash token, its length and the parts
 * that may be displayed (first six and last four digits).
 */
public final class AuthorizationEvent {
    /** Field 41, card acceptor terminal identification: 8 ASCII characters. */
    public static final int TERMINAL_ID_LENGTH = 8;
    /** Field 42, card acceptor identification code: 15 ASCII characters. */
    public static final int MERCHANT_ID_LENGTH = 15;
    /** Field 37, retrieval reference number: 12 ASCII characters. */
    public static final int RETRIEVAL_REFERENCE_LENGTH = 12;
    /** {@link #authorizationId()} when no id was given (declines). */
    public static final long NO_AUTHORIZATION_ID = -1;
    /** {@link #ruleId()} when no rule fired (approvals). */
    public static final int NO_RULE = 0;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final byte SPACE = ' ';
    private static final byte UNDECIDED = -1;
    private static final int MIN_REQUEST_CAPACITY = 512;

    static {
        if (ByteOrder.nativeOrder() != ORDER) {
            throw new ExceptionInInitializerError("the slot layout and the journal's release store assume a "
                + "little-endian machine");
        }
    }

    // the request and the decision, laid out as AuthorizationSlotDescriptor; over its own bytes,
    // or over a journal record while replaying
    private final byte[] ownBytes = new byte[SLOT_LENGTH];
    private final UnsafeBuffer slot = new UnsafeBuffer(ownBytes);
    // the request as received (a front-end echoes fields from it); grown once per slot, then reused
    private final UnsafeBuffer requestBytes = new UnsafeBuffer(new byte[0]);
    private int requestLength;

    // routing of the answer: written by the producer, read by the reply thread
    private long claimNanos;
    private DecisionListener listener;
    private long correlationId;
    private Object attachment;

    public AuthorizationEvent() {
        clear();
    }

    /**
     * Resets every field, request and decision, to "absent": the producer calls this first on a
     * claimed entry so that nothing of the previous request leaks into the next one. Points the
     * entry back at its own bytes if it was {@link #wrapRecord wrapped} over a record.
     */
    public AuthorizationEvent clear() {
        if (slot.byteArray() != ownBytes) {
            slot.wrap(ownBytes);
        }
        // the record and the echo count: echo entries past the count are never read. Arrays.fill is
        // an intrinsic the JIT unrolls; Unsafe.setMemory is a call per range, which cost the claim
        Arrays.fill(ownBytes, 0, ECHO_ENTRIES_OFFSET, (byte)0);
        Arrays.fill(ownBytes, TERMINAL_TOTALS_OFFSET, SLOT_LENGTH, (byte)0);
        Arrays.fill(ownBytes, TERMINAL_ID_OFFSET, TERMINAL_ID_OFFSET + TERMINAL_ID_LENGTH, SPACE);
        Arrays.fill(ownBytes, MERCHANT_ID_OFFSET, MERCHANT_ID_OFFSET + MERCHANT_ID_LENGTH, SPACE);
        Arrays.fill(ownBytes, RETRIEVAL_REFERENCE_OFFSET, RETRIEVAL_REFERENCE_OFFSET + RETRIEVAL_REFERENCE_LENGTH,
            SPACE);
        requestLength = 0;
        listener = null;
        claimNanos = 0;
        correlationId = 0;
        attachment = null;
        clearDecision();
        return this;
    }

    /** Resets the decision fields only; the decision thread calls this before deciding. */
    public void clearDecision() {
        slot.putByte(REASON_OFFSET, UNDECIDED);
        slot.putByte(RESPONSE_CODE_OFFSET, UNDECIDED);
        slot.putInt(RULE_ID_OFFSET, NO_RULE, ORDER);
        slot.putLong(AUTHORIZATION_ID_OFFSET, NO_AUTHORIZATION_ID, ORDER);
        slot.putLong(DECISION_TIME_OFFSET, 0, ORDER);
        slot.putInt(DRY_RUN_RULE_ID_OFFSET, NO_RULE, ORDER);
    }

    /**
     * Copies the request fields of {@code source} (the record part of its slot, one copy) into
     * this entry and leaves it undecided: how the convenience API's request enters a claimed
     * slot. Routing and the request's raw bytes are not copied.
     */
    public AuthorizationEvent copyRequestFrom(final AuthorizationEvent source) {
        slot.putBytes(0, source.slot, 0, RECORD_LENGTH);
        clearDecision();
        return this;
    }

    /**
     * Copies all of {@code source} into this entry: the whole slot (request, decision and echo
     * offsets), the request's bytes, and its listener, correlation id, attachment and claim time.
     * How the upstream link keeps a request it forwards, and how its outcome re-enters the ring.
     * Allocates only when this entry's request buffer must grow.
     */
    public AuthorizationEvent copyFrom(final AuthorizationEvent source) {
        slot.putBytes(0, source.slot, 0, SLOT_LENGTH);
        requestBytes(source.requestBytes, 0, source.requestLength);
        listener = source.listener;
        correlationId = source.correlationId;
        attachment = source.attachment;
        claimNanos = source.claimNanos;
        return this;
    }

    /**
     * Points this entry at the journal record (format version 2) of {@code RECORD_LENGTH} bytes
     * at {@code offset}: its accessors then read the record in place. For replay and the journal
     * reader; the record is not written through it. {@link #clear()} points it back at its own bytes.
     */
    public AuthorizationEvent wrapRecord(final DirectBuffer record, final int offset) {
        slot.wrap(record, offset, RECORD_LENGTH);
        return this;
    }

    /**
     * The slot's bytes ({@link AuthorizationSlotDescriptor}): the journal copies its first
     * {@link AuthorizationSlotDescriptor#RECORD_LENGTH} bytes as the record. Read-only to callers.
     */
    public DirectBuffer slot() {
        return slot;
    }

    /** Message type indicator as a number: "0100" is 100. */
    public int messageTypeIndicator() {
        return slot.getInt(MESSAGE_TYPE_OFFSET, ORDER);
    }

    public AuthorizationEvent messageTypeIndicator(final int messageTypeIndicator) {
        slot.putInt(MESSAGE_TYPE_OFFSET, messageTypeIndicator, ORDER);
        return this;
    }

    /** Field 3, processing code, six digits as a number ("000000" is 0). */
    public int processingCode() {
        return slot.getInt(PROCESSING_CODE_OFFSET, ORDER);
    }

    public AuthorizationEvent processingCode(final int processingCode) {
        slot.putInt(PROCESSING_CODE_OFFSET, processingCode, ORDER);
        return this;
    }

    /** Field 11, system trace audit number (STAN): how the terminal matches the answer. */
    public int systemTraceAuditNumber() {
        return slot.getInt(STAN_OFFSET, ORDER);
    }

    public AuthorizationEvent systemTraceAuditNumber(final int systemTraceAuditNumber) {
        slot.putInt(STAN_OFFSET, systemTraceAuditNumber, ORDER);
        return this;
    }

    /** Field 7, transmission date and time, MMDDhhmmss as a number. */
    public long transmissionDateTime() {
        return slot.getLong(TRANSMISSION_TIME_OFFSET, ORDER);
    }

    public AuthorizationEvent transmissionDateTime(final long transmissionDateTime) {
        slot.putLong(TRANSMISSION_TIME_OFFSET, transmissionDateTime, ORDER);
        return this;
    }

    /** Field 12, local transaction time, hhmmss as a number. */
    public int localTransactionTime() {
        return slot.getInt(LOCAL_TIME_OFFSET, ORDER);
    }

    public AuthorizationEvent localTransactionTime(final int localTransactionTime) {
        slot.putInt(LOCAL_TIME_OFFSET, localTransactionTime, ORDER);
        return this;
    }

    /** Field 13, local transaction date, MMDD as a number. */
    public int localTransactionDate() {
        return slot.getInt(LOCAL_DATE_OFFSET, ORDER);
    }

    public AuthorizationEvent localTransactionDate(final int localTransactionDate) {
        slot.putInt(LOCAL_DATE_OFFSET, localTransactionDate, ORDER);
        return this;
    }

    /**
     * Field 41 from ASCII text: at most 8 characters, right-padded with spaces.
     *
     * @throws IllegalArgumentException when longer than 8 characters or not ASCII
     */
    public AuthorizationEvent terminalId(final CharSequence text) {
        copyAscii(text, TERMINAL_ID_OFFSET, TERMINAL_ID_LENGTH, "terminal id (field 41)");
        return this;
    }

    /** Field 41 copied from a decoder's buffer: exactly 8 bytes at {@code offset}. */
    public AuthorizationEvent terminalId(final DirectBuffer buffer, final int offset) {
        slot.putBytes(TERMINAL_ID_OFFSET, buffer, offset, TERMINAL_ID_LENGTH);
        return this;
    }

    /** Byte {@code index} (0 to 7) of field 41. */
    public byte terminalIdByte(final int index) {
        return slot.getByte(TERMINAL_ID_OFFSET + index);
    }

    /** Copies field 41 into {@code destination} at {@code offset}; returns 8. */
    public int terminalIdInto(final byte[] destination, final int offset) {
        slot.getBytes(TERMINAL_ID_OFFSET, destination, offset, TERMINAL_ID_LENGTH);
        return TERMINAL_ID_LENGTH;
    }

    /** Field 42 from ASCII text: at most 15 characters, right-padded with spaces. */
    public AuthorizationEvent merchantId(final CharSequence text) {
        copyAscii(text, MERCHANT_ID_OFFSET, MERCHANT_ID_LENGTH, "merchant id (field 42)");
        return this;
    }

    /** Field 42 copied from a decoder's buffer: exactly 15 bytes at {@code offset}. */
    public AuthorizationEvent merchantId(final DirectBuffer buffer, final int offset) {
        slot.putBytes(MERCHANT_ID_OFFSET, buffer, offset, MERCHANT_ID_LENGTH);
        return this;
    }

    /** Byte {@code index} (0 to 14) of field 42. */
    public byte merchantIdByte(final int index) {
        return slot.getByte(MERCHANT_ID_OFFSET + index);
    }

    /** Copies field 42 into {@code destination} at {@code offset}; returns 15. */
    public int merchantIdInto(final byte[] destination, final int offset) {
        slot.getBytes(MERCHANT_ID_OFFSET, destination, offset, MERCHANT_ID_LENGTH);
        return MERCHANT_ID_LENGTH;
    }

    /** Field 37 from ASCII text: at most 12 characters, right-padded with spaces; blank when absent. */
    public AuthorizationEvent retrievalReferenceNumber(final CharSequence text) {
        copyAscii(text, RETRIEVAL_REFERENCE_OFFSET, RETRIEVAL_REFERENCE_LENGTH, "retrieval reference number (field 37)");
        return this;
    }

    /** Field 37 copied from a decoder's buffer: exactly 12 bytes at {@code offset}. */
    public AuthorizationEvent retrievalReferenceNumber(final DirectBuffer buffer, final int offset) {
        slot.putBytes(RETRIEVAL_REFERENCE_OFFSET, buffer, offset, RETRIEVAL_REFERENCE_LENGTH);
        return this;
    }

    /** Copies field 37 into {@code destination} at {@code offset}; returns 12. */
    public int retrievalReferenceNumberInto(final byte[] destination, final int offset) {
        slot.getBytes(RETRIEVAL_REFERENCE_OFFSET, destination, offset, RETRIEVAL_REFERENCE_LENGTH);
        return RETRIEVAL_REFERENCE_LENGTH;
    }

    /** A {@link RequestField} number as held in the slot (0 when absent). */
    public long number(final RequestField field) {
        switch (field.width()) {
            case Short.BYTES:
                return slot.getShort(field.slotOffset(), ORDER);
            case Integer.BYTES:
                return slot.getInt(field.slotOffset(), ORDER);
            default:
                return slot.getLong(field.slotOffset(), ORDER);
        }
    }

    /** Sets a {@link RequestField} number, narrowed to its width. */
    public AuthorizationEvent number(final RequestField field, final long value) {
        switch (field.width()) {
            case Short.BYTES:
                slot.putShort(field.slotOffset(), (short)value, ORDER);
                break;
            case Integer.BYTES:
                slot.putInt(field.slotOffset(), (int)value, ORDER);
                break;
            default:
                slot.putLong(field.slotOffset(), value, ORDER);
                break;
        }
        return this;
    }

    /** Sets a {@link RequestField} text from exactly its width of bytes at {@code offset} of {@code buffer}. */
    public AuthorizationEvent text(final RequestField field, final DirectBuffer buffer, final int offset) {
        slot.putBytes(field.slotOffset(), buffer, offset, field.width());
        return this;
    }

    /** Copies a {@link RequestField} text (its whole width) into {@code destination}; returns its width. */
    public int textInto(final RequestField field, final byte[] destination, final int offset) {
        slot.getBytes(field.slotOffset(), destination, offset, field.width());
        return field.width();
    }

    /** False when the producer could not tokenize the PAN (not 12 to 19 digits). */
    public boolean cardTokenPresent() {
        return (slot.getByte(FLAGS_OFFSET) & FLAG_CARD_TOKEN_PRESENT) != 0;
    }

    public long cardTokenHigh() {
        return slot.getLong(CARD_TOKEN_HIGH_OFFSET, ORDER);
    }

    public long cardTokenLow() {
        return slot.getLong(CARD_TOKEN_LOW_OFFSET, ORDER);
    }

    /** Sets the card token the producer computed from the PAN. */
    public AuthorizationEvent cardToken(final CardToken token) {
        return cardToken(token.high(), token.low());
    }

    public AuthorizationEvent cardToken(final long high, final long low) {
        setFlag(FLAG_CARD_TOKEN_PRESENT, true);
        slot.putLong(CARD_TOKEN_HIGH_OFFSET, high, ORDER);
        slot.putLong(CARD_TOKEN_LOW_OFFSET, low, ORDER);
        return this;
    }

    /** Number of digits in the PAN (field 2); 0 when absent. */
    public int panLength() {
        return slot.getByte(PAN_LENGTH_OFFSET);
    }

    /** The first six digits of the PAN (the issuer's BIN), displayable. */
    public int panFirstSix() {
        return slot.getInt(PAN_FIRST_SIX_OFFSET, ORDER);
    }

    /** The last four digits of the PAN, displayable. */
    public int panLastFour() {
        return slot.getShort(PAN_LAST_FOUR_OFFSET, ORDER);
    }

    /**
     * Sets the displayable parts of the PAN; the producer extracts them with {@link PanParts}.
     */
    public AuthorizationEvent maskedPan(final int panLength, final int panFirstSix, final int panLastFour) {
        slot.putByte(PAN_LENGTH_OFFSET, (byte)panLength);
        slot.putInt(PAN_FIRST_SIX_OFFSET, panFirstSix, ORDER);
        slot.putShort(PAN_LAST_FOUR_OFFSET, (short)panLastFour, ORDER);
        return this;
    }

    /** Field 14, expiration date, YYMM as a number (2612 is December 2026). */
    public int expiryYearMonth() {
        return slot.getInt(EXPIRY_OFFSET, ORDER);
    }

    public AuthorizationEvent expiryYearMonth(final int expiryYearMonth) {
        slot.putInt(EXPIRY_OFFSET, expiryYearMonth, ORDER);
        return this;
    }

    /** Field 4, amount, transaction in minor units of {@link #currencyCode()}. */
    public long amountMinor() {
        return slot.getLong(AMOUNT_OFFSET, ORDER);
    }

    public AuthorizationEvent amountMinor(final long amountMinor) {
        slot.putLong(AMOUNT_OFFSET, amountMinor, ORDER);
        return this;
    }

    /** Field 49, currency code, transaction: ISO 4217 numeric (978 is EUR). */
    public int currencyCode() {
        return slot.getShort(CURRENCY_OFFSET, ORDER);
    }

    public AuthorizationEvent currencyCode(final int currencyCode) {
        slot.putShort(CURRENCY_OFFSET, (short)currencyCode, ORDER);
        return this;
    }

    /** Field 18, merchant type: ISO 18245 merchant category code. */
    public int merchantCategoryCode() {
        return slot.getShort(MCC_OFFSET, ORDER);
    }

    public AuthorizationEvent merchantCategoryCode(final int merchantCategoryCode) {
        slot.putShort(MCC_OFFSET, (short)merchantCategoryCode, ORDER);
        return this;
    }

    /** Field 19, acquiring institution country code: ISO 3166 numeric. */
    public int countryCode() {
        return slot.getShort(COUNTRY_OFFSET, ORDER);
    }

    public AuthorizationEvent countryCode(final int countryCode) {
        slot.putShort(COUNTRY_OFFSET, (short)countryCode, ORDER);
        return this;
    }

    /** Field 22, point of service entry mode, as a number ("051" is 51). */
    public int posEntryMode() {
        return slot.getShort(POS_ENTRY_MODE_OFFSET, ORDER);
    }

    public AuthorizationEvent posEntryMode(final int posEntryMode) {
        slot.putShort(POS_ENTRY_MODE_OFFSET, (short)posEntryMode, ORDER);
        return this;
    }

    /** Field 70, network management information code (1 sign-on, 2 sign-off, 301 echo); 0 if absent. */
    public int networkManagementCode() {
        return slot.getShort(NETWORK_MANAGEMENT_CODE_OFFSET, ORDER);
    }

    public AuthorizationEvent networkManagementCode(final int networkManagementCode) {
        slot.putShort(NETWORK_MANAGEMENT_CODE_OFFSET, (short)networkManagementCode, ORDER);
        return this;
    }

    /** True for a network management message (message class 8: 0800, 0820, ...). */
    public boolean isNetworkManagement() {
        return messageTypeIndicator() / 100 % 10 == 8;
    }

    /** Field 90, original data elements: the original message type ("0100" is 100); 0 if absent. */
    public int originalMessageType() {
        return slot.getShort(ORIGINAL_MESSAGE_TYPE_OFFSET, ORDER);
    }

    /** Field 90: the original system trace audit number; 0 if absent. */
    public int originalSystemTraceAuditNumber() {
        return slot.getInt(ORIGINAL_STAN_OFFSET, ORDER);
    }

    /** Field 90: the original transmission date and time, MMDDhhmmss as a number; 0 if absent. */
    public long originalTransmissionDateTime() {
        return slot.getLong(ORIGINAL_TRANSMISSION_TIME_OFFSET, ORDER);
    }

    /** Sets the parts of field 90 a reversal refers to its original by. */
    public AuthorizationEvent originalDataElements(final int originalMessageType,
        final int originalSystemTraceAuditNumber, final long originalTransmissionDateTime) {
        return originalMessageType(originalMessageType).originalSystemTraceAuditNumber(originalSystemTraceAuditNumber)
            .originalTransmissionDateTime(originalTransmissionDateTime);
    }

    public AuthorizationEvent originalMessageType(final int originalMessageType) {
        slot.putShort(ORIGINAL_MESSAGE_TYPE_OFFSET, (short)originalMessageType, ORDER);
        return this;
    }

    public AuthorizationEvent originalSystemTraceAuditNumber(final int originalSystemTraceAuditNumber) {
        slot.putInt(ORIGINAL_STAN_OFFSET, originalSystemTraceAuditNumber, ORDER);
        return this;
    }

    public AuthorizationEvent originalTransmissionDateTime(final long originalTransmissionDateTime) {
        slot.putLong(ORIGINAL_TRANSMISSION_TIME_OFFSET, originalTransmissionDateTime, ORDER);
        return this;
    }

    /**
     * Copies the request as received (e.g. an ISO 8583 message) into this entry, so that the
     * reply side can echo its fields. The entry's buffer grows to the largest request it has
     * carried and is reused: once every slot has carried its largest request, nothing allocates.
     */
    public AuthorizationEvent requestBytes(final DirectBuffer source, final int offset, final int length) {
        if (requestBytes.capacity() < length) {
            requestBytes.wrap(new byte[Math.max(length, MIN_REQUEST_CAPACITY)]);
        }
        requestBytes.putBytes(0, source, offset, length);
        requestLength = length;
        return this;
    }

    /** The request as copied by {@link #requestBytes(DirectBuffer, int, int)}, from offset 0. */
    public DirectBuffer requestBytes() {
        return requestBytes;
    }

    /** Length of the copied request; 0 when none was copied. */
    public int requestLength() {
        return requestLength;
    }

    /**
     * Notes where field {@code fieldNumber} lies in the copied request (its first byte, its
     * length prefix included, and its bytes on the wire), as the producer's decoder found it:
     * the answer copies it from there without decoding again. Call in ascending field order.
     *
     * @return false when {@link AuthorizationSlotDescriptor#MAX_ECHOED_FIELDS} are noted already
     */
    public boolean echoField(final int fieldNumber, final int frameOffset, final int wireLength) {
        final int count = echoCount();
        if (count == MAX_ECHOED_FIELDS) {
            return false;
        }
        final int entry = echoEntryOffset(count);
        slot.putInt(entry, fieldNumber, ORDER);
        slot.putInt(entry + Integer.BYTES, frameOffset, ORDER);
        slot.putInt(entry + 2 * Integer.BYTES, wireLength, ORDER);
        slot.putInt(ECHO_COUNT_OFFSET, count + 1, ORDER);
        return true;
    }

    /** How many fields {@link #echoField} noted. */
    public int echoCount() {
        return slot.getInt(ECHO_COUNT_OFFSET, ORDER);
    }

    /** The field number of echo entry {@code n} (0 to {@link #echoCount()} - 1). */
    public int echoFieldNumber(final int n) {
        return slot.getInt(echoEntryOffset(n), ORDER);
    }

    /** Where echo entry {@code n} starts in {@link #requestBytes()}. */
    public int echoFrameOffset(final int n) {
        return slot.getInt(echoEntryOffset(n) + Integer.BYTES, ORDER);
    }

    /** Bytes echo entry {@code n} takes on the wire, its length prefix included. */
    public int echoWireLength(final int n) {
        return slot.getInt(echoEntryOffset(n) + 2 * Integer.BYTES, ORDER);
    }

    /**
     * Field 11 as the upstream link numbered this request toward the network (its own numbering,
     * mapped back to the terminal's on the answer); 0 when it was not forwarded. Written by the
     * link into its copy, so that the outcome, the journal and a later reversal carry it.
     */
    public int upstreamTraceNumber() {
        return slot.getInt(UPSTREAM_STAN_OFFSET, ORDER);
    }

    /** The terminal's batch this message counted in; 0 when none (or a record from before batches). */
    public int batchNumber() {
        return slot.getInt(BATCH_NUMBER_OFFSET, ORDER);
    }

    /** Decision thread only: see {@link #batchNumber()}. */
    public AuthorizationEvent batchNumber(final int batchNumber) {
        slot.putInt(BATCH_NUMBER_OFFSET, batchNumber, ORDER);
        return this;
    }

    /** What the message was to the terminal's day; {@link TransactionKind#UNCLASSIFIED} when unknown. */
    public TransactionKind transactionKind() {
        return TransactionKind.fromCode(slot.getByte(TRANSACTION_KIND_OFFSET));
    }

    /** Decision thread only: see {@link #transactionKind()}. */
    public AuthorizationEvent transactionKind(final TransactionKind kind) {
        slot.putByte(TRANSACTION_KIND_OFFSET, (byte)kind.code());
        return this;
    }

    /** A settlement's currency as decided (ISO 4217 number); 0 for other messages. */
    public int settledCurrency() {
        return slot.getShort(SETTLED_CURRENCY_OFFSET, ORDER);
    }

    /** Decision thread only: see {@link #settledCurrency()}. */
    public AuthorizationEvent settledCurrency(final int currency) {
        slot.putShort(SETTLED_CURRENCY_OFFSET, (short)currency, ORDER);
        return this;
    }

    /** A settlement's total {@code index} ({@link TerminalTotals}); slot only, 0 in a record. */
    public long terminalTotal(final int index) {
        return slot.capacity() > TERMINAL_TOTALS_OFFSET ? slot.getLong(TERMINAL_TOTALS_OFFSET + index * Long.BYTES, ORDER)
            : 0;
    }

    /** Producer only: sets a settlement's total {@code index} ({@link TerminalTotals}). */
    public AuthorizationEvent terminalTotal(final int index, final long value) {
        slot.putLong(TERMINAL_TOTALS_OFFSET + index * Long.BYTES, value, ORDER);
        return this;
    }

    public AuthorizationEvent upstreamTraceNumber(final int upstreamTraceNumber) {
        slot.putInt(UPSTREAM_STAN_OFFSET, upstreamTraceNumber, ORDER);
        return this;
    }

    /**
     * How the answer came about with respect to the network: an {@code upstream.OutcomeKind}
     * ordinal, 0 (local) unless the upstream flow set it. Written by the decision thread.
     */
    public int outcomeKindOrdinal() {
        return slot.getByte(OUTCOME_KIND_OFFSET);
    }

    public AuthorizationEvent outcomeKindOrdinal(final int outcomeKindOrdinal) {
        slot.putByte(OUTCOME_KIND_OFFSET, (byte)outcomeKindOrdinal);
        return this;
    }

    /** The store-and-forward messages this decision queued: bits {@code STORED_ADVICE}, {@code STORED_REVERSAL}. */
    public int storedMessages() {
        return slot.getByte(STORED_MESSAGES_OFFSET);
    }

    /** Decision thread only: notes that this decision queues stored message {@code bit} for the network. */
    public AuthorizationEvent queueStored(final int bit) {
        slot.putByte(STORED_MESSAGES_OFFSET, (byte)(storedMessages() | bit));
        return this;
    }

    /**
     * What brought this event into the ring: {@code UPSTREAM_EVENT_REQUEST} (0) for a request,
     * else an outcome the link reported ({@code UpstreamOutcome} ordinal + 1, or
     * {@code UPSTREAM_EVENT_LATE_APPROVAL}).
     */
    public int upstreamEvent() {
        return slot.getByte(UPSTREAM_EVENT_OFFSET);
    }

    /** True when this event is an outcome of a forwarded request rather than a request. */
    public boolean isUpstreamOutcome() {
        return upstreamEvent() != UPSTREAM_EVENT_REQUEST;
    }

    /**
     * Marks this event (a copy of a forwarded request) as the link's outcome for it: the network's
     * field 39 ({@code -1} when it did not answer) and field 38 ({@link #NO_AUTHORIZATION_ID} when
     * none), which the decision thread turns into the final decision.
     */
    public AuthorizationEvent upstreamOutcome(final int upstreamEvent, final int networkResponseCode,
        final long networkAuthorizationId) {
        slot.putByte(UPSTREAM_EVENT_OFFSET, (byte)upstreamEvent);
        slot.putByte(NETWORK_RESPONSE_CODE_OFFSET, (byte)networkResponseCode);
        slot.putLong(AUTHORIZATION_ID_OFFSET, networkAuthorizationId, ORDER);
        return this;
    }

    /** The network's field 39 for a forwarded request; -1 when it did not answer (0 in older records). */
    public int networkResponseCode() {
        return slot.getByte(NETWORK_RESPONSE_CODE_OFFSET);
    }

    /**
     * Copies a whole slot ({@code SLOT_LENGTH} bytes at {@code offset} of {@code source}) into this
     * entry's own bytes: how store and forward restores a stored request. Routing is left as it is.
     */
    public AuthorizationEvent slotFrom(final DirectBuffer source, final int offset) {
        if (slot.byteArray() != ownBytes) {
            slot.wrap(ownBytes);
        }
        slot.putBytes(0, source, offset, SLOT_LENGTH);
        return this;
    }

    /** Who is told the decision, on the reply thread. Required. */
    public DecisionListener listener() {
        return listener;
    }

    public AuthorizationEvent listener(final DecisionListener listener) {
        this.listener = listener;
        return this;
    }

    /** Opaque to the engine: the producer's own number to route the answer (e.g. a STAN key). */
    public long correlationId() {
        return correlationId;
    }

    public AuthorizationEvent correlationId(final long correlationId) {
        this.correlationId = correlationId;
        return this;
    }

    /** {@link System#nanoTime()} when the producer claimed the entry: the start of its round trip. */
    public long claimNanos() {
        return claimNanos;
    }

    public AuthorizationEvent claimNanos(final long claimNanos) {
        this.claimNanos = claimNanos;
        return this;
    }

    /** Opaque to the engine: the producer's own object to route the answer (e.g. a connection). */
    public Object attachment() {
        return attachment;
    }

    public AuthorizationEvent attachment(final Object attachment) {
        this.attachment = attachment;
        return this;
    }

    /** Why the engine answered as it did; null until decided (or a reason this version does not know). */
    public DecisionReason reason() {
        return DecisionReason.fromOrdinal(reasonOrdinal());
    }

    /** The reason's ordinal in {@link DecisionReason} as stored; -1 until decided. */
    public int reasonOrdinal() {
        return slot.getByte(REASON_OFFSET);
    }

    /**
     * Field 39 as a number (0 is "00"); -1 until decided. A rule whose code is configured (a
     * policy rule's 57 or 62) overrides its reason's usual code.
     */
    public int responseCode() {
        return reason() == null ? -1 : slot.getByte(RESPONSE_CODE_OFFSET);
    }

    public boolean approved() {
        return reasonOrdinal() == DecisionReason.APPROVED.ordinal();
    }

    /** The rule that declined the request, {@link #NO_RULE} for an approval. */
    public int ruleId() {
        return slot.getInt(RULE_ID_OFFSET, ORDER);
    }

    /**
     * Field 38 as a number; render it with {@link AuthorizationIds#render}. {@link
     * #NO_AUTHORIZATION_ID} for a decline.
     */
    public long authorizationId() {
        return slot.getLong(AUTHORIZATION_ID_OFFSET, ORDER);
    }

    /** Renders field 38 into {@code destination}; returns 6, or 0 for a decline. */
    public int authorizationIdInto(final byte[] destination, final int offset) {
        return AuthorizationIds.render(authorizationId(), destination, offset);
    }

    /** Renders the masked PAN ("411111******1111"); returns its length, 0 when absent. */
    public int maskedPanInto(final byte[] destination, final int offset) {
        return PanParts.render(panLength(), panFirstSix(), panLastFour(), destination, offset);
    }

    /** The engine's wall-clock time of the decision, epoch milliseconds. */
    public long decisionTimeEpochMillis() {
        return slot.getLong(DECISION_TIME_OFFSET, ORDER);
    }

    /** Decision thread only: approve with an authorization id. */
    public void approve(final long authorizationId, final long nowEpochMillis) {
        writeDecision(DecisionReason.APPROVED, NO_RULE, DecisionReason.APPROVED.responseCode(), authorizationId,
            nowEpochMillis);
    }

    /** Decision thread (or a stage's failure handler) only: decline for a reason. */
    public void decline(final DecisionReason reason, final int ruleId, final long nowEpochMillis) {
        writeDecision(reason, ruleId, reason.responseCode(), NO_AUTHORIZATION_ID, nowEpochMillis);
    }

    /**
     * Decision thread only: decline for a reason with a configured field 39 ({@code responseCode}
     * 0 to 99) instead of the reason's usual code.
     */
    public void decline(final DecisionReason reason, final int ruleId, final int responseCode,
        final long nowEpochMillis) {
        writeDecision(reason, ruleId, responseCode, NO_AUTHORIZATION_ID, nowEpochMillis);
    }

    /**
     * Decision thread only: answer 00 without an authorization id, for a message that asks for
     * no authorization (network management, reversal advice).
     */
    public void acknowledge(final DecisionReason acknowledgement, final long nowEpochMillis) {
        assert acknowledgement.isAcknowledgement() : acknowledgement + " is not an acknowledgement";
        writeDecision(acknowledgement, NO_RULE, acknowledgement.responseCode(), NO_AUTHORIZATION_ID, nowEpochMillis);
    }

    /**
     * Decision thread only: copies the decision of an earlier request (a duplicate is answered as
     * the first was).
     */
    public void repeatDecision(final DecisionReason reason, final int ruleId, final int responseCode,
        final long authorizationId, final long nowEpochMillis) {
        writeDecision(reason, ruleId, responseCode, authorizationId, nowEpochMillis);
    }

    private void writeDecision(final DecisionReason reason, final int ruleId, final int responseCode,
        final long authorizationId, final long nowEpochMillis) {
        slot.putByte(REASON_OFFSET, (byte)reason.ordinal());
        slot.putByte(RESPONSE_CODE_OFFSET, (byte)responseCode);
        slot.putInt(RULE_ID_OFFSET, ruleId, ORDER);
        slot.putLong(AUTHORIZATION_ID_OFFSET, authorizationId, ORDER);
        slot.putLong(DECISION_TIME_OFFSET, nowEpochMillis, ORDER);
    }

    /**
     * The first rule in dry-run mode that would have declined this request, which was decided
     * without it; {@link #NO_RULE} when none.
     */
    public int dryRunRuleId() {
        return slot.getInt(DRY_RUN_RULE_ID_OFFSET, ORDER);
    }

    /** Decision thread only: notes a dry-run rule that would have declined; the first one is kept. */
    public void noteDryRun(final int ruleId) {
        if (dryRunRuleId() == NO_RULE) {
            slot.putInt(DRY_RUN_RULE_ID_OFFSET, ruleId, ORDER);
        }
    }

    /**
     * True when the PAN's last digit is its Luhn check digit. The producer computes it from the
     * clear PAN, which never enters the ring.
     */
    public boolean panLuhnValid() {
        return (slot.getByte(FLAGS_OFFSET) & FLAG_PAN_LUHN_VALID) != 0;
    }

    public AuthorizationEvent panLuhnValid(final boolean panLuhnValid) {
        setFlag(FLAG_PAN_LUHN_VALID, panLuhnValid);
        return this;
    }

    /**
     * Which of fields 1 to 64 the message carried, laid out as the ISO 8583 primary bitmap: field
     * {@code n} is bit {@code 64 - n} (field 2 is {@code 1L << 62}), so a front-end can pass the
     * decoder's bitmap as it is. Field 90 is present when {@link #originalMessageType()} is not 0.
     */
    public long presentFields() {
        return slot.getLong(PRESENT_FIELDS_OFFSET, ORDER);
    }

    public AuthorizationEvent presentFields(final long presentFields) {
        slot.putLong(PRESENT_FIELDS_OFFSET, presentFields, ORDER);
        return this;
    }

    /** Marks field {@code fieldNumber} (1 to 64) present in {@link #presentFields()}. */
    public AuthorizationEvent fieldPresent(final int fieldNumber) {
        return presentFields(presentFields() | fieldBit(fieldNumber));
    }

    /** True when field {@code fieldNumber} (1 to 64) is marked present. */
    public boolean isFieldPresent(final int fieldNumber) {
        return (presentFields() & fieldBit(fieldNumber)) != 0;
    }

    /** The bit of field {@code fieldNumber} (1 to 64) in a primary bitmap. */
    public static long fieldBit(final int fieldNumber) {
        return 1L << (64 - fieldNumber);
    }

    private void setFlag(final int flag, final boolean set) {
        final int flags = slot.getByte(FLAGS_OFFSET);
        slot.putByte(FLAGS_OFFSET, (byte)(set ? flags | flag : flags & ~flag));
    }

    private void copyAscii(final CharSequence text, final int offset, final int capacity, final String what) {
        final int length = text.length();
        if (length > capacity) {
            throw new IllegalArgumentException(
                what + " is " + length + " characters, at most " + capacity + " allowed");
        }
        for (int i = 0; i < length; i++) {
            final char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(what + " has a character that is not printable ASCII at index " + i);
            }
        }
        for (int i = 0; i < length; i++) {
            slot.putByte(offset + i, (byte)text.charAt(i));
        }
        slot.setMemory(offset + length, capacity - length, SPACE);
    }
}
