package dev.cardgate.engine;

import java.nio.file.Path;

import dev.cardgate.engine.config.EngineConfiguration;

/**
 * A JVM started without config/jvm.options that launches an engine on the folder it is given:
 * {@link JvmOpeningsTest} reads what it prints. Exits {@link #REFUSED} with the failure printed
 * when the launch is refused, 0 if the engine started.
 */
final class LaunchWithoutFlagsProcess {
    static final int REFUSED = 3;

    private LaunchWithoutFlagsProcess() {
    }

    public static void main(final String[] arguments) {
        final EngineConfiguration configuration = EngineConfiguration.builder().dataDirectory(Path.of(arguments[0]))
            .blocklistCapacity(1_000).build();
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration)) {
            System.out.println("launched " + engine);
        }
        catch (final RuntimeException | Error refused) {
            System.out.println(refused);
            System.exit(REFUSED);
        }
    }
}
