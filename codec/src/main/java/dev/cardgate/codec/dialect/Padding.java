package dev.cardgate.codec.dialect;

/**
 * Where the spare nibble goes when an odd number of digits is packed as BCD.
 * jPOS pads fixed numeric fields on the left and its LLVAR numerics (PAN, track 2) on the right.
 */
public enum Padding {
    LEFT,
    RIGHT
}
