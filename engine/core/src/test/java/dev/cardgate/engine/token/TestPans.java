package dev.cardgate.engine.token;

/** Well-known test PANs and generated ones with a valid Luhn digit: never real cards. */
public final class TestPans {
    public static final String VISA = "4111111111111111";
    public static final String MASTERCARD = "5555555555554444";
    public static final String VISA_2 = "4012888888881881";
    public static final String AMEX = "378282246310005";
    public static final String DISCOVER = "6011111111111117";

    private TestPans() {
    }

    /** A 16-digit PAN "4" + 14 digits of {@code n} + Luhn digit; distinct for distinct n below 10^14. */
    public static String generated(final long n) {
        final String payload = "4" + String.format("%014d", n);
        return payload + Luhn.checkDigit(payload);
    }

    /** {@code pan} with its last digit changed, so that it fails the Luhn check. */
    public static String withWrongCheckDigit(final String pan) {
        final int last = pan.charAt(pan.length() - 1) - '0';
        return pan.substring(0, pan.length() - 1) + (char)('0' + (last + 1) % 10);
    }
}
