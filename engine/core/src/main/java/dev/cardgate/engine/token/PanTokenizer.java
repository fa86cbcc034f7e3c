package dev.cardgate.engine.token;

import org.agrona.DirectBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Turns a PAN into its {@link CardToken}: HMAC-SHA-256 of the PAN's ASCII digits under the
 * {@link TokenKey}, truncated to the first 128 bits (high = bytes 0..7, low = bytes 8..15, both
 * big-endian). The whole PAN is hashed, so two cards that share first six and last four digits
 * still get different tokens.
 *
 * <p>Threading: not thread-safe; one instance per thread, from {@link TokenKey#newTokenizer()}.
 * Allocation: none, on both paths. The PAN's digits are copied into a scratch array that is
 * cleared after each call.
 */
public final class PanTokenizer {
    private static final VarHandle BIG_ENDIAN_LONG =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final HmacSha256 hmac;
    private final byte[] digits = new byte[PanFormat.MAX_LENGTH];
    private final byte[] mac = new byte[HmacSha256.MAC_LENGTH];

    PanTokenizer(final byte[] key) {
        this.hmac = new HmacSha256(key);
    }

    /**
     * @return true with {@code out} set to the PAN's token; false, {@code out} untouched, unless
     *     {@code pan} is well formed ({@link PanFormat#isWellFormed(CharSequence)})
     */
    public boolean tokenize(final CharSequence pan, final CardToken out) {
        if (!PanFormat.isWellFormed(pan)) {
            return false;
        }
        final int length = pan.length();
        for (int i = 0; i < length; i++) {
            digits[i] = (byte)pan.charAt(i);
        }
        hashDigits(length, out);
        return true;
    }

    /**
     * The same as {@link #tokenize(CharSequence, CardToken)} for a PAN held as ASCII bytes in
     * {@code buffer[offset, offset + length)}, e.g. a field of a decoded ISO 8583 message.
     */
    public boolean tokenize(final DirectBuffer buffer, final int offset, final int length, final CardToken out) {
        if (!PanFormat.isWellFormed(buffer, offset, length)) {
            return false;
        }
        buffer.getBytes(offset, digits, 0, length);
        hashDigits(length, out);
        return true;
    }

    private void hashDigits(final int length, final CardToken out) {
        hmac.macInto(digits, length, mac);
        Arrays.fill(digits, 0, length, (byte)0);
        out.set((long)BIG_ENDIAN_LONG.get(mac, 0), (long)BIG_ENDIAN_LONG.get(mac, Long.BYTES));
    }
}
