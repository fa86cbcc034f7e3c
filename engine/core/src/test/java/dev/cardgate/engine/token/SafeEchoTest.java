package dev.cardgate.engine.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeEchoTest {
    @Test
    void aShortValueIsQuotedBack() {
        assertEquals("'TERM0001'", SafeEcho.quoted("TERM0001"));
        assertEquals("'411111'", SafeEcho.quoted("411111"));
    }

    @Test
    void aValueThatCouldHoldACardNumberIsNamedByItsLengthOnly() {
        assertEquals("(not shown: 16 characters)", SafeEcho.quoted("4111111111111111"));
        assertEquals("(not shown: 9 characters)", SafeEcho.quoted("ab4111111"));
        assertEquals("(not shown: 41 characters)", SafeEcho.quoted("x".repeat(41)));
    }
}
