package dev.cardgate.engine.blocklist;

/**
 * The engine was to start without its blocklist: the map file and its sidecar are missing from a
 * data folder that shows the engine has run before (a journal or a terminal registry). Starting
 * would create an empty hot-card list and approve every card that was on the lost one, so the
 * engine refuses unless the operator asks for a new blocklist explicitly.
 */
public final class MissingBlocklistException extends BlocklistException {
    private static final long serialVersionUID = 1L;

    public MissingBlocklistException(final String message) {
        super(message);
    }
}
