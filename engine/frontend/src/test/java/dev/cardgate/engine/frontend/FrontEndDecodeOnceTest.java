package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.engine.AuthorizationEngine;

/**
 * Over TCP, each request is decoded once: by its I/O thread (the I/O threads' decoders count
 * their wraps; the reply side holds none). The answer, echoed fields and all
 * (field 90 of a reversal, behind the secondary bitmap, included), is written from the bytes
 * and offsets the entry carries, with no second decode on the reply thread.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrontEndDecodeOnceTest {
    @TempDir
    Path dataDirectory;

    @Test
    void eachRequestIsDecodedOnceAndItsAnswerEchoesItsFields() throws Exception {
        try (AuthorizationEngine engine = TestFrontEnds.launchEngine(dataDirectory);
            FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(Dialects.ISO87_ASCII_NAME,
                LengthHeader.ASCII_4, false));
            RawTerminal terminal = new RawTerminal(new InetSocketAddress("127.0.0.1",
                frontEnd.localAddress().getPort()))) {
            final int requests = 50;
            for (int stan = 1; stan <= requests; stan++) {
                final ISOMsg request = stan % 10 == 0
                    ? JposMessages.reversal(TestFrontEnds.CLEAN_CARD, stan, stan - 1)
                    : JposMessages.authorization(stan % 7 == 0 ? TestFrontEnds.STOLEN_CARD : TestFrontEnds.CLEAN_CARD,
                        stan);
                terminal.send(RawTerminal.frame(request));
                final ISOMsg answer = terminal.receive();
                assertEquals(String.format("%06d", stan), answer.getString(11));
                assertEquals("TERM0001", answer.getString(41));
                assertEquals("000000002500", answer.getString(4));
                if (stan % 10 == 0) {
                    assertEquals("0410", answer.getMTI());
                    assertEquals(request.getString(90), answer.getString(90), "field 90 echoed");
                }
                else {
                    assertEquals(stan % 7 == 0 ? "43" : "00", answer.getString(39));
                }
            }
            assertEquals(requests, frontEnd.decoderWraps(), "one decoder wrap per request");
        }
    }

    @Test
    void theReplySideHasNoDecoderToWrap() {
        for (final Class<?> replySide : new Class<?>[] {ResponseWriter.class, ResponseEncoder.class}) {
            for (final java.lang.reflect.Field field : replySide.getDeclaredFields()) {
                assertFalse(Iso8583Decoder.class.isAssignableFrom(field.getType()),
                    replySide.getSimpleName() + "." + field.getName() + " is a decoder: the answer would decode again");
            }
        }
    }
}
