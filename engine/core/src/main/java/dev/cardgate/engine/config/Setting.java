package dev.cardgate.engine.config;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One configuration key, declared once, beside the settings class that owns it: its name, type
 * and bounds, typed default and a one-line description. The loader, the validation, the
 * start-up summary and the table in docs/configuration.md are all driven by these descriptors.
 * Made by {@link SettingGroup#add}; immutable.
 *
 * @param <T> the typed value
 */
public final class Setting<T> {
    private static final AtomicInteger DECLARED = new AtomicInteger();

    private final String key;
    private final SettingType<T> type;
    private final T defaultValue;
    private final String documentedDefault;
    private final String description;
    private final int index;

    Setting(final String key, final SettingType<T> type, final T defaultValue, final String documentedDefault,
        final String description) {
        if (!type.accepts(defaultValue)) {
            throw new IllegalStateException("the default of " + key + " is outside its bounds: " + defaultValue);
        }
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.documentedDefault = documentedDefault == null ? type.format(defaultValue) : documentedDefault;
        this.description = description;
        this.index = DECLARED.getAndIncrement();
    }

    /** The key as written in the properties file: {@code ring.size}. */
    public String key() {
        return key;
    }

    public SettingType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as written in the file and the docs ({@code auto} where the default is chosen at start). */
    public String documentedDefault() {
        return documentedDefault;
    }

    /** The one-line description the docs table shows. */
    public String description() {
        return description;
    }

    /** The environment variable that overrides the file: CARDGATE_ and the key in capitals, dots and dashes as underscores. */
    public String environmentVariable() {
        return "CARDGATE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** "ring.size = 1000 (config/cardgate.properties line 15): allowed is ..." */
    String problem(final String writtenValue, final String source, final String allowed) {
        return key + " = " + writtenValue + " (" + source + "): allowed is " + allowed;
    }

    /** Position among all declared settings: the slot of this setting in {@link SettingValues}. */
    int index() {
        return index;
    }

    static int declaredCount() {
        return DECLARED.get();
    }

    @Override
    public String toString() {
        return key;
    }
}
