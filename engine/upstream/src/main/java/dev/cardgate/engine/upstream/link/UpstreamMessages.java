package dev.cardgate.engine.upstream.link;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.CodecException;
import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.Iso8583Encoder;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * Builds what the link sends: a forwarded request or a stored message re-encoded from the
 * terminal's frame (the event's request bytes, in the terminal side's dialect and framing) into the
 * network's dialect, with the link's own field 11 and 37 (and 32 when configured); and the 0800s.
 *
 * <p>Field 37 toward the network is derived from the link's field 11: {@code Y DDD HH} (the last
 * digit of the year, the day of the year and the hour, UTC, at sending) followed by the six digits
 * of field 11, so that it is unique for as long as field 11 does not wrap within an hour.
 *
 * <p>Field 90 of a reversal (0420, 0421): the original message type (4 digits), the original's
 * field 11 as the link sent it (6; the terminal's own when it was never forwarded), the original's
 * field 7 (10), the acquirer id (11, zero-filled) and 11 zeros for the forwarding institution.
 *
 * <p>Threading: the link's I/O thread. Allocation: none per message, except the prefix of field
 * 37 once an hour and the 0800's field 7 (network management is rare).
 */
final class UpstreamMessages {
    static final int FIELD_2_PAN = 2;
    static final int FIELD_4_AMOUNT = 4;
    static final int FIELD_7_TRANSMISSION_TIME = 7;
    static final int FIELD_11_STAN = 11;
    static final int FIELD_32_ACQUIRER_ID = 32;
    static final int FIELD_37_RETRIEVAL_REFERENCE = 37;
    static final int FIELD_38_AUTHORIZATION_ID = 38;
    static final int FIELD_39_RESPONSE_CODE = 39;
    static final int FIELD_41_TERMINAL_ID = 41;
    static final int FIELD_52_PIN_BLOCK = 52;
    static final int FIELD_70_NETWORK_MANAGEMENT = 70;
    static final int FIELD_90_ORIGINAL_DATA = 90;

    static final int SIGN_ON = 1;
    static final int ECHO = 301;

    private static final int ORIGINAL_DATA_DIGITS = 42;

    private final Iso8583Decoder terminalDecoder;
    private final int terminalFixedHeader;
    private final Dialect networkDialect;
    private final String acquirerId;
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[64]);
    private final byte[] retrievalPrefix = new byte[6];
    private long retrievalPrefixHour = Long.MIN_VALUE;

    UpstreamMessages(final Dialect terminalDialect, final FrameFormat terminalFormat, final Dialect networkDialect,
        final String acquirerId) {
        this.terminalDecoder = new Iso8583Decoder(terminalDialect);
        this.terminalFixedHeader = terminalFormat.fixedHeaderLength();
        this.networkDialect = networkDialect;
        this.acquirerId = acquirerId;
    }

    /**
     * Writes a forwarded request: every field of the terminal's request in the network's dialect,
     * 11 and 37 replaced, 32 added when configured.
     *
     * @throws CodecException           when the terminal's frame does not decode
     * @throws IllegalArgumentException when a field cannot be written in the network's dialect
     */
    void forward(final Iso8583Encoder encoder, final AuthorizationEvent request, final int messageType,
        final int hostStan, final long nowEpochMillis) {
        final Iso8583Decoder original = decodeTerminalRequest(request);
        encoder.messageType(messageType);
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            if (number == FIELD_11_STAN) {
                encoder.putNumeric(FIELD_11_STAN, hostStan);
            }
            else if (number == FIELD_32_ACQUIRER_ID && !acquirerId.isEmpty()) {
                encoder.putText(FIELD_32_ACQUIRER_ID, acquirerId);
            }
            else if (number == FIELD_37_RETRIEVAL_REFERENCE) {
                putRetrievalReference(encoder, hostStan, nowEpochMillis);
            }
            else if (original.hasField(number) && networkDialect.field(number) != null) {
                encoder.copyField(original, number);
            }
        }
    }

    /**
     * Writes a stored message (an advice or a reversal, or a repeat) from the original request:
     * its fields as {@link #forward} writes them, without the PIN block, with the decision the
     * slot holds (38 when it has an id, 39) and, for a reversal, field 90.
     */
    void stored(final Iso8583Encoder encoder, final AuthorizationEvent original, final int messageType,
        final int hostStan, final long nowEpochMillis) {
        final Iso8583Decoder request = decodeTerminalRequest(original);
        final boolean reversal = messageType / 100 % 10 == 4;
        encoder.messageType(messageType);
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            switch (number) {
                case FIELD_11_STAN:
                    encoder.putNumeric(FIELD_11_STAN, hostStan);
                    break;
                case FIELD_32_ACQUIRER_ID:
                    if (!acquirerId.isEmpty()) {
                        encoder.putText(FIELD_32_ACQUIRER_ID, acquirerId);
                    }
                    break;
                case FIELD_37_RETRIEVAL_REFERENCE:
                    putRetrievalReference(encoder, hostStan, nowEpochMillis);
                    break;
                case FIELD_38_AUTHORIZATION_ID:
                    if (original.authorizationId() != AuthorizationEvent.NO_AUTHORIZATION_ID) {
                        final int length = original.authorizationIdInto(text.byteArray(), 0);
                        encoder.putBytes(FIELD_38_AUTHORIZATION_ID, text, 0, length);
                    }
                    break;
                case FIELD_39_RESPONSE_CODE:
                    if (original.responseCode() >= 0) {
                        putTwoDigits(encoder, FIELD_39_RESPONSE_CODE, original.responseCode());
                    }
                    break;
                case FIELD_52_PIN_BLOCK:
                    break; // a PIN is for the authorization only; an advice or reversal carries none
                case FIELD_90_ORIGINAL_DATA:
                    if (reversal) {
                        putOriginalData(encoder, original);
                    }
                    break;
                default:
                    if (request.hasField(number) && networkDialect.field(number) != null) {
                        encoder.copyField(request, number);
                    }
                    break;
            }
        }
    }

    /** Writes an 0800 with field 70 = {@code code} (1 sign-on, 301 echo). Allocates (field 7). */
    void networkManagement(final Iso8583Encoder encoder, final int code, final int hostStan, final long nowEpochMillis) {
        final ZonedDateTime now = Instant.ofEpochMilli(nowEpochMillis).atZone(ZoneOffset.UTC);
        final long transmission = now.getMonthValue() * 100_000_000L + now.getDayOfMonth() * 1_000_000L
            + now.getHour() * 10_000L + now.getMinute() * 100L + now.getSecond();
        encoder.messageType(800).putNumeric(FIELD_7_TRANSMISSION_TIME, transmission)
            .putNumeric(FIELD_11_STAN, hostStan);
        if (!acquirerId.isEmpty()) {
            encoder.putText(FIELD_32_ACQUIRER_ID, acquirerId);
        }
        encoder.putNumeric(FIELD_70_NETWORK_MANAGEMENT, code);
    }

    private Iso8583Decoder decodeTerminalRequest(final AuthorizationEvent request) {
        return terminalDecoder.wrap(request.requestBytes(), terminalFixedHeader,
            request.requestLength() - terminalFixedHeader);
    }

    private void putRetrievalReference(final Iso8583Encoder encoder, final int hostStan, final long nowEpochMillis) {
        final long hour = Math.floorDiv(nowEpochMillis, 3_600_000L);
        if (hour != retrievalPrefixHour) {
            final ZonedDateTime now = Instant.ofEpochMilli(nowEpochMillis).atZone(ZoneOffset.UTC);
            writeDigits(retrievalPrefix, 0, now.getYear() % 10, 1);
            writeDigits(retrievalPrefix, 1, now.getDayOfYear(), 3);
            writeDigits(retrievalPrefix, 4, now.getHour(), 2);
            retrievalPrefixHour = hour;
        }
        final byte[] bytes = text.byteArray();
        System.arraycopy(retrievalPrefix, 0, bytes, 0, retrievalPrefix.length);
        writeDigits(bytes, 6, hostStan, 6);
        encoder.putBytes(FIELD_37_RETRIEVAL_REFERENCE, text, 0, 12);
    }

    private void putOriginalData(final Iso8583Encoder encoder, final AuthorizationEvent original) {
        final boolean itselfAReversal = original.messageTypeIndicator() / 100 % 10 == 4;
        final int originalType = itselfAReversal ? original.originalMessageType() : original.messageTypeIndicator();
        final int originalStan = itselfAReversal ? original.originalSystemTraceAuditNumber()
            : original.upstreamTraceNumber() != 0 ? original.upstreamTraceNumber() : original.systemTraceAuditNumber();
        final long originalTime = itselfAReversal ? original.originalTransmissionDateTime()
            : original.transmissionDateTime();
        final byte[] bytes = text.byteArray();
        writeDigits(bytes, 0, originalType, 4);
        writeDigits(bytes, 4, originalStan, 6);
        writeDigits(bytes, 10, originalTime, 10);
        writeDigits(bytes, 20, acquirerId.isEmpty() ? 0 : Long.parseLong(acquirerId), 11);
        writeDigits(bytes, 31, 0, 11);
        encoder.putBytes(FIELD_90_ORIGINAL_DATA, text, 0, ORIGINAL_DATA_DIGITS);
    }

    private void putTwoDigits(final Iso8583Encoder encoder, final int number, final int value) {
        writeDigits(text.byteArray(), 0, value, 2);
        encoder.putBytes(number, text, 0, 2);
    }

    static void writeDigits(final byte[] destination, final int offset, final long value, final int digits) {
        long remaining = value;
        for (int i = digits - 1; i >= 0; i--) {
            destination[offset + i] = (byte)('0' + remaining % 10);
            remaining /= 10;
        }
    }
}
