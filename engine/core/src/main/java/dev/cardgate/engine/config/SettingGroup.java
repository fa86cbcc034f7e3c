package dev.cardgate.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings one component owns, in declaration order: a settings class declares its group
 * first and then each key with {@link #add}, so adding a key is that one declaration (plus the
 * typed accessor its users call). {@link SettingCatalog} lists the groups.
 */
public final class SettingGroup {
    private final String title;
    private final List<Setting<?>> settings = new ArrayList<>();

    SettingGroup(final String title) {
        this.title = title;
    }

    /** Declares a key whose documented default is its typed default, written back by its type. */
    <T> Setting<T> add(final String key, final SettingType<T> type, final T defaultValue, final String description) {
        return add(key, type, defaultValue, null, description);
    }

    /** Declares a key whose default is documented as {@code documentedDefault} (e.g. {@code auto}). */
    <T> Setting<T> add(final String key, final SettingType<T> type, final T defaultValue,
        final String documentedDefault, final String description) {
        final Setting<T> setting = new Setting<>(key, type, defaultValue, documentedDefault, description);
        settings.add(setting);
        return setting;
    }

    /** The heading of this group in docs/configuration.md. */
    public String title() {
        return title;
    }

    public List<Setting<?>> settings() {
        return List.copyOf(settings);
    }
}
