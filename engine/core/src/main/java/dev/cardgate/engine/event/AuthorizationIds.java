package dev.cardgate.engine.event;

/**
 * Field 38, authorization identification response: six characters from 0-9 and A-Z, kept in
 * the event as a number below {@link #CARDINALITY} and rendered on demand. Stateless and
 * allocation-free except {@link #toString(int)}.
 */
public final class AuthorizationIds {
    /** Field 38 length in characters. */
    public static final int LENGTH = 6;
    /** How many distinct ids there are: 36 to the power 6. */
    public static final long CARDINALITY = 2_176_782_336L;

    private static final byte[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII);
    private static final int RADIX = 36;

    private AuthorizationIds() {
    }

    /**
     * Writes the six characters of {@code authorizationId} into {@code destination}.
     *
     * @return 6, or 0 when there is no id ({@link AuthorizationEvent#NO_AUTHORIZATION_ID})
     */
    public static int render(final long authorizationId, final byte[] destination, final int offset) {
        if (authorizationId < 0) {
            return 0;
        }
        long remaining = authorizationId;
        for (int i = LENGTH - 1; i >= 0; i--) {
            destination[offset + i] = ALPHABET[(int)(remaining % RADIX)];
            remaining /= RADIX;
        }
        return LENGTH;
    }

    /** The id as a String, or null when there is none. Allocates: not for the hot path. */
    public static String toString(final long authorizationId) {
        if (authorizationId < 0) {
            return null;
        }
        final byte[] text = new byte[LENGTH];
        render(authorizationId, text, 0);
        return new String(text, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
