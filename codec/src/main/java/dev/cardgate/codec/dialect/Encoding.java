package dev.cardgate.codec.dialect;

/**
 * How characters or digits become bytes on the wire, for a field's data or its length prefix.
 *
 * <pre>
 *   ASCII   one byte per character            "123"  -> 31 32 33
 *   EBCDIC  one byte per character, IBM037     "123"  -> F1 F2 F3
 *   BCD     two digits per byte (packed)       "123"  -> 01 23 (padded to whole bytes)
 *   BINARY  bytes as they are; a length prefix is an unsigned big-endian number
 *   HEX     bytes written as two hex characters each (jPOS IFA_BINARY)  0x1F -> "1F"
 * </pre>
 */
public enum Encoding {
    ASCII,
    EBCDIC,
    BCD,
    BINARY,
    HEX
}
