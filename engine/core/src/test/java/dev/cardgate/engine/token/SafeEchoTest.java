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

    @Test
    void controlCharactersAreShownAsEscapesNeverWrittenToTheTerminal() {
        assertEquals("'T\\x1b[2J'", SafeEcho.quoted("T\u001b[2J"));
        assertEquals("a\\x01b\\x7f\\xff\\u20ac\\\\", SafeEcho.visible("a\u0001b\u007f\u00ff\u20ac\\"));
        assertEquals("MERCHANT0000001", SafeEcho.visible("MERCHANT0000001"));
        for (char c = 0; c < 0x100; c++) {
            final String shown = SafeEcho.visible(String.valueOf(c));
            shown.chars().forEach(printed -> org.junit.jupiter.api.Assertions.assertTrue(printed >= 0x20
                && printed < 0x7f, () -> "printable only: " + shown));
        }
    }
}
