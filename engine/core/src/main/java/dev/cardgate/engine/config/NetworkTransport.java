package dev.cardgate.engine.config;

/**
 * The socket layer under the TCP front-end.
 */
public enum NetworkTransport {
    /** Linux native epoll when it loads on this host, else Java NIO. The default. */
    AUTO("auto"),
    /** Linux native epoll; start-up fails where it is not available. */
    EPOLL("epoll"),
    /** Java NIO, on every platform. */
    NIO("nio");

    private final String configName;

    NetworkTransport(final String configName) {
        this.configName = configName;
    }

    /** The value written in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The transport with this configuration name, or null. */
    public static NetworkTransport fromConfigName(final String name) {
        for (final NetworkTransport transport : values()) {
            if (transport.configName.equals(name)) {
                return transport;
            }
        }
        return null;
    }
}
