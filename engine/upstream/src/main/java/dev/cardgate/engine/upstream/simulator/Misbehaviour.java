package dev.cardgate.engine.upstream.simulator;

/** A wrong answer the simulator can give for a card, to show how the link treats bad input from upstream. */
public enum Misbehaviour {
    /** A frame that does not decode as ISO 8583. */
    GARBAGE("garbage"),
    /** The answer carries another field 4 than the request's. */
    WRONG_AMOUNT("wrong-amount"),
    /** The answer carries a field 2 with other last four digits. */
    WRONG_CARD("wrong-card"),
    /** The answer's field 11 is one the request did not have. */
    UNKNOWN_STAN("unknown-stan");

    private final String commandName;

    Misbehaviour(final String commandName) {
        this.commandName = commandName;
    }

    public String commandName() {
        return commandName;
    }

    /** The misbehaviour of that command name, or null. */
    public static Misbehaviour fromCommandName(final String name) {
        for (final Misbehaviour misbehaviour : values()) {
            if (misbehaviour.commandName.equals(name)) {
                return misbehaviour;
            }
        }
        return null;
    }
}
