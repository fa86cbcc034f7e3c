package dev.cardgate.engine.frontend;

import java.io.IOException;

import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;

import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.engine.config.FrontEndConfiguration;

/** Requests built with jPOS, and jPOS channels that match a front-end's framing. */
public final class JposMessages {
    /** The TPDU a NACChannel terminal sends: id 0x60, destination 0x0001, source 0x0203. */
    static final byte[] TERMINAL_TPDU = {0x60, 0x00, 0x01, 0x02, 0x03};
    /** The TPDU a host answers with: source and destination swapped. */
    static final byte[] ANSWER_TPDU = {0x60, 0x02, 0x03, 0x00, 0x01};

    private JposMessages() {
    }

    /** The jPOS channel a terminal uses with this framing. */
    enum ChannelKind {
        ASCII_CHANNEL(LengthHeader.ASCII_4, false),
        NAC_CHANNEL(LengthHeader.BINARY_2, true),
        POST_CHANNEL(LengthHeader.BINARY_2, false);

        final LengthHeader lengthHeader;
        final boolean tpdu;

        ChannelKind(final LengthHeader lengthHeader, final boolean tpdu) {
            this.lengthHeader = lengthHeader;
            this.tpdu = tpdu;
        }

        BaseChannel connect(final String host, final int port, final ISOPackager packager) throws IOException {
            final BaseChannel channel;
            switch (this) {
                case ASCII_CHANNEL:
                    channel = new ASCIIChannel(host, port, packager);
                    break;
                case NAC_CHANNEL:
                    channel = new NACChannel(host, port, packager, TERMINAL_TPDU);
                    break;
                default:
                    channel = new PostChannel(host, port, packager);
                    break;
            }
            channel.setTimeout(10_000);
            channel.connect();
            return channel;
        }
    }

    static ISOPackager packagerFor(final FrontEndConfiguration configuration) {
        return configuration.dialect() == Dialects.ISO87_BINARY ? new ISO87BPackager() : new ISO87APackager();
    }

    /** A 0100 for {@code pan} with the fields a POS terminal sends. */
    public static ISOMsg authorization(final String pan, final int stan) throws ISOException {
        final ISOMsg request = new ISOMsg("0100");
        request.set(2, pan);
        request.set(3, "000000");
        request.set(4, "000000002500");
        request.set(7, "1125143000");
        request.set(11, String.format("%06d", stan));
        request.set(12, "143000");
        request.set(13, "1125");
        request.set(14, "2812");
        request.set(18, "5411");
        request.set(22, "051");
        request.set(41, "TERM0001");
        request.set(42, "MERCHANT0000001");
        request.set(49, "978");
        return request;
    }

    /** A network management request: 301 echo, 001 sign-on, 002 sign-off. */
    static ISOMsg networkManagement(final String code, final int stan) throws ISOException {
        final ISOMsg request = new ISOMsg("0800");
        request.set(7, "1125143000");
        request.set(11, String.format("%06d", stan));
        request.set(41, "TERM0001");
        request.set(70, code);
        return request;
    }

    /** A 0400 reversing the authorization with {@code originalStan}. */
    static ISOMsg reversal(final String pan, final int stan, final int originalStan) throws ISOException {
        final ISOMsg request = authorization(pan, stan);
        request.setMTI("0400");
        request.set(90, "0100" + String.format("%06d", originalStan) + "1125143000" + "0000000000000000000000");
        return request;
    }
}
