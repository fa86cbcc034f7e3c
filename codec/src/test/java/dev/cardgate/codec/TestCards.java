package dev.cardgate.codec;

import java.util.Random;

/** Card numbers for tests: the well-known test numbers, or random ones with a valid Luhn check digit. */
public final class TestCards {
    public static final String VISA_TEST = "4111111111111111";
    public static final String MASTERCARD_TEST = "5555555555554444";
    public static final String VISA_TEST_2 = "4012888888881881";

    private TestCards() {
    }

    /** A random {@code length}-digit number starting with 4 whose last digit is its Luhn check digit. */
    public static String luhnValid(final Random random, final int length) {
        final StringBuilder digits = new StringBuilder(length).append('4');
        while (digits.length() < length - 1) {
            digits.append((char)('0' + random.nextInt(10)));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    /** The Luhn check digit to append to {@code body}. */
    static char checkDigit(final CharSequence body) {
        int sum = 0;
        for (int i = body.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = body.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
