package dev.cardgate.engine.upstream;

/**
 * Whether requests can be forwarded now. The decision thread reads it once per request that
 * passed the local checks: {@link #UP} forwards, anything else decides in stand-in.
 */
public enum LinkState {
    /** No upstream is configured: the engine answers alone, as an embedded gate. */
    DISABLED,
    /** Connecting or signing on to the first endpoint; nothing is signed on yet. */
    CONNECTING,
    /** Signed on to an endpoint, echoes answered, circuit breaker closed: requests are forwarded. */
    UP,
    /** No endpoint is usable (refused sign-on, lost echoes, an open circuit breaker): stand-in. */
    DOWN;

    /** True when a request should be forwarded rather than decided in stand-in. */
    public boolean forwards() {
        return this == UP;
    }
}
