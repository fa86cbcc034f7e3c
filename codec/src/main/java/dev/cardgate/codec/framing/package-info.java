/**
 * Frames on a byte stream: the length header (2 bytes binary or 4 ASCII digits), an optional
 * fixed header such as the 5-byte TPDU, and incremental assembly of frames from partial reads.
 */
package dev.cardgate.codec.framing;
