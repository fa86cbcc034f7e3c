package dev.cardgate.engine.upstream.link;

import static dev.cardgate.engine.upstream.link.UpstreamMessages.*;

import org.agrona.DirectBuffer;

import dev.cardgate.codec.CodecException;
import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * Reads what the network sends back and checks it against the request it answers. The key that
 * matches an answer to its request: the answer's message type is the request's plus 10, its field
 * 11 is the one the link sent, and its field 41, when it carries one, is the request's. A matched
 * answer must also agree with its request on field 4 (when both carry it) and on the last four
 * digits of field 2 (when it carries one); one that does not is not believed.
 *
 * <p>Threading: the link's I/O thread. Allocates nothing (a malformed frame allocates its exception).
 */
final class AnswerReader {
    /** What {@link #read} found. */
    enum Verdict {
        READ,
        UNDECODABLE
    }

    private final Iso8583Decoder decoder;

    AnswerReader(final Dialect networkDialect) {
        this.decoder = new Iso8583Decoder(networkDialect);
    }

    /** Decodes an answer; after {@link Verdict#READ} the accessors read it. */
    Verdict read(final DirectBuffer buffer, final int offset, final int length) {
        try {
            decoder.wrap(buffer, offset, length);
        }
        catch (final CodecException | IllegalArgumentException malformed) {
            return Verdict.UNDECODABLE;
        }
        if (!decoder.hasField(FIELD_11_STAN) || !decoder.hasField(FIELD_39_RESPONSE_CODE) || responseCode() < 0) {
            return Verdict.UNDECODABLE;
        }
        return Verdict.READ;
    }

    int messageType() {
        return decoder.messageType();
    }

    int hostStan() {
        return (int)decoder.numeric(FIELD_11_STAN);
    }

    /** Field 39 as a number, 0 to 99; -1 when it is not two digits. */
    int responseCode() {
        if (decoder.fieldLength(FIELD_39_RESPONSE_CODE) != 2) {
            return -1;
        }
        final int tens = decoder.valueAt(FIELD_39_RESPONSE_CODE, 0) - '0';
        final int units = decoder.valueAt(FIELD_39_RESPONSE_CODE, 1) - '0';
        return tens < 0 || tens > 9 || units < 0 || units > 9 ? -1 : tens * 10 + units;
    }

    /** Field 38 as {@link dev.cardgate.engine.event.AuthorizationIds} keeps it, or none when absent or not six of 0-9, A-Z. */
    long authorizationId() {
        if (!decoder.hasField(FIELD_38_AUTHORIZATION_ID) || decoder.fieldLength(FIELD_38_AUTHORIZATION_ID) != 6) {
            return AuthorizationEvent.NO_AUTHORIZATION_ID;
        }
        long id = 0;
        for (int i = 0; i < 6; i++) {
            final int c = decoder.valueAt(FIELD_38_AUTHORIZATION_ID, i);
            final int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                : c >= 'a' && c <= 'z' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return AuthorizationEvent.NO_AUTHORIZATION_ID;
            }
            id = id * 36 + digit;
        }
        return id;
    }

    /** The answer's type and field 41 are those the request {@code entry} expects. */
    boolean keyMatches(final InFlightEntry entry) {
        if (messageType() != entry.answerType()) {
            return false;
        }
        if (!decoder.hasField(FIELD_41_TERMINAL_ID)) {
            return true;
        }
        final AuthorizationEvent request = entry.event;
        if (decoder.fieldLength(FIELD_41_TERMINAL_ID) != AuthorizationEvent.TERMINAL_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < AuthorizationEvent.TERMINAL_ID_LENGTH; i++) {
            if (decoder.valueAt(FIELD_41_TERMINAL_ID, i) != request.terminalIdByte(i)) {
                return false;
            }
        }
        return true;
    }

    /** The answer carries a field 4 other than its request's. */
    boolean amountContradicts(final AuthorizationEvent request) {
        return decoder.hasField(FIELD_4_AMOUNT) && request.isFieldPresent(FIELD_4_AMOUNT)
            && decoder.numeric(FIELD_4_AMOUNT) != request.amountMinor();
    }

    /** The answer carries a field 2 whose last four digits are not its request's. */
    boolean cardContradicts(final AuthorizationEvent request) {
        if (!decoder.hasField(FIELD_2_PAN) || request.panLength() == 0) {
            return false;
        }
        final int length = decoder.fieldLength(FIELD_2_PAN);
        if (length < 4) {
            return true;
        }
        int lastFour = 0;
        for (int i = length - 4; i < length; i++) {
            lastFour = lastFour * 10 + decoder.valueAt(FIELD_2_PAN, i) - '0';
        }
        return lastFour != request.panLastFour();
    }

    /** The decoded answer, for a log line (masked). Allocates. */
    String describe() {
        return decoder.appendTo(new StringBuilder(128)).toString();
    }
}
