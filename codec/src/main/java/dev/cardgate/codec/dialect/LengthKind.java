package dev.cardgate.codec.dialect;

/** Whether a field has a fixed length or carries its own length prefix, and of how many digits. */
public enum LengthKind {
    FIXED(0),
    /** Two-digit length prefix: up to 99. */
    LLVAR(2),
    /** Three-digit length prefix: up to 999. */
    LLLVAR(3);

    private final int prefixDigits;

    LengthKind(final int prefixDigits) {
        this.prefixDigits = prefixDigits;
    }

    /** Digits of the length prefix; 0 for a fixed field. */
    public int prefixDigits() {
        return prefixDigits;
    }

    /** The largest length the prefix can express. */
    public int largestLength() {
        return this == LLVAR ? 99 : 999;
    }
}
