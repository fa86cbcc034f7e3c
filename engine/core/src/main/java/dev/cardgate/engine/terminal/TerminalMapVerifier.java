package dev.cardgate.engine.terminal;

import net.openhft.chronicle.hash.ChecksumEntry;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.MapEntry;
import net.openhft.chronicle.map.MapSegmentContext;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads every terminal of a registry file once, at open, before the engine serves from it: each
 * entry's Chronicle checksum (its key and value as written), each segment's entry count in its
 * header against the entries its hash lookup reaches, and each entry found again by its own
 * key. The blocklist's {@code MapVerifier} does the same and also compares a recorded digest;
 * the registry has no sidecar to record one in. Allocates a few objects per segment.
 */
final class TerminalMapVerifier {
    private final ChronicleMap<TerminalMapKey, StoredTerminal> map;
    private final StoredTerminal value = new StoredTerminal();
    private final TerminalMapKey probe = new TerminalMapKey();
    private long[] segmentKeys = new long[64];
    private int segmentEntries;
    private String firstDamage;

    private TerminalMapVerifier(final ChronicleMap<TerminalMapKey, StoredTerminal> map) {
        this.map = map;
    }

    /** @throws TerminalException naming what is damaged, when anything is */
    static void verify(final ChronicleMap<TerminalMapKey, StoredTerminal> map, final Path mapFile) {
        final String damage = new TerminalMapVerifier(map).firstDamage();
        if (damage != null) {
            throw new TerminalException("the terminal registry file " + mapFile + " is damaged: " + damage
                + "; cardgate will not decide from it. Restore it from a backup, or move it away and re-import the "
                + "terminals");
        }
    }

    private String firstDamage() {
        for (int segment = 0; segment < map.segments() && firstDamage == null; segment++) {
            try (MapSegmentContext<TerminalMapKey, StoredTerminal, ?> context = map.segmentContext(segment)) {
                segmentEntries = 0;
                final long headerSize = context.size();
                context.forEachSegmentEntryWhile(this::accept);
                if (firstDamage == null && segmentEntries != headerSize) {
                    firstDamage = "segment " + segment + " says it holds " + headerSize + " terminals, but "
                        + segmentEntries + " are reachable";
                }
            } catch (final RuntimeException | AssertionError | InternalError e) {
                firstDamage = "segment " + segment + " cannot be read (" + e + ")";
            }
            for (int i = 0; i < segmentEntries && firstDamage == null; i++) {
                if (!map.containsKey(probe.set(segmentKeys[i]))) {
                    firstDamage = "terminal " + AsciiCodes.unpack(segmentKeys[i]) + " is not found by its own id "
                        + "(the hash lookup of segment " + segment + " is damaged)";
                }
            }
        }
        return firstDamage;
    }

    private boolean accept(final MapEntry<TerminalMapKey, StoredTerminal> entry) {
        if (!((ChecksumEntry)entry).checkSum()) {
            firstDamage = "an entry's checksum does not match its key and value";
            return false;
        }
        final long packed = entry.key().get().packedTerminalId;
        final StoredTerminal stored = entry.value().getUsing(value);
        if (stored.statusOrNull() == null) {
            firstDamage = "the entry of terminal " + AsciiCodes.unpack(packed) + " cannot be read ("
                + stored.describeCorruption() + ")";
            return false;
        }
        if (segmentEntries == segmentKeys.length) {
            segmentKeys = Arrays.copyOf(segmentKeys, 2 * segmentEntries);
        }
        segmentKeys[segmentEntries++] = packed;
        return true;
    }
}
