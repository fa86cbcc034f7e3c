/**
 * Frames on a byte stream: the length header (2 bytes binary or 4 ASCII digits) and an optional
 * fixed header such as the 5-byte TPDU. Cutting a stream into frames is the front-end's
 * (engine's {@code frontend.TerminalConnection}), which must be able to stop between frames.
 */
package dev.cardgate.codec.framing;
