package dev.cardgate.engine.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cardgate.engine.blocklist.AddOutcome;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.control.ControlClient;

/**
 * The running engine's blocklist, through its control socket: the PAN goes to the engine over the
 * owner-only local socket, is hashed there with the engine's key and is never kept; the token and
 * the entry come back.
 */
final class EngineCardBlocklist implements CardBlocklist {
    private final ControlClient engine;

    EngineCardBlocklist(final ControlClient engine) {
        this.engine = engine;
    }

    @Override
    public Checked check(final String pan) throws IOException {
        final Map<String, String> answer = call("block-check", pan);
        return new Checked(answer.get("token"), Boolean.parseBoolean(answer.get("listed")) ? entry(answer) : null);
    }

    @Override
    public Added add(final String pan, final BlockReason reason, final long expiresEpochMillis,
        final String reference) throws IOException {
        final Map<String, String> request = request("block-add", pan);
        request.put("reason", reason.name());
        request.put("expires", Long.toString(expiresEpochMillis));
        request.put("reference", reference);
        final Map<String, String> answer = checked(engine.call(request));
        return new Added(AddOutcome.valueOf(answer.get("outcome")), answer.get("token"), entry(answer));
    }

    @Override
    public Removed remove(final String pan) throws IOException {
        final Map<String, String> answer = call("block-remove", pan);
        return new Removed(Boolean.parseBoolean(answer.get("removed")), answer.get("token"));
    }

    private Map<String, String> call(final String command, final String pan) throws IOException {
        return checked(engine.call(request(command, pan)));
    }

    private static Map<String, String> request(final String command, final String pan) {
        final Map<String, String> request = new LinkedHashMap<>();
        request.put("command", command);
        request.put("pan", pan);
        return request;
    }

    /** The answer when it is ok; else its refusal as an operator failure. */
    static Map<String, String> checked(final Map<String, String> answer) {
        if (ControlClient.isOk(answer)) {
            return answer;
        }
        throw new OperatorFailure(ControlClient.isBadInput(answer) ? OperatorCommand.BAD_INPUT
            : OperatorCommand.REFUSED, "the running engine refused: " + ControlClient.message(answer));
    }

    private static BlocklistEntry entry(final Map<String, String> answer) {
        return new BlocklistEntry(BlockReason.valueOf(answer.get("reason")), Long.parseLong(answer.get("added")),
            Long.parseLong(answer.get("expires")), answer.getOrDefault("reference", ""));
    }

    @Override
    public void close() throws IOException {
        engine.close();
    }
}
