package dev.cardgate.engine.upstream;

/** What became of one forwarded request, as the link reports it to {@link UpstreamListener}. */
public enum UpstreamOutcome {
    /** The network answered within the timeout: its field 39 (and 38 on approval) are final. */
    ANSWERED,
    /** No answer within {@code upstream.timeout.ms}: the engine answers alone and queues a reversal. */
    TIMED_OUT,
    /** The connection carrying it was lost before an answer: treated as a timeout. */
    LINK_LOST
}
