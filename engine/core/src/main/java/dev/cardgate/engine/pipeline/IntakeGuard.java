package dev.cardgate.engine.pipeline;

/**
 * Asked by producers before they claim a slot: whether new requests must be refused although
 * the ring has room (the journal cannot write and is configured to refuse with 91).
 *
 * <p>Threading: any producer thread; must not block or allocate.
 */
@FunctionalInterface
public interface IntakeGuard {
    /** Admits everything. */
    IntakeGuard OPEN = () -> false;

    boolean refusesNewRequests();
}
