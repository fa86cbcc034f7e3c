package dev.cardgate.engine.config;

import java.util.Locale;

/**
 * Every configuration key, with its default as written in the file and its environment
 * variable ({@code CARDGATE_} and the key in capitals, dots and dashes as underscores).
 * docs/configuration.md lists the same keys; a test keeps the two in step.
 */
public enum ConfigurationKey {
    /** Folder for the engine's files; relative paths resolve against the working directory. */
    DATA_DIR("data.dir", "data"),
    /** Name of this engine, used in thread names and logs. */
    ENGINE_NAME("engine.name", "main"),
    /** Slots in the ring: a power of two. */
    RING_SIZE("ring.size", "8192"),
    /** blocking, yielding or busy-spin. */
    WAIT_STRATEGY("wait.strategy", WaitStrategyType.BLOCKING.configName()),
    /** thread-per-stage or single-thread. */
    THREAD_LAYOUT("thread.layout", ThreadLayout.AUTO),
    /** The blocklist map file; relative paths resolve against the data folder. */
    BLOCKLIST_FILE("blocklist.file", "blocklist.cm"),
    /** Entries the blocklist map is sized for when it is created. */
    BLOCKLIST_CAPACITY("blocklist.capacity", "1000000"),
    /** true: start with a new, empty blocklist although the data folder has a journal or terminals. */
    BLOCKLIST_NEW("blocklist.new", "false"),
    /** The card token key file; relative paths resolve against the data folder. */
    TOKEN_KEY_FILE("token.key.file", "token.key"),
    /** system, or fixed:INSTANT (ISO-8601, e.g. fixed:2026-01-01T00:00:00Z) for tests and demos. */
    CLOCK("clock", "system"),
    /** How long close waits for accepted requests to be answered, in milliseconds. */
    SHUTDOWN_TIMEOUT_MS("shutdown.timeout.ms", "5000"),
    /** Whether decisions are journaled: true or false. */
    JOURNAL_ENABLED("journal.enabled", "true"),
    /** The journal's folder; relative paths resolve against the data folder. */
    JOURNAL_DIR("journal.dir", "journal"),
    /** Bytes per journal segment: a multiple of 4096. */
    JOURNAL_SEGMENT_BYTES("journal.segment.bytes", "67108864"),
    /** none, batch or interval. */
    JOURNAL_DURABILITY("journal.durability", JournalDurability.BATCH.configName()),
    /** With durability interval: milliseconds between syncs. */
    JOURNAL_INTERVAL_MS("journal.interval.ms", "10"),
    /** With durability batch: answers wait until their records are on the disk. */
    JOURNAL_ACK_AFTER_SYNC("journal.ack-after-sync", "true"),
    /** answer-96 or refuse-91, while the journal cannot write. */
    JOURNAL_ON_FAILURE("journal.on-failure", JournalFailureAnswer.ANSWER_96.configName()),
    /** Milliseconds between attempts to write again after a journal failure. */
    JOURNAL_RETRY_INTERVAL_MS("journal.retry.interval.ms", "1000"),
    /** Segments older than this many hours are retired; 0 keeps them regardless of age. */
    JOURNAL_RETENTION_MAX_AGE_HOURS("journal.retention.max-age.hours", "0"),
    /** Oldest segments are retired while the journal is larger than this; 0 for no limit. */
    JOURNAL_RETENTION_MAX_BYTES("journal.retention.max-bytes", "0"),
    /** Where retired segments go: none (deleted) or a folder, relative to the journal folder. */
    JOURNAL_RETENTION_ARCHIVE_DIR("journal.retention.archive.dir", "none"),
    /** Start even when a segment in the middle of the journal is corrupt, skipping it. */
    JOURNAL_SKIP_CORRUPT_SEGMENTS("journal.skip-corrupt-segments", "false"),

    /** TCP front-end: the address it listens on; loopback unless widened on purpose. */
    FRONTEND_BIND_ADDRESS("frontend.bind-address", "127.0.0.1"),
    /** TCP front-end: the port it listens on; 0 picks a free port. */
    FRONTEND_PORT("frontend.port", "8583"),
    /** TCP front-end: iso87-ascii, iso87-binary or the path of a dialect file. */
    FRONTEND_DIALECT("frontend.dialect", "iso87-ascii"),
    /** TCP front-end: ascii-4 or binary-2. */
    FRONTEND_LENGTH_HEADER("frontend.length-header", "ascii-4"),
    /** TCP front-end: true when a 5-byte TPDU follows the length header. */
    FRONTEND_TPDU("frontend.tpdu", "false"),
    /** TCP front-end: the largest frame accepted (TPDU included), in bytes. */
    FRONTEND_MAX_FRAME_BYTES("frontend.max-frame-bytes", "4096"),
    /** TCP front-end: connections open at once; more are closed on accept. */
    FRONTEND_MAX_CONNECTIONS("frontend.max-connections", "16384"),
    /** TCP front-end: requests of one connection in the engine at once. */
    FRONTEND_MAX_IN_FLIGHT_PER_CONNECTION("frontend.max-in-flight-per-connection", "64"),
    /** TCP front-end: how long a started frame may take to arrive whole, in milliseconds. */
    FRONTEND_FRAME_TIMEOUT_MS("frontend.frame-timeout-ms", "5000"),
    /** TCP front-end: how long a connection may stay silent (no request, no echo), in milliseconds. */
    FRONTEND_IDLE_TIMEOUT_MS("frontend.idle-timeout-ms", "300000"),
    /** TCP front-end: stop-reading or answer-91 when the ring is full. */
    FRONTEND_RING_FULL("frontend.ring-full", RingFullBehaviour.STOP_READING.configName()),
    /** TCP front-end: I/O threads; 0 means one per available processor. */
    FRONTEND_IO_THREADS("frontend.io-threads", "0"),
    /** TCP front-end: auto, epoll or nio. */
    FRONTEND_TRANSPORT("frontend.transport", NetworkTransport.AUTO.configName()),
    /** TCP front-end: true to require TLS on every connection. */
    FRONTEND_TLS_ENABLED("frontend.tls.enabled", "false"),
    /** TCP front-end: the server certificate chain (PEM); relative paths resolve against the data folder. */
    FRONTEND_TLS_CERTIFICATE("frontend.tls.certificate", "tls/certificate.pem"),
    /** TCP front-end: the server's private key (PEM, PKCS#8, unencrypted); relative to the data folder. */
    FRONTEND_TLS_PRIVATE_KEY("frontend.tls.private-key", "tls/private-key.pem"),
    /** TCP front-end: none or require (mutual TLS). */
    FRONTEND_TLS_CLIENT_AUTH("frontend.tls.client-auth", TlsClientAuth.NONE.configName()),
    /** TCP front-end: certificates (PEM) trusted to sign terminal certificates; relative to the data folder. */
    FRONTEND_TLS_TRUSTED_CERTIFICATES("frontend.tls.trusted-certificates", "tls/trusted-clients.pem"),

    /** The terminal registry map file; relative paths resolve against the data folder. */
    TERMINAL_FILE("terminal.file", "terminals.cm"),
    /** Terminals the registry may hold; sizes the file when it is created. */
    TERMINAL_CAPACITY("terminal.capacity", "100000"),
    /** refuse (58) or allow requests from terminals not in the registry. */
    TERMINAL_UNKNOWN("terminal.unknown", "allow"),
    /** Field 39 for a terminal registered as faulty. */
    TERMINAL_FAULTY_RESPONSE_CODE("terminal.faulty.response-code", "91"),
    /** Least time between two writes of a terminal's last-heard time, in milliseconds. */
    TERMINAL_LAST_HEARD_INTERVAL_MS("terminal.last-heard.interval.ms", "60000"),
    /** The policy and risk rules file, relative to the working directory; none for built-in defaults. */
    RULES_FILE("rules.file", "none"),
    /** Cards whose velocity and travel the risk rules track at most. */
    RISK_MAX_TRACKED_CARDS("risk.max-tracked-cards", "100000"),
    /** Terminals whose card-testing activity the risk rules track at most. */
    RISK_MAX_TRACKED_TERMINALS("risk.max-tracked-terminals", "10000"),
    /** Recent requests remembered for duplicates and reversals at most. */
    RISK_MAX_TRACKED_AUTHORIZATIONS("risk.max-tracked-authorizations", "100000"),

    /** serve: true to start the HTTP endpoint (/metrics, /health). */
    METRICS_HTTP_ENABLED("metrics.http.enabled", "false"),
    /** serve: the address the HTTP endpoint listens on; loopback unless widened on purpose. */
    METRICS_HTTP_ADDRESS("metrics.http.address", "127.0.0.1"),
    /** serve: the HTTP endpoint's port; 0 picks a free port. */
    METRICS_HTTP_PORT("metrics.http.port", "9583"),
    /** serve: keyvalue or json log lines. */
    LOG_FORMAT("log.format", "keyvalue");

    /** The environment variable that carries the card token key as hex; never read from a file. */
    public static final String TOKEN_KEY_ENVIRONMENT_VARIABLE = "CARDGATE_TOKEN_KEY";

    private final String key;
    private final String defaultValue;

    ConfigurationKey(final String key, final String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    /** The key as written in the properties file. */
    public String key() {
        return key;
    }

    /** The default, as it would be written in the file. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The environment variable that overrides the file, e.g. CARDGATE_RING_SIZE. */
    public String environmentVariable() {
        return "CARDGATE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The key written as {@code key}, or null. */
    public static ConfigurationKey fromKey(final String key) {
        for (final ConfigurationKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return candidate;
            }
        }
        return null;
    }
}
