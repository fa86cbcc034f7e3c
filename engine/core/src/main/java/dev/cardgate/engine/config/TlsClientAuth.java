package dev.cardgate.engine.config;

/**
 * Whether the TCP front-end asks terminals for a client certificate when TLS is on.
 */
public enum TlsClientAuth {
    /** Server authentication only. */
    NONE("none"),
    /** Mutual TLS: a terminal without a certificate signed by a trusted certificate is refused. */
    REQUIRE("require");

    private final String configName;

    TlsClientAuth(final String configName) {
        this.configName = configName;
    }

    /** The value written in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The setting with this configuration name, or null. */
    public static TlsClientAuth fromConfigName(final String name) {
        for (final TlsClientAuth clientAuth : values()) {
            if (clientAuth.configName.equals(name)) {
                return clientAuth;
            }
        }
        return null;
    }
}
