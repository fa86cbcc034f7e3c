/**
 * Dialects: how each ISO 8583 field is laid out on the wire, the two built-in dialects that
 * match jPOS's ISO87APackager and ISO87BPackager, and the parser for custom dialect files.
 */
package dev.cardgate.codec.dialect;
