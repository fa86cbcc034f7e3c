package dev.cardgate.engine.files;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Damage found in a map file while the engine serves (an entry whose checksum does not match):
 * how often, and what the first finding said. A lookup that finds damage records it here and
 * fails, so the request is answered 96, never approved; {@code /health} reports the map as
 * damaged from then on, and a listener (the engine's counter) hears of each finding.
 *
 * <p>Threading: {@link #record} from any lookup thread, without allocating; the rest from any thread.
 */
public final class MapDamage {
    private final String mapDescription;
    private final AtomicLong findings = new AtomicLong();
    private volatile Runnable listener = () -> { };

    /** @param mapDescription what the map is and where ("the blocklist map /data/blocklist.cm") */
    public MapDamage(final String mapDescription) {
        this.mapDescription = mapDescription;
    }

    /** Counts one finding and tells the listener. */
    public void record() {
        findings.incrementAndGet();
        listener.run();
    }

    /** @param onFinding run on the lookup's thread at each finding; must not block or allocate */
    public void onFinding(final Runnable onFinding) {
        listener = onFinding;
    }

    public long findings() {
        return findings.get();
    }

    /** @return the health problem to report, or null when no damage was found */
    public String problemOrNull() {
        final long found = findings.get();
        return found == 0 ? null : mapDescription + " is damaged (" + found + " entries failed their checksum on "
            + "read): its cards are declined 96; stop the engine and restore the file from a backup";
    }
}
