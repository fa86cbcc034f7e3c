package dev.cardgate.engine.config;

/** {@code log.format}: how each log line is written by {@code cardgate serve}. */
public enum LogFormat {
    /** {@code time=... level=INFO logger=... message="..."} */
    KEYVALUE("keyvalue"),
    /** One JSON object per line. */
    JSON("json");

    private final String configName;

    LogFormat(final String configName) {
        this.configName = configName;
    }

    /** As written in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The format written as {@code name}, or null. */
    public static LogFormat fromConfigName(final String name) {
        for (final LogFormat format : values()) {
            if (format.configName.equals(name)) {
                return format;
            }
        }
        return null;
    }
}
