package dev.cardgate.codec;

/**
 * The only exception the decoder throws for malformed input: it names the field (0 for the
 * message type, 1 for the bitmaps), the offset in the frame where the fault was found, and why.
 * Thrown on the error path only; the happy path allocates nothing.
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Field number used for faults in the message type. */
    public static final int MESSAGE_TYPE = 0;
    /** Field number used for faults in the primary or secondary bitmap. */
    public static final int BITMAP = 1;

    private final transient CodecError error;
    private final int field;
    private final int offset;

    public CodecException(final CodecError error, final int field, final int offset, final String detail) {
        super(describe(error, field, offset, detail), null, false, false);
        this.error = error;
        this.field = field;
        this.offset = offset;
    }

    public CodecError error() {
        return error;
    }

    /** The field at fault: 0 for the message type, 1 for a bitmap, else 2..128. */
    public int field() {
        return field;
    }

    /** Offset from the start of the message at which the fault was found. */
    public int offset() {
        return offset;
    }

    private static String describe(final CodecError error, final int field, final int offset, final String detail) {
        final String where = field == MESSAGE_TYPE ? "message type" : field == BITMAP ? "bitmap" : "field " + field;
        return where + " at offset " + offset + ": " + error.explanation() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
