package dev.cardgate.engine.upstream.simulator;

import java.util.List;
import java.util.Locale;

import dev.cardgate.engine.token.SafeEcho;

/**
 * The simulator's line protocol, one command a line (on stdin under {@code cardgate issuer-sim}):
 *
 * <pre>
 *   approve-all                     forget every rule: approve everything at once
 *   decline-over AMOUNT | off       decline amounts (minor units) above AMOUNT with 51
 *   list CARD CODE                  decline CARD (last four, or masked PAN) with CODE (05, 14, ...)
 *   unlist CARD                     forget CARD's rules
 *   misbehave CARD KIND | off       answer CARD wrongly: garbage, wrong-amount, wrong-card, unknown-stan
 *   delay MS                        answer MS milliseconds late (0: at once)
 *   drop on | off                   record requests and stored messages, answer none
 *   drop-echoes on | off            leave echo tests unanswered
 *   refuse-sign-on on | off         answer sign-ons 05
 *   close-on-request on | off       close the connection on a request instead of answering
 *   close                           close every connection now
 *   received [N]                    the last N (10) messages received, in order
 *   status                          the rules and the connections
 *   help                            this list
 * </pre>
 *
 * Each command answers one or more lines; a bad one answers what was wrong.
 */
public final class SimulatorCommands {
    static final String HELP = String.join("\n", "approve-all", "decline-over AMOUNT | off", "list CARD CODE",
        "unlist CARD", "misbehave CARD garbage|wrong-amount|wrong-card|unknown-stan|off", "delay MS", "drop on|off",
        "drop-echoes on|off", "refuse-sign-on on|off", "close-on-request on|off", "close", "received [N]", "status",
        "help", "quit");

    private final IssuerSimulator simulator;

    public SimulatorCommands(final IssuerSimulator simulator) {
        this.simulator = simulator;
    }

    /** Runs one command line; returns what to print. */
    public String run(final String line) {
        final String[] words = line.strip().split("\\s+");
        final IssuerRules rules = simulator.rules();
        try {
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "":
                    return "";
                case "approve-all":
                    rules.reset();
                    return "ok: approving everything";
                case "decline-over":
                    rules.declineOver(argument(words, 1).equals("off") ? IssuerRules.NO_LIMIT
                        : IssuerSimulatorSettings.number(argument(words, 1), 0, Integer.MAX_VALUE));
                    return "ok: " + rules;
                case "list":
                    rules.list(argument(words, 1), IssuerSimulatorSettings.number(argument(words, 2), 1, 99));
                    return "ok: " + rules;
                case "unlist":
                    rules.unlist(argument(words, 1));
                    return "ok: " + rules;
                case "misbehave":
                    final String kind = argument(words, 2);
                    final Misbehaviour misbehaviour = Misbehaviour.fromCommandName(kind);
                    if (misbehaviour == null && !kind.equals("off")) {
                        return "error: misbehave takes garbage, wrong-amount, wrong-card, unknown-stan or off, not "
                            + SafeEcho.quoted(kind);
                    }
                    rules.misbehave(argument(words, 1), misbehaviour);
                    return "ok: " + rules;
                case "delay":
                    rules.delayMillis(IssuerSimulatorSettings.number(argument(words, 1), 0, 3_600_000));
                    return "ok: " + rules;
                case "drop":
                    rules.dropAnswers(IssuerSimulatorSettings.bool(argument(words, 1)));
                    return "ok: " + rules;
                case "drop-echoes":
                    rules.dropEchoes(IssuerSimulatorSettings.bool(argument(words, 1)));
                    return "ok: " + rules;
                case "refuse-sign-on":
                    rules.refuseSignOn(IssuerSimulatorSettings.bool(argument(words, 1)));
                    return "ok: " + rules;
                case "close-on-request":
                    rules.closeOnRequest(IssuerSimulatorSettings.bool(argument(words, 1)));
                    return "ok: " + rules;
                case "close":
                    final int open = simulator.openConnections();
                    simulator.closeConnections();
                    return "ok: closed " + open + " connection(s)";
                case "received":
                    return received(words.length > 1 ? IssuerSimulatorSettings.number(words[1], 1, 1000) : 10);
                case "status":
                    return "listening on port " + simulator.port() + ", " + simulator.openConnections()
                        + " connection(s), " + simulator.received().size() + " message(s) received; " + rules;
                case "help":
                    return HELP;
                default:
                    return "error: unknown command " + SafeEcho.quoted(words[0]) + "; commands:\n" + HELP;
            }
        }
        catch (final IllegalArgumentException bad) {
            return "error: " + words[0] + ": " + bad.getMessage();
        }
    }

    private String received(final int last) {
        final List<ReceivedMessage> all = simulator.received();
        final StringBuilder out = new StringBuilder(all.size() + " message(s) received");
        for (int i = Math.max(0, all.size() - last); i < all.size(); i++) {
            out.append('\n').append(i + 1).append(". ").append(all.get(i));
        }
        return out.toString();
    }

    private static String argument(final String[] words, final int index) {
        if (words.length <= index) {
            throw new IllegalArgumentException("missing argument " + index + " (help lists the commands)");
        }
        return words[index];
    }
}
