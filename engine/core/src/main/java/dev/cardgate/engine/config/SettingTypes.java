package dev.cardgate.engine.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/** The kinds of setting the engine has: numbers in bounds, true/false, names from a list, text, paths. */
final class SettingTypes {
    private static final String DIGITS = " (digits, '_' allowed as separator)";

    private SettingTypes() {
    }

    /** A whole number from {@code min} to {@code max}, described by {@code allowed}. */
    static SettingType<Integer> integer(final int min, final int max, final String allowed) {
        return integer(min, max, value -> true, allowed);
    }

    /** A whole number from {@code min} to {@code max} for which {@code also} holds. */
    static SettingType<Integer> integer(final int min, final int max, final LongPredicate also, final String allowed) {
        final SettingType<Long> wide = wholeNumber(min, max, also, allowed);
        return new SettingType<>() {
            @Override
            public Integer parse(final String text) {
                return (int)Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, wide.parse(text)));
            }

            @Override
            public boolean accepts(final Integer value) {
                return value != null && wide.accepts(value.longValue());
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public String format(final Integer value) {
                return String.valueOf(value);
            }
        };
    }

    /** A whole number from {@code min} to {@code max}. */
    static SettingType<Long> wholeNumber(final long min, final long max, final String allowed) {
        return wholeNumber(min, max, value -> true, allowed);
    }

    static SettingType<Long> wholeNumber(final long min, final long max, final LongPredicate also,
        final String allowed) {
        return new SettingType<>() {
            @Override
            public Long parse(final String text) {
                try {
                    return Long.parseLong(text.replace("_", ""));
                }
                catch (final NumberFormatException notANumber) {
                    throw new IllegalArgumentException(allowed + DIGITS, notANumber);
                }
            }

            @Override
            public boolean accepts(final Long value) {
                return value != null && value >= min && value <= max && also.test(value);
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public String format(final Long value) {
                return String.valueOf(value);
            }
        };
    }

    /** A number of milliseconds from {@code minMillis} to {@code maxMillis}, kept as a duration. */
    static SettingType<Duration> millis(final long minMillis, final long maxMillis) {
        final SettingType<Long> number = wholeNumber(minMillis, maxMillis,
            "milliseconds from " + minMillis + " to " + maxMillis);
        return new SettingType<>() {
            @Override
            public Duration parse(final String text) {
                return Duration.ofMillis(number.parse(text));
            }

            @Override
            public boolean accepts(final Duration value) {
                return value != null && number.accepts(value.toMillis());
            }

            @Override
            public String allowed() {
                return number.allowed();
            }

            @Override
            public String format(final Duration value) {
                return value == null ? "null" : Long.toString(value.toMillis());
            }
        };
    }

    static SettingType<Boolean> bool() {
        return choice(name -> "true".equals(name) ? Boolean.TRUE : "false".equals(name) ? Boolean.FALSE : null,
            String::valueOf, "true or false");
    }

    /**
     * One of a list of names: {@code fromName} gives the value for a name (null when there is
     * none), {@code toName} the name for a value.
     */
    static <T> SettingType<T> choice(final Function<String, T> fromName, final Function<T, String> toName,
        final String allowed) {
        return new SettingType<>() {
            @Override
            public T parse(final String text) {
                final T value = fromName.apply(text);
                if (value == null) {
                    throw new IllegalArgumentException(allowed);
                }
                return value;
            }

            @Override
            public boolean accepts(final T value) {
                return value != null;
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public String format(final T value) {
                return value == null ? "null" : toName.apply(value);
            }
        };
    }

    /** Text matching {@code pattern} whole. */
    static SettingType<String> text(final String pattern, final String allowed) {
        final Pattern compiled = Pattern.compile(pattern);
        return new SettingType<>() {
            @Override
            public String parse(final String text) {
                return text;
            }

            @Override
            public boolean accepts(final String value) {
                return value != null && compiled.matcher(value).matches();
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public String format(final String value) {
                return String.valueOf(value);
            }
        };
    }

    /** A non-empty path; {@code allowed} says what it names ("a file path", "a folder path"). */
    static SettingType<Path> path(final String allowed) {
        return path(allowed, false);
    }

    /** A path, or {@code none} for null. */
    static SettingType<Path> pathOrNone(final String allowed) {
        return path(allowed, true);
    }

    private static SettingType<Path> path(final String allowed, final boolean noneAllowed) {
        return new SettingType<>() {
            @Override
            public Path parse(final String text) {
                if (noneAllowed && "none".equals(text)) {
                    return null;
                }
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("a non-empty path");
                }
                try {
                    return Path.of(text);
                }
                catch (final InvalidPathException badPath) {
                    throw new IllegalArgumentException("a valid path (" + badPath.getMessage() + ")", badPath);
                }
            }

            @Override
            public boolean accepts(final Path value) {
                return value == null ? noneAllowed : !value.toString().isEmpty();
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public String format(final Path value) {
                return value == null ? (noneAllowed ? "none" : "null") : value.toString();
            }
        };
    }

    /** The type's own text for {@code value}, for callers holding a {@code Setting<?>}. */
    @SuppressWarnings("unchecked")
    static <T> String formatAny(final SettingType<T> type, final Object value) {
        return type.format((T)value);
    }

    @SuppressWarnings("unchecked")
    static <T> boolean acceptsAny(final SettingType<T> type, final Object value) {
        return type.accepts((T)value);
    }

    static boolean isPowerOfTwo(final long value) {
        return value > 0 && Long.bitCount(value) == 1;
    }
}
