package dev.cardgate.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Every group of settings, in the order the docs and the start-up summary list them. A new
 * component with settings adds its group here once.
 */
public final class SettingCatalog {
    private SettingCatalog() {
    }

    public static List<SettingGroup> groups() {
        return Groups.ALL;
    }

    /** Every setting, group by group. */
    public static List<Setting<?>> settings() {
        final List<Setting<?>> all = new ArrayList<>();
        for (final SettingGroup group : groups()) {
            all.addAll(group.settings());
        }
        return all;
    }

    /** The setting written as {@code key}, or null. */
    public static Setting<?> forKey(final String key) {
        for (final Setting<?> setting : settings()) {
            if (setting.key().equals(key)) {
                return setting;
            }
        }
        return null;
    }

    // a holder, so that the groups are built on first use, after the classes declaring them
    private static final class Groups {
        static final List<SettingGroup> ALL = List.of(EngineConfiguration.ENGINE, JournalConfiguration.SETTINGS,
            FrontEndConfiguration.SETTINGS, UpstreamConfiguration.SETTINGS, EngineConfiguration.DECISION, ObservabilityConfiguration.SETTINGS,
            StandInConfiguration.SETTINGS, TerminalDayConfiguration.SETTINGS);
    }
}
