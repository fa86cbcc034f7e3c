package dev.cardgate.engine.token;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA-256 (RFC 2104) over a reused {@link MessageDigest}, because {@code javax.crypto.Mac}
 * allocates its result on every call. {@link #macInto} allocates nothing; the JDK's SHA-256
 * intrinsic (SHA-NI on x86-64) still applies.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class HmacSha256 {
    public static final int MAC_LENGTH = 32;
    private static final int BLOCK_LENGTH = 64;
    private static final byte INNER_PAD = 0x36;
    private static final byte OUTER_PAD = 0x5c;

    private final MessageDigest sha256;
    private final byte[] innerPadKey = new byte[BLOCK_LENGTH];
    private final byte[] outerPadKey = new byte[BLOCK_LENGTH];
    private final byte[] innerHash = new byte[MAC_LENGTH];

    /** @param key at most 64 bytes (cardgate's keys are 32) */
    public HmacSha256(final byte[] key) {
        if (key.length > BLOCK_LENGTH) {
            throw new IllegalArgumentException("an HMAC key longer than " + BLOCK_LENGTH + " bytes is not supported");
        }
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
        for (int i = 0; i < BLOCK_LENGTH; i++) {
            final byte keyByte = i < key.length ? key[i] : 0;
            innerPadKey[i] = (byte)(keyByte ^ INNER_PAD);
            outerPadKey[i] = (byte)(keyByte ^ OUTER_PAD);
        }
    }

    /** Writes HMAC(key, message[0, length)) into {@code out[0, 32)}. Allocates nothing. */
    public void macInto(final byte[] message, final int length, final byte[] out) {
        try {
            sha256.update(innerPadKey, 0, BLOCK_LENGTH);
            sha256.update(message, 0, length);
            sha256.digest(innerHash, 0, MAC_LENGTH);
            sha256.update(outerPadKey, 0, BLOCK_LENGTH);
            sha256.update(innerHash, 0, MAC_LENGTH);
            sha256.digest(out, 0, MAC_LENGTH);
        } catch (final DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }

    /** Convenience for cold paths: allocates the result. */
    byte[] mac(final byte[] message, final int length) {
        final byte[] out = new byte[MAC_LENGTH];
        macInto(message, length, out);
        return out;
    }
}
