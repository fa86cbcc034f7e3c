package dev.cardgate.engine.token;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LuhnAndMaskedPanTest {
    @Test
    void acceptsWellKnownTestPans() {
        for (final String pan : new String[] {TestPans.VISA, TestPans.MASTERCARD, TestPans.VISA_2, TestPans.AMEX,
            TestPans.DISCOVER}) {
            assertTrue(Luhn.isValid(pan), pan);
        }
    }

    @Test
    void rejectsAWrongCheckDigitAndNonDigits() {
        assertFalse(Luhn.isValid(TestPans.withWrongCheckDigit(TestPans.VISA)));
        assertFalse(Luhn.isValid("41111111111111a1"));
        assertFalse(Luhn.isValid("4"));
    }

    @Test
    void checkDigitCompletesAPayload() {
        assertEquals(1, Luhn.checkDigit("411111111111111"));
        assertEquals(4, Luhn.checkDigit("555555555555444"));
        assertThrows(IllegalArgumentException.class, () -> Luhn.checkDigit("41x"));
        assertTrue(Luhn.isValid(TestPans.generated(123_456_789L)));
    }

    @Test
    void masksAllButFirstSixAndLastFour() {
        assertEquals("411111******1111", MaskedPan.mask(TestPans.VISA));
        assertEquals("378282*****0005", MaskedPan.mask(TestPans.AMEX));
        assertEquals("***********", MaskedPan.mask("41111111111"));
    }
}
