package dev.cardgate.benchmarks.load;

import org.agrona.AsciiSequenceView;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.token.Luhn;

/**
 * Which card request {@code i} carries, by shares of the whole: a blocked card (one of
 * {@value #BLOCKED_CARDS} on the server's blocklist), an invalid one (wrong Luhn digit), a
 * velocity-tripping one (one of {@value #VELOCITY_CARDS} cards used over and over, so a velocity
 * rule such as {@code config/rules.conf}'s five-per-minute declines it), or else a clean card used
 * once in the run. Every number is generated ("4", 14 digits, Luhn digit), never a real card.
 *
 * <p>The kinds are spread over the requests by a fixed hash of their index, so any
 * stretch of the run carries the same mix and two runs carry the same cards.
 * {@link #writePan} allocates nothing.
 */
public final class CardMix {
    /** Cards on the blocklist: the server's blocklist and the baseline's hold exactly these. */
    public static final int BLOCKED_CARDS = 1_000;
    /** Cards used again and again; few, so that each trips the velocity rule within seconds. */
    public static final int VELOCITY_CARDS = 4;
    static final int PAN_LENGTH = 16;

    private static final long CLEAN_BASE = 10_000_000_000_000L;
    private static final long BLOCKED_BASE = 20_000_000_000_000L;
    private static final long VELOCITY_BASE = 30_000_000_000_000L;
    private static final int SCALE = 10_000;

    /** What kind of card a request carries. */
    public enum Kind { CLEAN, BLOCKED, INVALID, VELOCITY }

    private final int blockedPerScale;
    private final int invalidPerScale;
    private final int velocityPerScale;
    private final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAN_LENGTH]);
    private final AsciiSequenceView payloadView = new AsciiSequenceView(payload, 0, PAN_LENGTH - 1);

    /** Shares from 0 to 1, to four decimals; their sum at most 1. */
    public CardMix(final double blockedShare, final double invalidShare, final double velocityShare) {
        blockedPerScale = perScale("blocked", blockedShare);
        invalidPerScale = perScale("invalid", invalidShare);
        velocityPerScale = perScale("velocity", velocityShare);
        if (blockedPerScale + invalidPerScale + velocityPerScale > SCALE) {
            throw new IllegalArgumentException("card shares add up to more than 1: blocked " + blockedShare
                + ", invalid " + invalidShare + ", velocity " + velocityShare);
        }
    }

    public static CardMix allClean() {
        return new CardMix(0, 0, 0);
    }

    private static int perScale(final String name, final double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " share " + share + " is outside 0..1");
        }
        return (int)Math.round(share * SCALE);
    }

    public Kind kind(final long request) {
        final int slot = (int)Long.remainderUnsigned(request * 0x9E3779B97F4A7C15L >>> 16, SCALE);
        if (slot < blockedPerScale) {
            return Kind.BLOCKED;
        }
        if (slot < blockedPerScale + invalidPerScale) {
            return Kind.INVALID;
        }
        return slot < blockedPerScale + invalidPerScale + velocityPerScale ? Kind.VELOCITY : Kind.CLEAN;
    }

    /** Writes the 16 digits of request {@code request}'s card at {@code offset}. */
    public void writePan(final long request, final MutableDirectBuffer destination, final int offset) {
        switch (kind(request)) {
            case BLOCKED -> writeGenerated(BLOCKED_BASE + request % BLOCKED_CARDS, destination, offset, 0);
            case INVALID -> writeGenerated(CLEAN_BASE + request, destination, offset, 1);
            case VELOCITY -> writeGenerated(VELOCITY_BASE + request % VELOCITY_CARDS, destination, offset, 0);
            default -> writeGenerated(CLEAN_BASE + request, destination, offset, 0);
        }
    }

    /** Blocked card {@code k} (0 to {@value #BLOCKED_CARDS} - 1), for building the blocklists. */
    public String blockedPan(final int k) {
        final UnsafeBuffer pan = new UnsafeBuffer(new byte[PAN_LENGTH]);
        writeGenerated(BLOCKED_BASE + k, pan, 0, 0);
        return pan.getStringWithoutLengthAscii(0, PAN_LENGTH);
    }

    /** "4", {@code number} in 14 digits, its Luhn digit plus {@code checkDigitError} (mod 10). */
    private void writeGenerated(final long number, final MutableDirectBuffer destination, final int offset,
        final int checkDigitError) {
        payload.putByte(0, (byte)'4');
        long rest = number;
        for (int i = PAN_LENGTH - 2; i >= 1; i--) {
            payload.putByte(i, (byte)('0' + rest % 10));
            rest /= 10;
        }
        final int checkDigit = (Luhn.checkDigit(payloadView) + checkDigitError) % 10;
        payload.putByte(PAN_LENGTH - 1, (byte)('0' + checkDigit));
        destination.putBytes(offset, payload, 0, PAN_LENGTH);
    }
}
