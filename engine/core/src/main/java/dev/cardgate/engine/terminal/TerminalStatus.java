package dev.cardgate.engine.terminal;

import java.util.Locale;

/**
 * What a terminal may do. The ordinal is persisted in the registry file: append, never reorder.
 */
public enum TerminalStatus {
    /** In service: its requests are decided on their merits. */
    ACTIVE,
    /** Taken out of service by the acquirer: refused with 58. */
    DISABLED,
    /** Faulty or under maintenance: refused with 91 (or the configured code). */
    FAULTY,
    /** Suspended by an operator or by the card-testing rule: refused with 58. */
    SUSPENDED;

    private static final TerminalStatus[] BY_ORDINAL = values();

    /** The name as written in files and the CLI: "active", "faulty". */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status written {@code text} (case-insensitive), or null. */
    public static TerminalStatus fromConfigName(final String text) {
        for (final TerminalStatus status : BY_ORDINAL) {
            if (status.configName().equalsIgnoreCase(text)) {
                return status;
            }
        }
        return null;
    }

    /** The status of a persisted ordinal, or null when the ordinal is unknown (a damaged file). */
    public static TerminalStatus fromOrdinal(final int ordinal) {
        return ordinal >= 0 && ordinal < BY_ORDINAL.length ? BY_ORDINAL[ordinal] : null;
    }
}
