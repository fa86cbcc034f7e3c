package dev.cardgate.engine;

import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanFormat;

/**
 * A deterministic, unkeyed stand-in for the HMAC tokenizer, for pipeline tests only: the token
 * is the PAN's length and its digits as a number.
 */
final class TestTokenizer implements CardTokenizer {
    @Override
    public boolean tokenize(final CharSequence pan, final CardToken out) {
        if (!PanFormat.isWellFormed(pan)) {
            return false;
        }
        long digits = 0;
        for (int i = 0; i < pan.length(); i++) {
            digits = digits * 10 + (pan.charAt(i) - '0');
        }
        out.set(pan.length(), digits);
        return true;
    }
}
