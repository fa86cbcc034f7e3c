package dev.cardgate.codec;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random valid messages for a dialect, for property tests, the fuzz test and benchmarks.
 *
 * <p>A message holds a random subset of the defined fields (a third of them primary-bitmap
 * only, the rest drawn from all 127 numbers, so both bitmaps occur) with values valid for each
 * definition: digits for n, digits and '=' for z, C or D then digits for x+n, any bytes for b,
 * printable characters for a/an/ans. Fixed fields get their exact length, except numbers and
 * text that are sometimes shorter, to exercise padding; variable fields get a random length up
 * to their maximum (0 included). A numeric field 2 is a Luhn-valid card number, and a track 2
 * (field 35) starts with one, as the house rules require of test card data.
 *
 * <p>{@link #next} is deterministic for a seeded {@link Random}, so a failing case can be
 * reproduced from its seed; {@link #arbitrary} wraps it for jqwik, shrinking towards fewer fields.
 */
public final class RandomMessages {
    private static final int[] COMMON_MESSAGE_TYPES = {100, 110, 200, 210, 400, 410, 420, 430, 800, 810};
    private static final int FIELD_2_PAN = 2;
    private static final int FIELD_35_TRACK_2 = 35;
    /**
     * Fields 49 to 51, the currency codes: n 3 in ISO 8583:1987 and in our dialects, text in jPOS's
     * packagers, so a short value is padded differently on each side (zeros left, spaces right).
     * A currency code always has its three digits, so they are generated whole.
     */
    private static final int FIRST_CURRENCY_FIELD = 49;
    private static final int LAST_CURRENCY_FIELD = 51;
    private static final String ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";

    private final Dialect dialect;
    private final int[] definedNumbers;
    private final int[] primaryNumbers;

    public RandomMessages(final Dialect dialect) {
        this.dialect = dialect;
        final List<Integer> all = new ArrayList<>();
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            if (dialect.field(number) != null) {
                all.add(number);
            }
        }
        definedNumbers = all.stream().mapToInt(Integer::intValue).toArray();
        primaryNumbers = all.stream().mapToInt(Integer::intValue).filter(n -> n <= 64).toArray();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Messages of 1 to {@code maxFields} fields, shrinking towards fewer fields with the same seed. */
    public static Arbitrary<SampleMessage> arbitrary(final Dialect dialect, final int maxFields) {
        final RandomMessages messages = new RandomMessages(dialect);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, maxFields))
            .as((seed, fields) -> messages.next(new Random(seed), fields));
    }

    /** A message of 1 to {@code maxFields} fields (fewer if the dialect defines fewer). */
    public SampleMessage next(final Random random, final int maxFields) {
        final int[] candidates = random.nextInt(3) == 0 && primaryNumbers.length > 0 ? primaryNumbers : definedNumbers;
        final int count = 1 + random.nextInt(Math.min(maxFields, candidates.length));
        final int[] chosen = candidates.clone();
        final TreeMap<Integer, byte[]> values = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            final int pick = i + random.nextInt(chosen.length - i);
            final int number = chosen[pick];
            chosen[pick] = chosen[i];
            values.put(number, value(random, dialect.field(number)));
        }
        final int messageType = random.nextBoolean()
            ? COMMON_MESSAGE_TYPES[random.nextInt(COMMON_MESSAGE_TYPES.length)]
            : random.nextInt(10_000);
        return new SampleMessage(dialect, messageType, values);
    }

    /** A valid value for {@code field}, unpadded. */
    public static byte[] value(final Random random, final FieldDefinition field) {
        switch (field.content()) {
            case NUMERIC:
                if (field.number() == FIELD_2_PAN && field.maxLength() >= 13) {
                    final int cardLength = 13 + random.nextInt(Math.min(field.maxLength(), 19) - 12);
                    return ascii(TestCards.luhnValid(random, cardLength));
                }
                return ascii(characters(random, DIGITS, length(random, field, field.isFixed() ? 1 : 0)));
            case TRACK:
                return ascii(track(random, field));
            case AMOUNT:
                return ascii((random.nextBoolean() ? "C" : "D")
                    + characters(random, DIGITS, length(random, field, 2) - 1));
            case BINARY:
                final byte[] bytes = new byte[length(random, field, 0)];
                random.nextBytes(bytes);
                return bytes;
            case ALPHA:
                return ascii(characters(random, ALPHA, length(random, field, field.isFixed() ? 1 : 0)));
            case ALPHANUMERIC:
                return ascii(characters(random, ALPHA + DIGITS, length(random, field, field.isFixed() ? 1 : 0)));
            default:
                return ascii(printable(random, length(random, field, field.isFixed() ? 1 : 0)));
        }
    }

    /**
     * A length for {@code field}: exactly the maximum for fixed fields that cannot be padded;
     * otherwise the maximum a fifth of the time, the minimum a tenth, else anything between.
     */
    private static int length(final Random random, final FieldDefinition field, final int minimum) {
        final int max = field.maxLength();
        final boolean currency = field.number() >= FIRST_CURRENCY_FIELD && field.number() <= LAST_CURRENCY_FIELD;
        final boolean paddable = !currency && (field.content() == ContentType.NUMERIC || isText(field.content()));
        if (field.isFixed() && !paddable) {
            return max;
        }
        final int draw = random.nextInt(10);
        if (draw < 2) {
            return max;
        }
        if (draw == 2) {
            return minimum;
        }
        return minimum + random.nextInt(max - minimum + 1);
    }

    private static boolean isText(final ContentType content) {
        return content == ContentType.ALPHA || content == ContentType.ALPHANUMERIC
            || content == ContentType.ALPHANUMERIC_SPECIAL;
    }

    private static String track(final Random random, final FieldDefinition field) {
        final int length = length(random, field, 0);
        if (field.number() == FIELD_35_TRACK_2 && length >= 24) {
            // card number '=' expiry YYMM, service code, then discretionary digits
            final String card = TestCards.luhnValid(random, 16);
            return card + '=' + "2812" + "101" + characters(random, DIGITS, length - 24);
        }
        return characters(random, DIGITS + "=", length);
    }

    private static String characters(final Random random, final String alphabet, final int length) {
        final StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String printable(final Random random, final int length) {
        final StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char)(' ' + random.nextInt('~' - ' ' + 1)));
        }
        return out.toString();
    }

    private static byte[] ascii(final String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
