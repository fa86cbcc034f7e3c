package dev.cardgate.engine.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** One answer to "is this a PAN", whoever asks and in whatever form the PAN is held. */
class PanFormatTest {
    private static final String[] NOT_WELL_FORMED = {"", "41111111111", "41111111111111111111", "4111 1111 1111 1111",
        "411111111111111a"};
    private static final String[] WELL_FORMED = {"411111111111", TestPans.VISA, "4111111111111111111",
        TestPans.withWrongCheckDigit(TestPans.VISA)};

    @Test
    void aPanIsTwelveToNineteenDigitsInTextAndInABuffer() {
        for (final String pan : NOT_WELL_FORMED) {
            assertFalse(PanFormat.isWellFormed(pan), pan);
            assertFalse(PanFormat.isWellFormed(bufferOf(pan), 2, pan.length()), pan);
        }
        for (final String pan : WELL_FORMED) {
            assertTrue(PanFormat.isWellFormed(pan), pan);
            assertTrue(PanFormat.isWellFormed(bufferOf(pan), 2, pan.length()), pan);
        }
    }

    @Test
    void theTokenizerTokenizesExactlyTheWellFormedOnes() {
        final PanTokenizer tokenizer = TokenKey.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
            .newTokenizer();
        final CardToken token = new CardToken();
        for (final String pan : NOT_WELL_FORMED) {
            assertFalse(tokenizer.tokenize(pan, token), pan);
            assertFalse(tokenizer.tokenize(bufferOf(pan), 2, pan.length(), token), pan);
        }
        for (final String pan : WELL_FORMED) {
            assertTrue(tokenizer.tokenize(pan, token), pan);
            final CardToken fromBuffer = new CardToken();
            assertTrue(tokenizer.tokenize(bufferOf(pan), 2, pan.length(), fromBuffer), pan);
            assertEquals(token.toString(), fromBuffer.toString(), "the same token from text and from a buffer");
        }
    }

    @Test
    void describesWhyAPanMayNotBeListedWithoutRepeatingIt() {
        assertNull(PanFormat.describeProblem(TestPans.VISA));
        assertEquals("the PAN is empty", PanFormat.describeProblem(""));
        assertEquals("the PAN has a character that is not a digit at position 5",
            PanFormat.describeProblem("4111 1111 1111 1111"));
        assertEquals("the PAN has 11 digits; a PAN has 12 to 19", PanFormat.describeProblem("41111111111"));
        assertEquals("the PAN 411111******1112 fails the Luhn check (mistyped?)",
            PanFormat.describeProblem(TestPans.withWrongCheckDigit(TestPans.VISA)));
    }

    private static UnsafeBuffer bufferOf(final String pan) {
        final byte[] bytes = ("xx" + pan + "yy").getBytes(StandardCharsets.US_ASCII);
        return new UnsafeBuffer(bytes);
    }
}
