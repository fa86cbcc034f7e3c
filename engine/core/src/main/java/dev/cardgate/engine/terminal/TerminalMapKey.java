package dev.cardgate.engine.terminal;

/**
 * The map key: field 41 packed into a long by {@link AsciiCodes}. Mutable so that a lookup reuses
 * one instance. Persisted as 8 bytes, little-endian, by {@link TerminalMapKeyMarshaller}.
 */
final class TerminalMapKey {
    static final int SIZE_BYTES = Long.BYTES;

    long packedTerminalId;

    TerminalMapKey set(final long packedTerminalId) {
        this.packedTerminalId = packedTerminalId;
        return this;
    }
}
