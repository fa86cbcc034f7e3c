package dev.cardgate.engine.cli;

import java.io.PrintStream;
import java.time.Instant;

import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.token.MaskedPan;
import dev.cardgate.engine.token.SafeEcho;

/** How the block commands show a card and its entry: the PAN masked and its token, never the PAN. */
final class BlockOutput {
    private BlockOutput() {
    }

    /** Prints the masked PAN and the token (the keyed hash the map is keyed by). */
    static void printCard(final PrintStream out, final String pan, final String token) {
        out.println("card      " + MaskedPan.mask(pan));
        out.println("token     " + token);
    }

    static void printEntry(final PrintStream out, final BlocklistEntry entry, final long nowEpochMillis) {
        out.println("reason    " + entry.reason().name().toLowerCase(java.util.Locale.ROOT) + " (answered "
            + String.format("%02d", entry.reason().responseCode()) + ")");
        out.println("added     " + Instant.ofEpochMilli(entry.addedEpochMillis()));
        out.println("expires   " + expiry(entry.expiresEpochMillis()));
        out.println("reference " + (entry.reference().isEmpty() ? "(none)" : SafeEcho.visible(entry.reference())));
        out.println("blocks    " + (entry.blocksAt(nowEpochMillis) ? "yes" : "no: expired"));
    }

    static String expiry(final long expiresEpochMillis) {
        return expiresEpochMillis == BlocklistEntry.NO_EXPIRY ? "never" : Instant.ofEpochMilli(expiresEpochMillis)
            .toString();
    }
}
