package dev.cardgate.engine.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.control.ControlClient;
import dev.cardgate.engine.control.TerminalFields;
import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalRegistry;

/**
 * The terminal registry as {@code terminal show} and {@code set} use it: through the running
 * engine's control socket when one runs on the data folder, else in the map file itself.
 */
abstract class TerminalAccess implements AutoCloseable {
    abstract Optional<TerminalRecord> show(String terminalId) throws IOException;

    /** @return false when the terminal is not registered */
    abstract boolean set(TerminalRecord terminal) throws IOException;

    @Override
    public abstract void close() throws IOException;

    static TerminalAccess files(final EngineConfiguration configuration) {
        final TerminalRegistry registry = OperatorFiles.terminals(configuration, false);
        return new TerminalAccess() {
            @Override
            Optional<TerminalRecord> show(final String terminalId) {
                return registry.show(terminalId);
            }

            @Override
            boolean set(final TerminalRecord terminal) {
                if (registry.show(terminal.terminalId()).isEmpty()) {
                    return false;
                }
                registry.set(terminal);
                return true;
            }

            @Override
            public void close() {
                registry.close();
            }
        };
    }

    static TerminalAccess engine(final ControlClient engine) {
        return new TerminalAccess() {
            @Override
            Optional<TerminalRecord> show(final String terminalId) throws IOException {
                final Map<String, String> request = new LinkedHashMap<>();
                request.put("command", "terminal-show");
                request.put("terminal", terminalId);
                final Map<String, String> answer = EngineCardBlocklist.checked(engine.call(request));
                return Boolean.parseBoolean(answer.get("found")) ? Optional.of(TerminalFields.toRecord(answer))
                    : Optional.empty();
            }

            @Override
            boolean set(final TerminalRecord terminal) throws IOException {
                final Map<String, String> request = new LinkedHashMap<>();
                request.put("command", "terminal-set");
                request.putAll(TerminalFields.of(terminal));
                return Boolean.parseBoolean(EngineCardBlocklist.checked(engine.call(request)).get("found"));
            }

            @Override
            public void close() throws IOException {
                engine.close();
            }
        };
    }
}
