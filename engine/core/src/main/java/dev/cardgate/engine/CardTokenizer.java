package dev.cardgate.engine;

import dev.cardgate.engine.token.CardToken;

/**
 * Turns a clear PAN into its card token on the caller's thread. One instance per thread.
 */
@FunctionalInterface
interface CardTokenizer {
    /** @return false, leaving {@code out} untouched, unless {@code pan} is 12 to 19 ASCII digits */
    boolean tokenize(CharSequence pan, CardToken out);
}
