package dev.cardgate.codec;

import dev.cardgate.codec.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Realistic messages, the same values for any dialect: together they carry the fields issue 2
 * names (2, 3, 4, 7, 11, 12, 13, 14, 18, 22, 25, 35, 37, 38, 39, 41, 42, 43, 49, 52, 55, 64, 70,
 * 90, 128). Test support for the interoperability, encoder and allocation tests and benchmarks.
 */
public final class RealisticMessages {
    public static final int AUTHORIZATION_REQUEST = 0;
    public static final int AUTHORIZATION_RESPONSE = 1;

    private static final HexFormat HEX = HexFormat.of();
    private static final String PIN_BLOCK = "0412AC89ABCDEF67";
    private static final String MAC = "1A2B3C4D5E6F7081";
    private static final String CHIP_DATA = "9F2608C2C12B098F3DA6E39F2701809F10120110A0000F040000000000000000000000FF";

    private RealisticMessages() {
    }

    /** An authorization request and response, an echo test and its response, and a reversal advice. */
    public static List<SampleMessage> all(final Dialect dialect) {
        return List.of(
            message(dialect, 100,
                2, TestCards.VISA_TEST, 3, "000000", 4, "000000012550", 7, "0612143015", 11, "004711",
                12, "143015", 13, "0612", 14, "2812", 18, "5411", 22, "051", 25, "00",
                35, TestCards.VISA_TEST + "=28121011234567890", 37, "416314004711", 41, "TERM0001",
                42, "MERCHANT0000001", 43, "ACME GROCERY            LONDON      GB", 49, "826",
                52, HEX.parseHex(PIN_BLOCK), 55, CHIP_DATA, 64, HEX.parseHex(MAC)),
            message(dialect, 110,
                2, TestCards.VISA_TEST, 3, "000000", 4, "000000012550", 7, "0612143015", 11, "004711",
                12, "143015", 13, "0612", 37, "416314004711", 38, "A1B2C3", 39, "00", 41, "TERM0001",
                42, "MERCHANT0000001", 49, "826", 55, "910A1A2B3C4D5E6F70813030", 64, HEX.parseHex(MAC)),
            message(dialect, 800, 7, "0612143015", 11, "000001", 70, "301"),
            message(dialect, 810, 7, "0612143015", 11, "000001", 39, "00", 70, "301"),
            message(dialect, 420,
                2, TestCards.MASTERCARD_TEST, 3, "000000", 4, "000000012550", 7, "0612143115", 11, "004712",
                12, "143115", 13, "0612", 37, "416314004711", 39, "68", 41, "TERM0001", 42, "MERCHANT0000001",
                49, "826", 90, "010000471106121430150000001234500000000000", 128, HEX.parseHex(MAC)));
    }

    /** A message from pairs of field number and value (String for characters, byte[] for binary). */
    static SampleMessage message(final Dialect dialect, final int messageType, final Object... pairs) {
        final TreeMap<Integer, byte[]> values = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            final Object value = pairs[i + 1];
            values.put((Integer)pairs[i],
                value instanceof byte[] ? (byte[])value : ((String)value).getBytes(StandardCharsets.US_ASCII));
        }
        return new SampleMessage(dialect, messageType, values);
    }
}
