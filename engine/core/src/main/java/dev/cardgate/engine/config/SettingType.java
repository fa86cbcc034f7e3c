package dev.cardgate.engine.config;

/**
 * How one kind of setting is read from text, checked and written back: the type and bounds of a
 * {@link Setting}. Implementations are immutable; {@link SettingTypes} makes them.
 *
 * @param <T> the typed value
 */
public interface SettingType<T> {
    /**
     * The value written as {@code text} (already trimmed).
     *
     * @throws IllegalArgumentException when the text is not of this type; the message says what is allowed
     */
    T parse(String text);

    /** True when {@code value} (possibly null) is within this type's bounds. */
    boolean accepts(T value);

    /** What is allowed, in words: "a power of two from 16 to 4194304". */
    String allowed();

    /** The value as it would be written in the file. */
    String format(T value);
}
