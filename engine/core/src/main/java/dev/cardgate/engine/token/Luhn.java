package dev.cardgate.engine.token;

/**
 * The Luhn (mod 10) check digit of ISO/IEC 7812 card numbers. Allocates nothing.
 */
public final class Luhn {
    private Luhn() {
    }

    /** @return true when {@code digits} is all ASCII digits, at least two, and its last digit is the Luhn check digit */
    public static boolean isValid(final CharSequence digits) {
        final int length = digits.length();
        if (length < 2) {
            return false;
        }
        final int sum = weightedSum(digits, length - 1);
        final int last = digits.charAt(length - 1) - '0';
        return sum >= 0 && last >= 0 && last <= 9 && (sum + last) % 10 == 0;
    }

    /**
     * The same as {@link #isValid(CharSequence)} for ASCII digits in {@code buffer[offset,
     * offset + length)}, e.g. field 2 of a decoded message. Allocates nothing.
     */
    public static boolean isValid(final org.agrona.DirectBuffer buffer, final int offset, final int length) {
        if (length < 2) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = offset + length - 1; i >= offset; i--) {
            final int digit = buffer.getByte(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            final int weighted = doubleIt ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /**
     * @param payload the PAN without its check digit, all ASCII digits
     * @return the check digit to append, 0 to 9
     * @throws IllegalArgumentException when {@code payload} is empty or has a non-digit
     */
    public static int checkDigit(final CharSequence payload) {
        final int sum = weightedSum(payload, payload.length());
        if (sum < 0 || payload.length() == 0) {
            throw new IllegalArgumentException("a Luhn payload must be one or more ASCII digits");
        }
        return (10 - sum % 10) % 10;
    }

    /** Sum of payload digits[0, end), doubling the rightmost and every second one leftwards; -1 on a non-digit. */
    private static int weightedSum(final CharSequence digits, final int end) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = end - 1; i >= 0; i--) {
            final int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            if (doubleIt) {
                final int doubled = digit * 2;
                sum += doubled > 9 ? doubled - 9 : doubled;
            } else {
                sum += digit;
            }
            doubleIt = !doubleIt;
        }
        return sum;
    }
}
