package dev.cardgate.engine.event;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.token.CardToken;

/**
 * One authorization request and its answer: the pre-allocated entry of the engine's ring.
 *
 * <p>Life of an entry: a producer thread claims it, calls {@link #clear()}, fills the request
 * fields, the listener and its correlation, and publishes it. The decision thread then writes
 * the decision fields ({@link #approve}, {@link #decline}); the reply thread hands the entry
 * to the {@link DecisionListener}. After the listener returns the entry is reused for another
 * request, so nobody may keep a reference to it.
 *
 * <p>Ownership: request fields belong to the producer until publication and are read-only
 * afterwards; decision fields are written only by the decision thread. The ring's sequence
 * barriers give the happens-before edges, so the fields are plain. Nothing here allocates.
 *
 * <p>A clear PAN never enters the entry: only its keyed-hash token, its length and the parts
 * that may be displayed (first six and last four digits).
 */
public final class AuthorizationEvent {
    /** Field 41, card acceptor terminal identification: 8 ASCII characters. */
    public static final int TERMINAL_ID_LENGTH = 8;
    /** Field 42, card acceptor identification code: 15 ASCII characters. */
    public static final int MERCHANT_ID_LENGTH = 15;
    /** {@link #authorizationId()} when no id was given (declines). */
    public static final long NO_AUTHORIZATION_ID = -1;
    /** {@link #ruleId()} when no rule fired (approvals). */
    public static final int NO_RULE = 0;

    private static final byte SPACE = ' ';
    private static final int MIN_REQUEST_CAPACITY = 512;

    // request: written by the producer before publication
    private int messageTypeIndicator;
    private int processingCode;
    private int systemTraceAuditNumber;
    private long transmissionDateTime;
    private int localTransactionTime;
    private int localTransactionDate;
    private final byte[] terminalId = new byte[TERMINAL_ID_LENGTH];
    private final byte[] merchantId = new byte[MERCHANT_ID_LENGTH];
    private boolean cardTokenPresent;
    private long cardTokenHigh;
    private long cardTokenLow;
    private int panLength;
    private int panFirstSix;
    private int panLastFour;
    private int expiryYearMonth;
    private long amountMinor;
    private int currencyCode;
    private int merchantCategoryCode;
    private int countryCode;
    private int posEntryMode;
    private int networkManagementCode;
    private int originalMessageType;
    private int originalSystemTraceAuditNumber;
    private long originalTransmissionDateTime;
    // the request as received (a front-end echoes fields from it); grown once per slot, then reused
    private final UnsafeBuffer requestBytes = new UnsafeBuffer(new byte[0]);
    private int requestLength;

    private boolean panLuhnValid;
    private long presentFields;

    // routing of the answer: written by the producer, read by the reply thread
    private long claimNanos;
    private DecisionListener listener;
    private long correlationId;
    private Object attachment;

    // decision: written by the decision thread only
    private DecisionReason reason;
    private int ruleId;
    private long authorizationId;
    private long decisionTimeEpochMillis;
    private int declineResponseCode;
    private int dryRunRuleId;

    public AuthorizationEvent() {
        clear();
    }

    /**
     * Resets every field, request and decision, to "absent": the producer calls this first on a
     * claimed entry so that nothing of the previous request leaks into the next one.
     */
    public AuthorizationEvent clear() {
        messageTypeIndicator = 0;
        processingCode = 0;
        systemTraceAuditNumber = 0;
        transmissionDateTime = 0;
        localTransactionTime = 0;
        localTransactionDate = 0;
        Arrays.fill(terminalId, SPACE);
        Arrays.fill(merchantId, SPACE);
        cardTokenPresent = false;
        cardTokenHigh = 0;
        cardTokenLow = 0;
        panLength = 0;
        panFirstSix = 0;
        panLastFour = 0;
        expiryYearMonth = 0;
        amountMinor = 0;
        currencyCode = 0;
        merchantCategoryCode = 0;
        countryCode = 0;
        posEntryMode = 0;
        networkManagementCode = 0;
        originalMessageType = 0;
        originalSystemTraceAuditNumber = 0;
        originalTransmissionDateTime = 0;
        requestLength = 0;

        panLuhnValid = false;
        presentFields = 0;
        listener = null;
        claimNanos = 0;
        correlationId = 0;
        attachment = null;
        clearDecision();
        return this;
    }

    /** Resets the decision fields only; the decision thread calls this before deciding. */
    public void clearDecision() {
        reason = null;
        ruleId = NO_RULE;
        authorizationId = NO_AUTHORIZATION_ID;
        decisionTimeEpochMillis = 0;
        declineResponseCode = -1;
        dryRunRuleId = NO_RULE;
    }

    /** Message type indicator as a number: "0100" is 100. */
    public int messageTypeIndicator() {
        return messageTypeIndicator;
    }

    public AuthorizationEvent messageTypeIndicator(final int messageTypeIndicator) {
        this.messageTypeIndicator = messageTypeIndicator;
        return this;
    }

    /** Field 3, processing code, six digits as a number ("000000" is 0). */
    public int processingCode() {
        return processingCode;
    }

    public AuthorizationEvent processingCode(final int processingCode) {
        this.processingCode = processingCode;
        return this;
    }

    /** Field 11, system trace audit number (STAN): how the terminal matches the answer. */
    public int systemTraceAuditNumber() {
        return systemTraceAuditNumber;
    }

    public AuthorizationEvent systemTraceAuditNumber(final int systemTraceAuditNumber) {
        this.systemTraceAuditNumber = systemTraceAuditNumber;
        return this;
    }

    /** Field 7, transmission date and time, MMDDhhmmss as a number. */
    public long transmissionDateTime() {
        return transmissionDateTime;
    }

    public AuthorizationEvent transmissionDateTime(final long transmissionDateTime) {
        this.transmissionDateTime = transmissionDateTime;
        return this;
    }

    /** Field 12, local transaction time, hhmmss as a number. */
    public int localTransactionTime() {
        return localTransactionTime;
    }

    public AuthorizationEvent localTransactionTime(final int localTransactionTime) {
        this.localTransactionTime = localTransactionTime;
        return this;
    }

    /** Field 13, local transaction date, MMDD as a number. */
    public int localTransactionDate() {
        return localTransactionDate;
    }

    public AuthorizationEvent localTransactionDate(final int localTransactionDate) {
        this.localTransactionDate = localTransactionDate;
        return this;
    }

    /**
     * Field 41 from ASCII text: at most 8 characters, right-padded with spaces.
     *
     * @throws IllegalArgumentException when longer than 8 characters or not ASCII
     */
    public AuthorizationEvent terminalId(final CharSequence text) {
        copyAscii(text, terminalId, "terminal id (field 41)");
        return this;
    }

    /** Field 41 copied from a decoder's buffer: exactly 8 bytes at {@code offset}. */
    public AuthorizationEvent terminalId(final DirectBuffer buffer, final int offset) {
        buffer.getBytes(offset, terminalId, 0, TERMINAL_ID_LENGTH);
        return this;
    }

    /** Byte {@code index} (0 to 7) of field 41. */
    public byte terminalIdByte(final int index) {
        return terminalId[index];
    }

    /** Copies field 41 into {@code destination} at {@code offset}; returns 8. */
    public int terminalIdInto(final byte[] destination, final int offset) {
        System.arraycopy(terminalId, 0, destination, offset, TERMINAL_ID_LENGTH);
        return TERMINAL_ID_LENGTH;
    }

    /** Field 42 from ASCII text: at most 15 characters, right-padded with spaces. */
    public AuthorizationEvent merchantId(final CharSequence text) {
        copyAscii(text, merchantId, "merchant id (field 42)");
        return this;
    }

    /** Field 42 copied from a decoder's buffer: exactly 15 bytes at {@code offset}. */
    public AuthorizationEvent merchantId(final DirectBuffer buffer, final int offset) {
        buffer.getBytes(offset, merchantId, 0, MERCHANT_ID_LENGTH);
        return this;
    }

    /** Byte {@code index} (0 to 14) of field 42. */
    public byte merchantIdByte(final int index) {
        return merchantId[index];
    }

    /** Copies field 42 into {@code destination} at {@code offset}; returns 15. */
    public int merchantIdInto(final byte[] destination, final int offset) {
        System.arraycopy(merchantId, 0, destination, offset, MERCHANT_ID_LENGTH);
        return MERCHANT_ID_LENGTH;
    }

    /** False when the producer could not tokenize the PAN (not 12 to 19 digits). */
    public boolean cardTokenPresent() {
        return cardTokenPresent;
    }

    public long cardTokenHigh() {
        return cardTokenHigh;
    }

    public long cardTokenLow() {
        return cardTokenLow;
    }

    /** Sets the card token the producer computed from the PAN. */
    public AuthorizationEvent cardToken(final CardToken token) {
        return cardToken(token.high(), token.low());
    }

    public AuthorizationEvent cardToken(final long high, final long low) {
        cardTokenPresent = true;
        cardTokenHigh = high;
        cardTokenLow = low;
        return this;
    }

    /** Number of digits in the PAN (field 2); 0 when absent. */
    public int panLength() {
        return panLength;
    }

    /** The first six digits of the PAN (the issuer's BIN), displayable. */
    public int panFirstSix() {
        return panFirstSix;
    }

    /** The last four digits of the PAN, displayable. */
    public int panLastFour() {
        return panLastFour;
    }

    /**
     * Sets the displayable parts of the PAN; the producer extracts them with {@link PanParts}.
     */
    public AuthorizationEvent maskedPan(final int panLength, final int panFirstSix, final int panLastFour) {
        this.panLength = panLength;
        this.panFirstSix = panFirstSix;
        this.panLastFour = panLastFour;
        return this;
    }

    /** Field 14, expiration date, YYMM as a number (2612 is December 2026). */
    public int expiryYearMonth() {
        return expiryYearMonth;
    }

    public AuthorizationEvent expiryYearMonth(final int expiryYearMonth) {
        this.expiryYearMonth = expiryYearMonth;
        return this;
    }

    /** Field 4, amount, transaction in minor units of {@link #currencyCode()}. */
    public long amountMinor() {
        return amountMinor;
    }

    public AuthorizationEvent amountMinor(final long amountMinor) {
        this.amountMinor = amountMinor;
        return this;
    }

    /** Field 49, currency code, transaction: ISO 4217 numeric (978 is EUR). */
    public int currencyCode() {
        return currencyCode;
    }

    public AuthorizationEvent currencyCode(final int currencyCode) {
        this.currencyCode = currencyCode;
        return this;
    }

    /** Field 18, merchant type: ISO 18245 merchant category code. */
    public int merchantCategoryCode() {
        return merchantCategoryCode;
    }

    public AuthorizationEvent merchantCategoryCode(final int merchantCategoryCode) {
        this.merchantCategoryCode = merchantCategoryCode;
        return this;
    }

    /** Field 19, acquiring institution country code: ISO 3166 numeric. */
    public int countryCode() {
        return countryCode;
    }

    public AuthorizationEvent countryCode(final int countryCode) {
        this.countryCode = countryCode;
        return this;
    }

    /** Field 22, point of service entry mode, as a number ("051" is 51). */
    public int posEntryMode() {
        return posEntryMode;
    }

    public AuthorizationEvent posEntryMode(final int posEntryMode) {
        this.posEntryMode = posEntryMode;
        return this;
    }

    /** Field 70, network management information code (1 sign-on, 2 sign-off, 301 echo); 0 if absent. */
    public int networkManagementCode() {
        return networkManagementCode;
    }

    public AuthorizationEvent networkManagementCode(final int networkManagementCode) {
        this.networkManagementCode = networkManagementCode;
        return this;
    }

    /** True for a network management message (message class 8: 0800, 0820, ...). */
    public boolean isNetworkManagement() {
        return messageTypeIndicator / 100 % 10 == 8;
    }

    /** Field 90, original data elements: the original message type ("0100" is 100); 0 if absent. */
    public int originalMessageType() {
        return originalMessageType;
    }

    /** Field 90: the original system trace audit number; 0 if absent. */
    public int originalSystemTraceAuditNumber() {
        return originalSystemTraceAuditNumber;
    }

    /** Field 90: the original transmission date and time, MMDDhhmmss as a number; 0 if absent. */
    public long originalTransmissionDateTime() {
        return originalTransmissionDateTime;
    }

    /** Sets the parts of field 90 a reversal refers to its original by. */
    public AuthorizationEvent originalDataElements(final int originalMessageType,
        final int originalSystemTraceAuditNumber, final long originalTransmissionDateTime) {
        this.originalMessageType = originalMessageType;
        this.originalSystemTraceAuditNumber = originalSystemTraceAuditNumber;
        this.originalTransmissionDateTime = originalTransmissionDateTime;
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

    /** Why the engine answered as it did; null until decided. */
    public DecisionReason reason() {
        return reason;
    }

    /**
     * Field 39 as a number (0 is "00"); -1 until decided. A rule whose code is configured (a
     * policy rule's 57 or 62) overrides its reason's usual code.
     */
    public int responseCode() {
        if (reason == null) {
            return -1;
        }
        return declineResponseCode >= 0 ? declineResponseCode : reason.responseCode();
    }

    public boolean approved() {
        return reason == DecisionReason.APPROVED;
    }

    /** The rule that declined the request, {@link #NO_RULE} for an approval. */
    public int ruleId() {
        return ruleId;
    }

    /**
     * Field 38 as a number; render it with {@link AuthorizationIds#render}. {@link
     * #NO_AUTHORIZATION_ID} for a decline.
     */
    public long authorizationId() {
        return authorizationId;
    }

    /** Renders field 38 into {@code destination}; returns 6, or 0 for a decline. */
    public int authorizationIdInto(final byte[] destination, final int offset) {
        return AuthorizationIds.render(authorizationId, destination, offset);
    }

    /** Renders the masked PAN ("411111******1111"); returns its length, 0 when absent. */
    public int maskedPanInto(final byte[] destination, final int offset) {
        return PanParts.render(panLength, panFirstSix, panLastFour, destination, offset);
    }

    /** The engine's wall-clock time of the decision, epoch milliseconds. */
    public long decisionTimeEpochMillis() {
        return decisionTimeEpochMillis;
    }

    /** Decision thread only: approve with an authorization id. */
    public void approve(final long authorizationId, final long nowEpochMillis) {
        this.reason = DecisionReason.APPROVED;
        this.ruleId = NO_RULE;
        this.authorizationId = authorizationId;
        this.decisionTimeEpochMillis = nowEpochMillis;
    }

    /** Decision thread (or a stage's failure handler) only: decline for a reason. */
    public void decline(final DecisionReason reason, final int ruleId, final long nowEpochMillis) {
        this.reason = reason;
        this.ruleId = ruleId;
        this.authorizationId = NO_AUTHORIZATION_ID;
        this.decisionTimeEpochMillis = nowEpochMillis;
    }

    /**
     * Decision thread only: decline for a reason with a configured field 39 ({@code responseCode}
     * 0 to 99) instead of the reason's usual code.
     */
    public void decline(final DecisionReason reason, final int ruleId, final int responseCode,
        final long nowEpochMillis) {
        decline(reason, ruleId, nowEpochMillis);
        this.declineResponseCode = responseCode == reason.responseCode() ? -1 : responseCode;
    }

    /**
     * Decision thread only: answer 00 without an authorization id, for a message that asks for
     * no authorization (network management, reversal advice).
     */
    public void acknowledge(final DecisionReason acknowledgement, final long nowEpochMillis) {
        assert acknowledgement.isAcknowledgement() : acknowledgement + " is not an acknowledgement";
        this.reason = acknowledgement;
        this.ruleId = NO_RULE;
        this.authorizationId = NO_AUTHORIZATION_ID;
        this.decisionTimeEpochMillis = nowEpochMillis;
    }

    /**
     * Decision thread only: copies the decision of an earlier request (a duplicate is answered as
     * the first was).
     */
    public void repeatDecision(final DecisionReason reason, final int ruleId, final int responseCode,
        final long authorizationId, final long nowEpochMillis) {
        this.reason = reason;
        this.ruleId = ruleId;
        this.declineResponseCode = responseCode == reason.responseCode() ? -1 : responseCode;
        this.authorizationId = authorizationId;
        this.decisionTimeEpochMillis = nowEpochMillis;
    }

    /**
     * The first rule in dry-run mode that would have declined this request, which was decided
     * without it; {@link #NO_RULE} when none.
     */
    public int dryRunRuleId() {
        return dryRunRuleId;
    }

    /** Decision thread only: notes a dry-run rule that would have declined; the first one is kept. */
    public void noteDryRun(final int ruleId) {
        if (dryRunRuleId == NO_RULE) {
            dryRunRuleId = ruleId;
        }
    }

    public AuthorizationEvent originalMessageType(final int originalMessageType) {
        this.originalMessageType = originalMessageType;
        return this;
    }

    public AuthorizationEvent originalSystemTraceAuditNumber(final int originalSystemTraceAuditNumber) {
        this.originalSystemTraceAuditNumber = originalSystemTraceAuditNumber;
        return this;
    }

    public AuthorizationEvent originalTransmissionDateTime(final long originalTransmissionDateTime) {
        this.originalTransmissionDateTime = originalTransmissionDateTime;
        return this;
    }

    /**
     * True when the PAN's last digit is its Luhn check digit. The producer computes it from the
     * clear PAN, which never enters the ring.
     */
    public boolean panLuhnValid() {
        return panLuhnValid;
    }

    public AuthorizationEvent panLuhnValid(final boolean panLuhnValid) {
        this.panLuhnValid = panLuhnValid;
        return this;
    }

    /**
     * Which of fields 1 to 64 the message carried, laid out as the ISO 8583 primary bitmap: field
     * {@code n} is bit {@code 64 - n} (field 2 is {@code 1L << 62}), so a front-end can pass the
     * decoder's bitmap as it is. Field 90 is present when {@link #originalMessageType()} is not 0.
     */
    public long presentFields() {
        return presentFields;
    }

    public AuthorizationEvent presentFields(final long presentFields) {
        this.presentFields = presentFields;
        return this;
    }

    /** Marks field {@code fieldNumber} (1 to 64) present in {@link #presentFields()}. */
    public AuthorizationEvent fieldPresent(final int fieldNumber) {
        this.presentFields |= fieldBit(fieldNumber);
        return this;
    }

    /** True when field {@code fieldNumber} (1 to 64) is marked present. */
    public boolean isFieldPresent(final int fieldNumber) {
        return (presentFields & fieldBit(fieldNumber)) != 0;
    }

    /** The bit of field {@code fieldNumber} (1 to 64) in a primary bitmap. */
    public static long fieldBit(final int fieldNumber) {
        return 1L << (64 - fieldNumber);
    }

    private static void copyAscii(final CharSequence text, final byte[] destination, final String what) {
        final int length = text.length();
        if (length > destination.length) {
            throw new IllegalArgumentException(
                what + " is " + length + " characters, at most " + destination.length + " allowed");
        }
        for (int i = 0; i < length; i++) {
            final char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(what + " has a character that is not printable ASCII at index " + i);
            }
            destination[i] = (byte)c;
        }
        Arrays.fill(destination, length, destination.length, SPACE);
    }
}
