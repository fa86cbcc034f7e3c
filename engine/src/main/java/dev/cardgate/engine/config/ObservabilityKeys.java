package dev.cardgate.engine.config;

import java.util.List;

/**
 * Parses the {@code metrics.http.*} and {@code log.format} keys for {@link
 * EngineConfigurationLoader}: each bad value is a problem naming the key, the value, its source
 * and what is allowed.
 */
final class ObservabilityKeys {
    private ObservabilityKeys() {
    }

    /** @return false when {@code key} is not one of these keys */
    static boolean apply(final EngineConfiguration.Builder builder, final ConfigurationKey key, final String value,
        final String source, final List<String> problems) {
        switch (key) {
            case METRICS_HTTP_ENABLED:
                JournalKeys.parseBoolean(key, value, source, problems,
                    enabled -> builder.observability(o -> o.metricsHttpEnabled(enabled)));
                return true;
            case METRICS_HTTP_ADDRESS:
                builder.observability(o -> o.metricsHttpAddress(value));
                return true;
            case METRICS_HTTP_PORT:
                final Long port = EngineConfigurationLoader.parseWholeNumber(key, value, source, problems,
                    "a port from 0 (any free port) to 65535");
                if (port != null && (port < 0 || port > 65_535)) {
                    problems.add(EngineConfigurationLoader.problem(key, value, source,
                        "a port from 0 (any free port) to 65535"));
                }
                else if (port != null) {
                    builder.observability(o -> o.metricsHttpPort(port.intValue()));
                }
                return true;
            case LOG_FORMAT:
                final LogFormat format = LogFormat.fromConfigName(value);
                if (format == null) {
                    problems.add(EngineConfigurationLoader.problem(key, value, source, "keyvalue or json"));
                }
                else {
                    builder.observability(o -> o.logFormat(format));
                }
                return true;
            default:
                return false;
        }
    }
}
