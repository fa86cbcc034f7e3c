package dev.cardgate.engine.config;

import java.util.Arrays;

/**
 * The value of every {@link Setting} and where it came from ("default", "set in code", a file
 * and line, an environment variable). A builder fills one; the configuration keeps a copy.
 * Reading a value is an array index: no allocation, so accessors may be called on any path.
 * Not thread-safe while being filled; the configuration's copy is never changed.
 */
final class SettingValues {
    private static final String DEFAULT = "default";

    private final Object[] values;
    private final String[] sources;

    SettingValues() {
        SettingCatalog.groups(); // declares every setting before the arrays are sized
        final int count = Setting.declaredCount();
        values = new Object[count];
        sources = new String[count];
    }

    private SettingValues(final SettingValues original) {
        values = original.values.clone();
        sources = original.sources.clone();
    }

    /** The value set, else the setting's default. */
    @SuppressWarnings("unchecked")
    <T> T get(final Setting<T> setting) {
        return sources[setting.index()] == null ? setting.defaultValue() : (T)values[setting.index()];
    }

    /** Sets a value (null is a value: validation refuses it where not allowed). */
    <T> void set(final Setting<T> setting, final T value, final String source) {
        values[setting.index()] = value;
        sources[setting.index()] = source;
    }

    boolean isSet(final Setting<?> setting) {
        return sources[setting.index()] != null;
    }

    /** Where the value came from: "default" when it was never set. */
    String source(final Setting<?> setting) {
        final String source = sources[setting.index()];
        return source == null ? DEFAULT : source;
    }

    /** The value as the file would write it. */
    String formatted(final Setting<?> setting) {
        return SettingTypes.formatAny(setting.type(), get(setting));
    }

    /** Adds a problem for every value outside its setting's bounds. */
    void validate(final java.util.List<String> problems) {
        for (final SettingGroup group : SettingCatalog.groups()) {
            for (final Setting<?> setting : group.settings()) {
                if (!SettingTypes.acceptsAny(setting.type(), get(setting))) {
                    problems.add(setting.problem(formatted(setting), source(setting), setting.type().allowed()));
                }
            }
        }
    }

    SettingValues copy() {
        return new SettingValues(this);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
