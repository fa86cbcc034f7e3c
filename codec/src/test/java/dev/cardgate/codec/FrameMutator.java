package dev.cardgate.codec;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Encoding;
import dev.cardgate.codec.dialect.FieldDefinition;
import java.util.Arrays;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Turns valid frames into malformed ones the way a broken terminal or a hostile peer would:
 * bit flips, byte replacements, truncations, extensions, corrupt length prefixes, corrupt
 * bitmaps; and makes frames of random bytes behind a plausible header. Deterministic for a
 * seeded {@link Random}. Test support for the fuzz test.
 */
final class FrameMutator {
    /** Bytes that mean something to a decoder: digits in every encoding, hex, separators, signs, extremes. */
    private static final byte[] INTERESTING = {
        '0', '9', 'A', 'F', 'a', 'f', 'G', 'C', 'D', 'X', '=', ' ', (byte)0xF0, (byte)0xF9, (byte)0x7E, (byte)0xC4,
        (byte)0xC3, 0x00, 0x01, 0x09, 0x0A, 0x0D, 0x10, 0x19, (byte)0x99, (byte)0x9A, (byte)0xD0, (byte)0xFF,
        0x7F, (byte)0x80
    };

    private final Random random;

    FrameMutator(final Random random) {
        this.random = random;
    }

    /** A malformed (or, by chance, still valid) variant of {@code frame}, a valid message of {@code dialect}. */
    byte[] mutate(final Dialect dialect, final byte[] frame) {
        final int rounds = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
        byte[] mutated = frame.clone();
        for (int round = 0; round < rounds; round++) {
            mutated = mutateOnce(dialect, mutated);
        }
        return mutated;
    }

    /** Random bytes after a plausible message type and bitmap, or entirely random bytes. */
    byte[] randomFrame(final Dialect dialect) {
        final byte[] frame = new byte[random.nextInt(200)];
        random.nextBytes(frame);
        if (random.nextInt(4) != 0) {
            writeHeader(dialect, frame);
        }
        return frame;
    }

    private byte[] mutateOnce(final Dialect dialect, final byte[] frame) {
        switch (random.nextInt(7)) {
            case 0:
                return flipBits(frame);
            case 1:
                return replaceBytes(frame);
            case 2:
                return Arrays.copyOf(frame, random.nextInt(frame.length + 1));
            case 3:
                return extend(frame);
            case 4:
                return corruptLengthPrefix(dialect, frame);
            case 5:
                return corruptBitmap(dialect, frame);
            default:
                return removeBytes(frame);
        }
    }

    private byte[] flipBits(final byte[] frame) {
        for (int i = 1 + random.nextInt(4); i > 0 && frame.length > 0; i--) {
            frame[random.nextInt(frame.length)] ^= (byte)(1 << random.nextInt(8));
        }
        return frame;
    }

    private byte[] replaceBytes(final byte[] frame) {
        for (int i = 1 + random.nextInt(4); i > 0 && frame.length > 0; i--) {
            frame[random.nextInt(frame.length)] = someByte();
        }
        return frame;
    }

    private byte[] extend(final byte[] frame) {
        final byte[] longer = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(32));
        for (int i = frame.length; i < longer.length; i++) {
            longer[i] = someByte();
        }
        return longer;
    }

    private byte[] removeBytes(final byte[] frame) {
        if (frame.length < 2) {
            return frame;
        }
        final int from = random.nextInt(frame.length - 1);
        final int count = 1 + random.nextInt(Math.min(8, frame.length - from));
        final byte[] shorter = new byte[frame.length - count];
        System.arraycopy(frame, 0, shorter, 0, from);
        System.arraycopy(frame, from + count, shorter, from, shorter.length - from);
        return shorter;
    }

    /** Rewrites the length prefix of one variable field, if the frame still decodes far enough to find one. */
    private byte[] corruptLengthPrefix(final Dialect dialect, final byte[] frame) {
        final Iso8583Decoder decoder = new Iso8583Decoder(dialect);
        try {
            decoder.wrap(new UnsafeBuffer(frame), 0, frame.length);
        } catch (final CodecException malformedAlready) {
            // the fields indexed before the fault are still there to corrupt
        }
        final int[] variable = new int[Dialect.MAX_FIELD + 1];
        int count = 0;
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            final FieldDefinition field = dialect.field(number);
            if (decoder.hasField(number) && !field.isFixed()) {
                variable[count++] = number;
            }
        }
        if (count == 0) {
            return replaceBytes(frame);
        }
        final int number = variable[random.nextInt(count)];
        final int start = decoder.fieldStart(number);
        final FieldDefinition field = dialect.field(number);
        final int prefixBytes = field.prefixBytes();
        if (random.nextInt(4) == 0) {
            // the field emptied and the frame cut right after its prefix: nothing may be read past it
            for (int i = 0; i < prefixBytes; i++) {
                frame[start + i] = zeroDigit(field.prefixEncoding());
            }
            return Arrays.copyOf(frame, start + prefixBytes);
        }
        for (int i = 0; i < prefixBytes; i++) {
            frame[start + i] = random.nextBoolean() ? someByte() : (byte)random.nextInt(256);
        }
        return frame;
    }

    private static byte zeroDigit(final Encoding encoding) {
        switch (encoding) {
            case ASCII:
                return '0';
            case EBCDIC:
                return (byte)0xF0;
            default:
                return 0;
        }
    }

    private byte[] corruptBitmap(final Dialect dialect, final byte[] frame) {
        final int start = dialect.messageTypeBytes();
        final int end = Math.min(frame.length, start + 2 * dialect.bitmapBytes());
        if (end <= start) {
            return replaceBytes(frame);
        }
        final int at = start + random.nextInt(end - start);
        if (dialect.bitmapEncoding() == Encoding.HEX && random.nextBoolean()) {
            frame[at] = (byte)"0123456789ABCDEF".charAt(random.nextInt(16));
        } else {
            frame[at] ^= (byte)(1 << random.nextInt(8));
        }
        return frame;
    }

    private void writeHeader(final Dialect dialect, final byte[] frame) {
        final int messageTypeBytes = dialect.messageTypeBytes();
        final UnsafeBuffer header = new UnsafeBuffer(new byte[messageTypeBytes + 2 * dialect.bitmapBytes()]);
        final Iso8583Encoder encoder = new Iso8583Encoder(dialect).wrap(header, 0);
        encoder.messageType(random.nextInt(10_000));
        final int bitmapBytes = dialect.bitmapBytes();
        for (int i = 0; i < bitmapBytes * 2; i++) {
            final int at = messageTypeBytes + i;
            header.putByte(at, dialect.bitmapEncoding() == Encoding.HEX
                ? (byte)"0123456789ABCDEF".charAt(random.nextInt(16))
                : (byte)random.nextInt(256));
        }
        header.getBytes(0, frame, 0, Math.min(frame.length, header.capacity()));
    }

    private byte someByte() {
        return random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte)random.nextInt(256);
    }
}
