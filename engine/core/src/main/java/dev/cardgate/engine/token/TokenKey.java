package dev.cardgate.engine.token;

import dev.cardgate.engine.files.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The secret key of the card token: 256 random bits. Whoever holds it can test whether a given
 * PAN is on the blocklist, so it lives outside the repository, in an owner-only key file or in
 * the environment, and is never logged; {@link #fingerprint()} identifies it safely.
 *
 * <p>Key file format: the key as 64 hexadecimal characters, optionally followed by one newline,
 * so that {@code CARDGATE_TOKEN_KEY=$(cat key-file)} gives the same key.
 *
 * <p>Immutable and thread-safe; the tokenizers it makes are not.
 */
public final class TokenKey {
    /** 256 bits. */
    public static final int KEY_LENGTH_BYTES = 32;

    private static final int HEX_LENGTH = KEY_LENGTH_BYTES * 2;
    private static final byte[] FINGERPRINT_MESSAGE =
        "cardgate token key fingerprint v1".getBytes(StandardCharsets.US_ASCII);
    private static final int FINGERPRINT_BYTES = 8;

    private final byte[] keyBytes;
    private final String fingerprint;

    private TokenKey(final byte[] keyBytes) {
        this.keyBytes = keyBytes;
        this.fingerprint = computeFingerprint(keyBytes);
    }

    /**
     * Loads the key from {@code keyFile}, creating the file with a new random key, owner-only
     * (rw-------), when it does not exist. When several processes start at once, exactly one key
     * is created and all of them load it.
     *
     * @throws TokenKeyException when the file is readable or writable by group or others, is not
     *     64 hexadecimal characters, or cannot be read or created
     */
    public static TokenKey loadOrCreate(final Path keyFile) {
        if (!Files.exists(keyFile)) {
            create(keyFile);
        }
        return load(keyFile);
    }

    /**
     * A key given as 64 hexadecimal characters, for example from the environment variable
     * {@code CARDGATE_TOKEN_KEY}.
     *
     * @throws TokenKeyException when {@code hex} is not 64 hexadecimal characters (the message
     *     does not repeat it)
     */
    public static TokenKey fromHex(final String hex) {
        if (hex == null) {
            throw new TokenKeyException("no token key given: expected " + HEX_LENGTH + " hexadecimal characters");
        }
        final String problem = describeHexProblem(hex);
        if (problem != null) {
            throw new TokenKeyException("the token key given is not a key: " + problem);
        }
        return new TokenKey(decodeHex(hex));
    }

    /** Sixteen hex characters that identify the key; they reveal nothing about it. Safe to log and store. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * A key for another purpose, derived from this one as HMAC-SHA-256(key, {@code label}): it
     * reveals nothing about this key, and another label gives an unrelated key. Allocates.
     */
    public byte[] derive(final String label) {
        return new HmacSha256(keyBytes).mac(label.getBytes(StandardCharsets.US_ASCII), label.length());
    }

    /** A new tokenizer for the calling thread: tokenizers are not thread-safe. */
    public PanTokenizer newTokenizer() {
        return new PanTokenizer(keyBytes);
    }

    @Override
    public String toString() {
        return "TokenKey{fingerprint=" + fingerprint + "}";
    }

    private static void create(final Path keyFile) {
        final byte[] key = new byte[KEY_LENGTH_BYTES];
        new SecureRandom().nextBytes(key);
        final byte[] content = (encodeHex(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            final Path parent = keyFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OwnerOnlyFiles.writeNew(keyFile, content);
        } catch (final FileAlreadyExistsException anotherProcessWon) {
            return;
        } catch (final IOException | UnsupportedOperationException e) {
            throw new TokenKeyException("cannot create the token key file " + keyFile + ": " + e, e);
        } finally {
            Arrays.fill(key, (byte)0);
            Arrays.fill(content, (byte)0);
        }
    }

    private static TokenKey load(final Path keyFile) {
        final byte[] content;
        try {
            final String excess = OwnerOnlyFiles.describeExcessPermissions(keyFile);
            if (excess != null) {
                throw new TokenKeyException("the token key file " + keyFile + " has permissions " + excess
                    + ": group or others may use it; run `chmod 600 " + keyFile + "`, and consider the key "
                    + "exposed if others could read it");
            }
            content = Files.readAllBytes(keyFile);
        } catch (final NoSuchFileException e) {
            throw new TokenKeyException("the token key file " + keyFile + " does not exist", e);
        } catch (final IOException e) {
            throw new TokenKeyException("cannot read the token key file " + keyFile + ": " + e, e);
        }
        try {
            int length = content.length;
            if (length == HEX_LENGTH + 1 && content[HEX_LENGTH] == '\n') {
                length = HEX_LENGTH;
            }
            if (length != HEX_LENGTH) {
                throw new TokenKeyException("the token key file " + keyFile + " has " + content.length
                    + " bytes; expected " + HEX_LENGTH + " hexadecimal characters and an optional newline");
            }
            final String hex = new String(content, 0, length, StandardCharsets.ISO_8859_1);
            final String problem = describeHexProblem(hex);
            if (problem != null) {
                throw new TokenKeyException("the token key file " + keyFile + " is not a key: " + problem);
            }
            return new TokenKey(decodeHex(hex));
        } finally {
            Arrays.fill(content, (byte)0);
        }
    }

    private static String describeHexProblem(final String hex) {
        if (hex.length() != HEX_LENGTH) {
            return "it has " + hex.length() + " characters; expected " + HEX_LENGTH + " hexadecimal characters";
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return "character " + (i + 1) + " is not a hexadecimal digit";
            }
        }
        return null;
    }

    private static byte[] decodeHex(final String hex) {
        final byte[] key = new byte[KEY_LENGTH_BYTES];
        for (int i = 0; i < KEY_LENGTH_BYTES; i++) {
            key[i] = (byte)((Character.digit(hex.charAt(2 * i), 16) << 4) | Character.digit(hex.charAt(2 * i + 1), 16));
        }
        return key;
    }

    private static String encodeHex(final byte[] bytes) {
        final StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (final byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    /** The first 64 bits of HMAC-SHA-256(key, a fixed label): identifies the key, reveals nothing of it. */
    private static String computeFingerprint(final byte[] keyBytes) {
        final byte[] mac = new HmacSha256(keyBytes).mac(FINGERPRINT_MESSAGE, FINGERPRINT_MESSAGE.length);
        return encodeHex(Arrays.copyOf(mac, FINGERPRINT_BYTES));
    }
}
