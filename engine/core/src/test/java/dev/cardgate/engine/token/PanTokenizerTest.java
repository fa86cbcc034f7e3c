package dev.cardgate.engine.token;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanTokenizerTest {
    private static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String OTHER_KEY_HEX = "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private final PanTokenizer tokenizer = TokenKey.fromHex(KEY_HEX).newTokenizer();

    @Test
    void samePanGivesSameTokenFromAnyTokenizerOfTheKey() {
        final CardToken first = new CardToken();
        final CardToken second = new CardToken();
        assertTrue(tokenizer.tokenize(TestPans.VISA, first));
        assertTrue(TokenKey.fromHex(KEY_HEX).newTokenizer().tokenize(TestPans.VISA, second));
        assertEquals(first, second);
    }

    @Test
    void differentKeyGivesDifferentToken() {
        final CardToken first = new CardToken();
        final CardToken second = new CardToken();
        tokenizer.tokenize(TestPans.VISA, first);
        TokenKey.fromHex(OTHER_KEY_HEX).newTokenizer().tokenize(TestPans.VISA, second);
        assertNotEquals(first, second);
    }

    @Test
    void panSharingFirstSixAndLastFourGetsADifferentToken() {
        final CardToken first = new CardToken();
        final CardToken second = new CardToken();
        tokenizer.tokenize("4111110000001111", first);
        tokenizer.tokenize("4111119999991111", second);
        assertNotEquals(first, second);
    }

    @Test
    void tokenIsHmacSha256OfThePanDigitsTruncatedTo128Bits() throws Exception {
        final Mac mac = Mac.getInstance("HmacSHA256");
        final byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte)i;
        }
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        final ByteBuffer expected = ByteBuffer.wrap(mac.doFinal(TestPans.MASTERCARD.getBytes(StandardCharsets.US_ASCII)));
        final CardToken token = new CardToken();
        tokenizer.tokenize(TestPans.MASTERCARD, token);
        assertEquals(expected.getLong(0), token.high());
        assertEquals(expected.getLong(8), token.low());
    }

    @Test
    void rejectsNonDigitsShortAndLongPansLeavingTheTokenUntouched() {
        final CardToken token = new CardToken().set(7, 9);
        assertFalse(tokenizer.tokenize("41111111111a1111", token));
        assertFalse(tokenizer.tokenize("4111 1111 1111 1111", token));
        assertFalse(tokenizer.tokenize("41111111111", token));
        assertFalse(tokenizer.tokenize("41111111111111111111", token));
        assertFalse(tokenizer.tokenize("", token));
        assertFalse(tokenizer.tokenize("４１１１１１１１１１１１１１１１", token));
        assertEquals(new CardToken().set(7, 9), token);
        assertTrue(tokenizer.tokenize("411111111111", token));
        assertTrue(tokenizer.tokenize("4111111111111111111", token));
    }

    @Test
    void directBufferPathRejectsWhatTheCharSequencePathRejects() {
        final CardToken token = new CardToken();
        for (final String bad : new String[] {"41111111111a1111", "41111111111", "41111111111111111111", "-111111111111"}) {
            final UnsafeBuffer buffer = new UnsafeBuffer(("xx" + bad).getBytes(StandardCharsets.ISO_8859_1));
            assertFalse(tokenizer.tokenize(buffer, 2, bad.length(), token), bad);
        }
    }

    @Property(tries = 300)
    void charSequenceAndDirectBufferPathsAgree(
        @ForAll @CharRange(from = '0', to = '9') @StringLength(min = 12, max = 19) final String pan) {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final int offset = 5;
        buffer.putStringWithoutLengthAscii(offset, pan);
        final CardToken fromText = new CardToken();
        final CardToken fromBuffer = new CardToken();
        assertTrue(tokenizer.tokenize(pan, fromText));
        assertTrue(tokenizer.tokenize(buffer, offset, pan.length(), fromBuffer));
        assertEquals(fromText, fromBuffer);
    }

    @Test
    void tokenizingAllocatesNothingAfterWarmUp() {
        final UnsafeBuffer buffer = new UnsafeBuffer(TestPans.VISA.getBytes(StandardCharsets.US_ASCII));
        final String pan = TestPans.MASTERCARD;
        final CardToken token = new CardToken();
        final Runnable tokenizeBoth = () -> {
            for (int i = 0; i < 50_000; i++) {
                tokenizer.tokenize(pan, token);
                tokenizer.tokenize(buffer, 0, 16, token);
            }
        };
        for (int warmUp = 0; warmUp < 4; warmUp++) {
            tokenizeBoth.run();
        }
        final long allocated = AllocationMeter.leastBytesAllocatedBy(tokenizeBoth, 3);
        assertTrue(allocated < 256, "100,000 tokenizations allocated " + allocated + " bytes");
    }
}
