package dev.cardgate.engine.frontend;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.Iso8583Encoder;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.codec.framing.Tpdu;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationIds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Writes the answer to a decoded request as a whole frame (length header, the request's TPDU
 * with source and destination swapped, the ISO 8583 message) straight into a pooled buffer:
 * the answer's message type, the fields a host echoes copied from the request's bytes, field
 * 38 when an authorization id is given, and field 39.
 *
 * <p>Not thread-safe: one per thread (the reply thread has one, each I/O thread has one for the
 * answers it gives itself: 30, 12, 91). Allocates nothing but the pooled buffer it returns.
 */
final class ResponseEncoder {
    /** Room for what an answer adds to its request: fields 38 and 39 with prefixes, a secondary bitmap. */
    private static final int ANSWER_GROWTH = 64;
    /** "00" to "99": field 39's two characters for every response code. */
    private static final UnsafeBuffer RESPONSE_CODES = responseCodeTable();

    private final FrameFormat format;
    private final Iso8583Encoder encoder;
    private final UnsafeBuffer output = new UnsafeBuffer(0, 0);
    private final byte[] authorizationIdBytes = new byte[AuthorizationIds.LENGTH];
    private final UnsafeBuffer authorizationId = new UnsafeBuffer(authorizationIdBytes);

    ResponseEncoder(final Dialect dialect, final FrameFormat format) {
        this.format = format;
        this.encoder = new Iso8583Encoder(dialect);
    }

    /**
     * Encodes the answer to {@code request}, a decoder wrapped over the message of the frame
     * (TPDU included) {@code frame[frameOffset, frameOffset + frameLength)}.
     *
     * @param responseCode    field 39 as a number, 0 to 99
     * @param authorizationId field 38 as a number, or {@link AuthorizationEvent#NO_AUTHORIZATION_ID}
     * @return a buffer holding the whole frame, for the caller to write (and so release)
     */
    ByteBuf encode(final Iso8583Decoder request, final DirectBuffer frame, final int frameOffset, final int frameLength,
        final int responseType, final int responseCode, final long authorizationId, final ByteBufAllocator allocator) {
        final int headerBytes = format.messageOffsetInFrame();
        final ByteBuf answer = allocator.directBuffer(format.lengthHeader().bytes() + frameLength + ANSWER_GROWTH);
        try {
            wrapOutput(answer);
            if (format.fixedHeaderLength() == Tpdu.LENGTH) {
                Tpdu.writeAnswer(frame, frameOffset, output, format.lengthHeader().bytes());
            }
            encoder.wrap(output, headerBytes).messageType(responseType);
            echo(request, MessageTypes.ECHOED_BEFORE_AUTHORIZATION_ID);
            if (authorizationId != AuthorizationEvent.NO_AUTHORIZATION_ID) {
                AuthorizationIds.render(authorizationId, authorizationIdBytes, 0);
                encoder.putBytes(38, this.authorizationId, 0, AuthorizationIds.LENGTH);
            }
            encoder.putBytes(39, RESPONSE_CODES, 2 * responseCode, 2);
            echo(request, MessageTypes.ECHOED_AFTER_RESPONSE_CODE);
            final int messageLength = encoder.finish();
            format.writeLength(output, 0, messageLength);
            answer.writerIndex(headerBytes + messageLength);
            return answer;
        }
        catch (final RuntimeException failure) {
            answer.release();
            throw failure;
        }
        finally {
            output.wrap(0, 0);
        }
    }

    /**
     * Echoes {@code numbers} from the request. A request answered 30 may hold malformed fields:
     * those are left out, except the STAN, echoed as sent so the terminal can match the answer.
     */
    private void echo(final Iso8583Decoder request, final int[] numbers) {
        if (!request.hasMalformedFields()) {
            encoder.copyFields(request, numbers);
            return;
        }
        for (final int number : numbers) {
            if (number == MessageTypes.FIELD_11_SYSTEM_TRACE_AUDIT_NUMBER || !request.isMalformed(number)) {
                encoder.copyField(request, number);
            }
        }
    }

    /**
     * Encodes the answer to the request an entry carries, from the entry's copy of the frame and
     * the offsets of its echoed fields ({@link AuthorizationEvent#echoField}): no decoding. The
     * request was read in this encoder's dialect, so each echoed field's bytes are copied as
     * they are.
     *
     * @param responseCode    field 39 as a number, 0 to 99
     * @param authorizationId field 38 as a number, or {@link AuthorizationEvent#NO_AUTHORIZATION_ID}
     * @return a buffer holding the whole frame, for the caller to write (and so release)
     */
    ByteBuf encode(final AuthorizationEvent request, final int responseType, final int responseCode,
        final long authorizationId, final ByteBufAllocator allocator) {
        final DirectBuffer frame = request.requestBytes();
        final int frameLength = request.requestLength();
        final int headerBytes = format.messageOffsetInFrame();
        final ByteBuf answer = allocator.directBuffer(format.lengthHeader().bytes() + frameLength + ANSWER_GROWTH);
        try {
            wrapOutput(answer);
            if (format.fixedHeaderLength() == Tpdu.LENGTH) {
                Tpdu.writeAnswer(frame, 0, output, format.lengthHeader().bytes());
            }
            encoder.wrap(output, headerBytes).messageType(responseType);
            final int echoed = request.echoCount();
            int next = 0;
            for (; next < echoed && request.echoFieldNumber(next) < 38; next++) {
                encoder.putWireField(request.echoFieldNumber(next), frame, request.echoFrameOffset(next),
                    request.echoWireLength(next));
            }
            if (authorizationId != AuthorizationEvent.NO_AUTHORIZATION_ID) {
                AuthorizationIds.render(authorizationId, authorizationIdBytes, 0);
                encoder.putBytes(38, this.authorizationId, 0, AuthorizationIds.LENGTH);
            }
            encoder.putBytes(39, RESPONSE_CODES, 2 * responseCode, 2);
            for (; next < echoed; next++) {
                encoder.putWireField(request.echoFieldNumber(next), frame, request.echoFrameOffset(next),
                    request.echoWireLength(next));
            }
            final int messageLength = encoder.finish();
            format.writeLength(output, 0, messageLength);
            answer.writerIndex(headerBytes + messageLength);
            return answer;
        }
        catch (final RuntimeException failure) {
            answer.release();
            throw failure;
        }
        finally {
            output.wrap(0, 0);
        }
    }

    private void wrapOutput(final ByteBuf answer) {
        if (answer.hasMemoryAddress()) {
            output.wrap(answer.memoryAddress(), answer.capacity());
        }
        else {
            output.wrap(answer.array(), answer.arrayOffset(), answer.capacity());
        }
    }

    private static UnsafeBuffer responseCodeTable() {
        final StringBuilder codes = new StringBuilder(200);
        for (int code = 0; code < 100; code++) {
            codes.append((char)('0' + code / 10)).append((char)('0' + code % 10));
        }
        return new UnsafeBuffer(codes.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
