package dev.cardgate.engine.upstream;

/**
 * How a journaled answer came about with respect to the network: the Outcome Kind byte of the
 * record (byte 181, {@link dev.cardgate.engine.event.AuthorizationSlotDescriptor}). Stored by
 * ordinal: new kinds only ever go after the last one. Zero is {@link #LOCAL}, so a record written
 * before the upstream link reads as a local decision.
 */
public enum OutcomeKind {
    /** Decided by the engine alone: no link, a local decline, a network management message. */
    LOCAL("local"),
    /** Passed every local check and handed to the link: the terminal is not answered yet. */
    FORWARDED("forwarded"),
    /** The network's field 39 (and 38 on approval), passed to the terminal. */
    NETWORK_ANSWER("network"),
    /** Approved in stand-in within its limits, with a stand-in authorization id; an advice is queued. */
    STAND_IN_APPROVAL("stand-in-approval"),
    /** Declined in stand-in (91): a limit was reached, or the link took no request. */
    STAND_IN_DECLINE("stand-in-decline"),
    /** The network did not answer in time (or the link was lost): the configured answer; a reversal is queued. */
    TIMEOUT_ANSWER("timeout"),
    /** A terminal's reversal of an approval the network (or stand-in) gave: acknowledged, and queued upstream. */
    REVERSAL_QUEUED("reversal-queued"),
    /** An approval that came after its timeout: the terminal was answered already; the timeout's reversal undoes it. */
    LATE_APPROVAL_REVERSED("late-approval-reversed");

    private static final OutcomeKind[] BY_ORDINAL = values();

    private final String label;

    OutcomeKind(final String label) {
        this.label = label;
    }

    /** The name {@code cardgate journal} prints. */
    public String label() {
        return label;
    }

    /** True for an answer risk state and stand-in exposure learn from: a final outcome. */
    public boolean isFinal() {
        return this != FORWARDED && this != LATE_APPROVAL_REVERSED;
    }

    /** The kind with this ordinal, for readers of records; null if this version does not know it. */
    public static OutcomeKind fromOrdinal(final int ordinal) {
        return ordinal >= 0 && ordinal < BY_ORDINAL.length ? BY_ORDINAL[ordinal] : null;
    }
}
