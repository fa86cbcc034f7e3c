package dev.cardgate.engine.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cardgate.engine.blocklist.AddOutcome;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.blocklist.BlocklistException;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.terminal.TerminalException;
import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalRegistry;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;

/**
 * The operator's requests a running engine answers on its control socket, on its own blocklist
 * store and terminal registry (the decision thread sees each change at its next request, as it
 * does a change by another process):
 * <pre>
 *   block-check   pan                                  -> listed, token, reason, added, expires, reference
 *   block-add     pan, reason, expires, reference      -> outcome (added|updated|unchanged), token, entry
 *   block-remove  pan                                  -> removed (true|false), token
 *   terminal-show terminal                             -> found (true|false), the terminal's fields
 *   terminal-set  the terminal's fields                -> found (true|false; a terminal not registered is not added)
 * </pre>
 * Times are epoch milliseconds; a PAN is hashed here and never kept nor logged. One request at a
 * time (synchronized): the tokenizer and the stores' writers are single-threaded.
 */
public final class EngineControlRequests implements ControlRequests {
    private final BlocklistStore blocklist;
    private final TerminalRegistry terminals;
    private final PanTokenizer tokenizer;
    private final CardToken token = new CardToken();

    /** Any of them may be null (an engine launched without it): its requests are then refused. */
    public EngineControlRequests(final BlocklistStore blocklist, final TerminalRegistry terminals,
        final PanTokenizer tokenizer) {
        this.blocklist = blocklist;
        this.terminals = terminals;
        this.tokenizer = tokenizer;
    }

    @Override
    public synchronized Map<String, String> answer(final Map<String, String> request) {
        final String command = request.getOrDefault(ControlMessages.COMMAND, "");
        try {
            return switch (command) {
                case "block-check" -> blockCheck(request);
                case "block-add" -> blockAdd(request);
                case "block-remove" -> blockRemove(request);
                case "terminal-show" -> terminalShow(request);
                case "terminal-set" -> terminalSet(request);
                default -> ControlMessages.failure(ControlMessages.BAD_INPUT, "unknown control command '" + command
                    + "': this engine answers block-check, block-add, block-remove, terminal-show, terminal-set");
            };
        }
        catch (final IllegalArgumentException badInput) {
            return ControlMessages.failure(ControlMessages.BAD_INPUT, badInput.getMessage());
        }
        catch (final BlocklistException | TerminalException refused) {
            return ControlMessages.failure(ControlMessages.REFUSED, refused.getMessage());
        }
    }

    private Map<String, String> blockCheck(final Map<String, String> request) {
        final String pan = value(request, "pan");
        final Optional<BlocklistEntry> entry = blocklist().check(pan);
        final Map<String, String> answer = ok();
        answer.put("listed", Boolean.toString(entry.isPresent()));
        answer.put("token", tokenOf(pan));
        entry.ifPresent(listed -> putEntry(answer, listed));
        return answer;
    }

    private Map<String, String> blockAdd(final Map<String, String> request) {
        final String pan = value(request, "pan");
        final BlockReason reason;
        try {
            reason = BlockReason.valueOf(value(request, "reason"));
        }
        catch (final IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown reason '" + request.get("reason") + "'");
        }
        final AddOutcome outcome = blocklist().add(pan, reason, number(request, "expires"),
            request.getOrDefault("reference", ""));
        final Map<String, String> answer = ok();
        answer.put("outcome", outcome.name());
        answer.put("token", tokenOf(pan));
        putEntry(answer, blocklist().check(pan).orElseThrow());
        return answer;
    }

    private Map<String, String> blockRemove(final Map<String, String> request) {
        final String pan = value(request, "pan");
        final Map<String, String> answer = ok();
        answer.put("removed", Boolean.toString(blocklist().remove(pan)));
        answer.put("token", tokenOf(pan));
        return answer;
    }

    private Map<String, String> terminalShow(final Map<String, String> request) {
        final Optional<TerminalRecord> terminal = terminals().show(value(request, "terminal"));
        final Map<String, String> answer = ok();
        answer.put("found", Boolean.toString(terminal.isPresent()));
        terminal.ifPresent(found -> answer.putAll(TerminalFields.of(found)));
        return answer;
    }

    private Map<String, String> terminalSet(final Map<String, String> request) {
        final TerminalRecord terminal = TerminalFields.toRecord(request);
        final boolean registered = terminals().show(terminal.terminalId()).isPresent();
        if (registered) {
            terminals().set(terminal);
        }
        final Map<String, String> answer = ok();
        answer.put("found", Boolean.toString(registered));
        return answer;
    }

    private static void putEntry(final Map<String, String> answer, final BlocklistEntry entry) {
        answer.put("reason", entry.reason().name());
        answer.put("added", Long.toString(entry.addedEpochMillis()));
        answer.put("expires", Long.toString(entry.expiresEpochMillis()));
        answer.put("reference", entry.reference());
    }

    private String tokenOf(final String pan) {
        tokenizer.tokenize(pan, token);
        return token.toString();
    }

    private BlocklistStore blocklist() {
        if (blocklist == null || tokenizer == null) {
            throw new BlocklistException("this engine was launched without a blocklist");
        }
        return blocklist;
    }

    private TerminalRegistry terminals() {
        if (terminals == null) {
            throw new TerminalException("this engine was launched without a terminal registry");
        }
        return terminals;
    }

    private static Map<String, String> ok() {
        final Map<String, String> answer = new LinkedHashMap<>();
        answer.put(ControlMessages.STATUS, ControlMessages.OK);
        return answer;
    }

    private static String value(final Map<String, String> request, final String name) {
        final String value = request.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the request has no " + name);
        }
        return value;
    }

    private static long number(final Map<String, String> request, final String name) {
        try {
            return Long.parseLong(value(request, name));
        }
        catch (final NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " '" + request.get(name) + "' is not a whole number");
        }
    }
}
