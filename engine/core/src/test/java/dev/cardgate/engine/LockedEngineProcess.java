package dev.cardgate.engine;

import java.io.IOException;
import java.nio.file.Path;

import dev.cardgate.engine.config.EngineConfiguration;

/**
 * The child JVM of {@link DataDirectoryLockTest}: launches an engine on the data folder given as
 * its argument and prints "started" (or "refused: " and the reason, then exits 1); then runs
 * until its standard input closes, when it closes the engine and exits 0, or until it is killed.
 */
public final class LockedEngineProcess {
    static final String STARTED = "started";
    static final String REFUSED = "refused: ";

    private LockedEngineProcess() {
    }

    public static void main(final String[] arguments) throws IOException {
        final EngineConfiguration configuration = EngineConfiguration.builder().dataDirectory(Path.of(arguments[0]))
            .engineName("locked").blocklistCapacity(100).terminalCapacity(100).build();
        final AuthorizationEngine engine;
        try {
            engine = AuthorizationEngine.launch(configuration);
        }
        catch (final RuntimeException refused) {
            System.out.println(REFUSED + refused.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(STARTED);
        System.out.flush();
        while (System.in.read() >= 0) {
            // waits for the parent to close the pipe
        }
        engine.close();
    }
}
