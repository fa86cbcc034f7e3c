package dev.cardgate.engine.config;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The engine's wall clock and the words the summary prints for it: {@code system}, or
 * {@code fixed:INSTANT} for tests and demos, or a clock set in code with its own description.
 */
public record ConfiguredClock(EpochClock clock, String description) {
    /** The system clock. */
    public static final ConfiguredClock SYSTEM = new ConfiguredClock(SystemEpochClock.INSTANCE, "system");

    private static final String FIXED = "fixed:";
    private static final String ALLOWED = "system or fixed:INSTANT, e.g. fixed:2026-01-01T00:00:00Z";

    /** The type of the {@code clock} key. */
    static final SettingType<ConfiguredClock> TYPE = new SettingType<>() {
        @Override
        public ConfiguredClock parse(final String text) {
            if ("system".equals(text)) {
                return SYSTEM;
            }
            if (!text.startsWith(FIXED)) {
                throw new IllegalArgumentException(ALLOWED);
            }
            try {
                final long fixedMillis = Instant.parse(text.substring(FIXED.length())).toEpochMilli();
                return new ConfiguredClock(() -> fixedMillis, text);
            }
            catch (final DateTimeParseException badInstant) {
                throw new IllegalArgumentException("system or fixed:INSTANT with an ISO-8601 instant such as "
                    + "fixed:2026-01-01T00:00:00Z (" + badInstant.getMessage() + ")", badInstant);
            }
        }

        @Override
        public boolean accepts(final ConfiguredClock value) {
            return value != null && value.clock() != null;
        }

        @Override
        public String allowed() {
            return ALLOWED;
        }

        @Override
        public String format(final ConfiguredClock value) {
            return value == null ? "null" : value.description();
        }
    };
}
