package dev.cardgate.engine.saf;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.cardgate.engine.token.TokenKey;

/**
 * Seals a stored request's frame (which holds the clear PAN an advice must carry) with
 * AES-256-GCM under a key derived from the card token key ({@link #KEY_LABEL}), a random 96-bit
 * nonce per message and the message's stored id as associated data, so a sealed frame cannot be
 * read without the key nor moved to another entry unnoticed.
 *
 * <p>Threading: any thread; each call makes its own {@link Cipher} (it allocates: the
 * store-and-forward stage and sender call it, never the decision thread).
 */
final class FrameSeal {
    /** The label the key is derived from the token key under. */
    static final String KEY_LABEL = "cardgate store-and-forward frame key v1";
    static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    FrameSeal(final TokenKey tokenKey) {
        this.key = new SecretKeySpec(tokenKey.derive(KEY_LABEL), "AES");
    }

    /** A fresh nonce. */
    byte[] newNonce() {
        final byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        return nonce;
    }

    byte[] seal(final long storedId, final byte[] nonce, final byte[] frame, final int length) {
        try {
            final Cipher cipher = cipher(Cipher.ENCRYPT_MODE, storedId, nonce);
            return cipher.doFinal(frame, 0, length);
        }
        catch (final GeneralSecurityException failure) {
            throw new IllegalStateException("sealing stored message " + storedId + " failed", failure);
        }
    }

    /** @throws StoreAndForwardException when the sealed frame was altered or the key is another */
    byte[] open(final long storedId, final byte[] nonce, final byte[] sealed) {
        try {
            return cipher(Cipher.DECRYPT_MODE, storedId, nonce).doFinal(sealed);
        }
        catch (final GeneralSecurityException failure) {
            throw new StoreAndForwardException("stored message " + storedId + " cannot be opened: its sealed frame "
                + "was altered, or the token key is not the one it was stored under");
        }
    }

    private Cipher cipher(final int mode, final long storedId, final byte[] nonce) throws GeneralSecurityException {
        final Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(storedId).array());
        return cipher;
    }
}
