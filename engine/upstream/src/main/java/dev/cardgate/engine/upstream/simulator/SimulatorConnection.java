package dev.cardgate.engine.upstream.simulator;

import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;

import dev.cardgate.codec.CodecException;
import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.Iso8583Encoder;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.engine.upstream.link.FrameReader;
import dev.cardgate.engine.upstream.link.OutboundFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * One connection to the simulated issuer: decodes each message, records it, and answers as the
 * {@link IssuerRules} say. An authorization (0100, 0200) is approved with the issuer's own field
 * 38 unless declined; an advice or reversal (01x0, 02x0, 04x0 and repeats) is acknowledged; an
 * 0800 is answered 00 (a sign-on 05 when refused).
 *
 * <p>Threading: the connection's I/O thread. A simulator: it allocates freely.
 */
final class SimulatorConnection extends FrameReader {
    private static final int[] ECHOED_BY_AUTHORIZATION = {2, 3, 4, 7, 11, 12, 13, 32, 37, 41, 42, 49};
    private static final int[] ECHOED_BY_ACKNOWLEDGEMENT = {3, 4, 7, 11, 32, 37, 41, 42, 49};
    private static final int[] ECHOED_BY_NETWORK_MANAGEMENT = {7, 11, 32};

    private final IssuerSimulator simulator;
    private final IssuerRules rules;
    private final FrameFormat format;
    private final Iso8583Decoder decoder;
    private final OutboundFrame frame;

    SimulatorConnection(final IssuerSimulator simulator, final IssuerSimulatorSettings settings) {
        super(settings.frameFormat());
        this.simulator = simulator;
        this.rules = settings.rules();
        this.format = settings.frameFormat();
        this.decoder = new Iso8583Decoder(settings.dialect());
        final byte[] tpdu = format.fixedHeaderLength() == 0 ? null : new byte[format.fixedHeaderLength()];
        this.frame = new OutboundFrame(settings.dialect(), format, tpdu);
    }

    @Override
    protected void onMessage(final ChannelHandlerContext context, final DirectBuffer buffer, final int offset,
        final int length) {
        try {
            decoder.wrap(buffer, offset, length);
        }
        catch (final CodecException malformed) {
            simulator.note("ignored a frame that does not decode: " + malformed.getMessage());
            return;
        }
        final int type = decoder.messageType();
        final int messageClass = type / 100 % 10;
        if (type == 800) {
            answerNetworkManagement(context, buffer, offset);
        }
        else if (type % 100 / 10 == 0 && (messageClass == 1 || messageClass == 2) && type % 10 == 0) {
            answerAuthorization(context, buffer, offset);
        }
        else if (messageClass == 1 || messageClass == 2 || messageClass == 4) {
            acknowledge(context, buffer, offset);
        }
        else {
            record(-1);
            simulator.note("ignored a " + String.format("%04d", type) + ": not a message an issuer answers");
        }
    }

    private void answerNetworkManagement(final ChannelHandlerContext context, final DirectBuffer buffer, final int offset) {
        final long code = decoder.numeric(70);
        final boolean echo = code == 301;
        if (echo && rules.dropEchoes()) {
            record(-1);
            return;
        }
        final int responseCode = code == 1 && rules.refuseSignOn() ? 5 : 0;
        record(responseCode);
        final Iso8583Encoder encoder = frame.beginAnswer(buffer, offset - format.fixedHeaderLength()).messageType(810);
        copy(encoder, ECHOED_BY_NETWORK_MANAGEMENT, 38);
        encoder.putText(39, twoDigits(responseCode));
        encoder.copyField(decoder, 70);
        context.writeAndFlush(frame.finish(context.alloc(), true));
    }

    private void answerAuthorization(final ChannelHandlerContext context, final DirectBuffer buffer, final int offset) {
        if (rules.closeOnRequest()) {
            record(-1);
            context.close();
            return;
        }
        if (rules.dropAnswers()) {
            record(-1);
            return;
        }
        final String lastFour = lastFour();
        final String masked = masked();
        int responseCode = rules.listedCode(lastFour, masked);
        if (responseCode == 0 && rules.declineOverMinor() != IssuerRules.NO_LIMIT
            && decoder.numeric(4) > rules.declineOverMinor()) {
            responseCode = 51;
        }
        record(responseCode);
        final Misbehaviour misbehaviour = rules.misbehaviour(lastFour, masked);
        if (misbehaviour == Misbehaviour.GARBAGE) {
            final ByteBuf garbage = context.alloc().buffer();
            final byte[] bytes = "0110XYZ-not-a-bitmap".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            final byte[] length = new byte[format.lengthHeader().bytes()];
            format.lengthHeader().write(new org.agrona.concurrent.UnsafeBuffer(length), 0,
                bytes.length + format.fixedHeaderLength());
            garbage.writeBytes(length).writeZero(format.fixedHeaderLength()).writeBytes(bytes);
            send(context, garbage);
            return;
        }
        final Iso8583Encoder encoder = frame.beginAnswer(buffer, offset - format.fixedHeaderLength())
            .messageType(decoder.messageType() + 10);
        for (final int number : ECHOED_BY_AUTHORIZATION) {
            if (number == 2 && misbehaviour == Misbehaviour.WRONG_CARD && decoder.hasField(2)) {
                final String pan = decoder.stringValue(2);
                final char last = pan.charAt(pan.length() - 1);
                encoder.putText(2, pan.substring(0, pan.length() - 1) + (last == '9' ? '0' : (char)(last + 1)));
            }
            else if (number == 4 && misbehaviour == Misbehaviour.WRONG_AMOUNT && decoder.hasField(4)) {
                encoder.putNumeric(4, decoder.numeric(4) + 1);
            }
            else if (number == 11 && misbehaviour == Misbehaviour.UNKNOWN_STAN) {
                encoder.putNumeric(11, (decoder.numeric(11) + 500_000) % 1_000_000);
            }
            else {
                encoder.copyField(decoder, number);
            }
            if (number == 37) {
                if (responseCode == 0) {
                    encoder.putText(38, simulator.nextAuthorizationId());
                }
                encoder.putText(39, twoDigits(responseCode));
            }
        }
        send(context, frame.finish(context.alloc(), true));
    }

    private void acknowledge(final ChannelHandlerContext context, final DirectBuffer buffer, final int offset) {
        if (rules.dropAnswers()) {
            record(-1);
            return;
        }
        record(0);
        final int type = decoder.messageType();
        final Iso8583Encoder encoder = frame.beginAnswer(buffer, offset - format.fixedHeaderLength())
            .messageType(type - type % 10 + 10);
        copy(encoder, ECHOED_BY_ACKNOWLEDGEMENT, 38);
        encoder.putText(39, "00");
        encoder.copyField(decoder, 41);
        encoder.copyField(decoder, 42);
        encoder.copyField(decoder, 49);
        send(context, frame.finish(context.alloc(), true));
    }

    /** Copies the fields of {@code numbers} below {@code below}. */
    private void copy(final Iso8583Encoder encoder, final int[] numbers, final int below) {
        for (final int number : numbers) {
            if (number < below) {
                encoder.copyField(decoder, number);
            }
        }
    }

    private void send(final ChannelHandlerContext context, final ByteBuf answer) {
        final long delay = rules.delayMillis();
        if (delay == 0) {
            context.writeAndFlush(answer);
        }
        else {
            context.executor().schedule(() -> context.writeAndFlush(answer), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void record(final int answeredWith) {
        final int type = decoder.messageType();
        final int originalStan = decoder.hasField(90) ? Integer.parseInt(decoder.stringValue(90).substring(4, 10)) : -1;
        simulator.received(new ReceivedMessage(type, (int)decoder.numeric(11), type % 10 == 1, originalStan,
            decoder.hasField(4) ? decoder.numeric(4) : -1, decoder.stringValue(41), masked(), answeredWith));
    }

    private String lastFour() {
        final String pan = decoder.stringValue(2);
        return pan == null || pan.length() < 4 ? null : pan.substring(pan.length() - 4);
    }

    private String masked() {
        final String pan = decoder.stringValue(2);
        if (pan == null || pan.length() < 10) {
            return null;
        }
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }

    private static String twoDigits(final int code) {
        return String.format("%02d", code);
    }

    @Override
    protected void onUnreadableLength(final ChannelHandlerContext context, final int announced) {
        simulator.note("closing a connection: a frame announces " + announced + " bytes");
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext context, final Throwable cause) {
        simulator.note("closing a connection: " + cause);
        context.close();
    }
}
