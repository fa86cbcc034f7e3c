package dev.cardgate.engine.cli;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.terminal.AsciiCodes;
import dev.cardgate.engine.terminal.TerminalStatus;
import dev.cardgate.engine.token.SafeEcho;

/** Checks of what an operator types for a terminal, with messages that say how to mend it. */
final class TerminalIds {
    private TerminalIds() {
    }

    /** @throws OperatorFailure (bad input) unless {@code id} can be a field 41 */
    static String check(final String id) {
        if (id.length() > AuthorizationEvent.TERMINAL_ID_LENGTH) {
            throw new OperatorFailure(OperatorCommand.BAD_INPUT, "terminal id " + SafeEcho.quoted(id)
                + " is longer than "
                + AuthorizationEvent.TERMINAL_ID_LENGTH + " characters: use 1-" + AuthorizationEvent.TERMINAL_ID_LENGTH
                + " characters (field 41)");
        }
        final String problem = AsciiCodes.describeProblem("terminal id", id, AuthorizationEvent.TERMINAL_ID_LENGTH);
        if (problem != null) {
            throw new OperatorFailure(OperatorCommand.BAD_INPUT, problem + ": use 1-"
                + AuthorizationEvent.TERMINAL_ID_LENGTH + " printable ASCII characters, no space or comma");
        }
        return id;
    }

    /** @throws OperatorFailure (bad input) unless {@code text} names a status */
    static TerminalStatus status(final String text) {
        final TerminalStatus status = TerminalStatus.fromConfigName(text);
        if (status == null) {
            throw new OperatorFailure(OperatorCommand.BAD_INPUT, "status " + SafeEcho.quoted(text)
                + " is unknown: use active, disabled, faulty or suspended");
        }
        return status;
    }

    static OperatorFailure notRegistered(final String id) {
        return new OperatorFailure(OperatorCommand.REFUSED, "terminal " + SafeEcho.quoted(id)
            + " is not registered: check the id, "
            + "or register it with `cardgate terminal add`");
    }
}
