package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.config.ConfigurationException;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.EngineConfigurationLoader;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.terminal.TerminalRecord;

/**
 * The shipped production profile, config/production.conf, from the cardgate home: as shipped it
 * is refused naming the TLS files an acquirer must provide; with them it refuses terminals not in
 * the registry (58), makes every registered terminal sign on first, and runs the shipped rules.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProductionProfileTest {
    private static final Path HOME = Path.of("../..");
    private static final Path PROFILE = HOME.resolve("config/production.conf");
    private static final String CLEAN_CARD = "4242424242424242";

    @TempDir
    Path folder;

    @Test
    void asShippedItIsRefusedNamingTheTlsFilesTheAcquirerMustProvide() {
        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.loadBuilder(PROFILE, Map.of("CARDGATE_DATA_DIR", folder.toString()))
                .baseDirectory(HOME)
                .build());
        assertTrue(refused.getMessage().contains("frontend.tls.certificate = tls/certificate.pem"), refused.getMessage());
        assertTrue(refused.getMessage().contains("frontend.tls.private-key = tls/private-key.pem"), refused.getMessage());
    }

    @Test
    void withTheTlsFilesItRefusesUnknownTerminalsRequiresSignOnAndRunsTheShippedRules() throws IOException {
        Files.createDirectories(folder.resolve("tls"));
        Files.writeString(folder.resolve("tls/certificate.pem"), "provided by the acquirer");
        Files.writeString(folder.resolve("tls/private-key.pem"), "provided by the acquirer");
        final EngineConfiguration configuration = EngineConfigurationLoader
            .loadBuilder(PROFILE, Map.of("CARDGATE_DATA_DIR", folder.toString(), "CARDGATE_BLOCKLIST_CAPACITY", "1000"))
            .baseDirectory(HOME)
            .build();
        assertTrue(configuration.refuseUnknownTerminals());
        assertTrue(configuration.signOnRequiredOfEveryTerminal());
        assertTrue(configuration.frontEnd().tlsEnabled());
        assertEquals(HOME.resolve("config/rules.conf"), configuration.rulesFile());

        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration)) {
            assertEquals(DecisionReason.TERMINAL_UNKNOWN, engine.authorize(CLEAN_CARD, TestEngines.request(1)).reason());
            engine.terminals().add(TerminalRecord.active("TERM0001", "MERCHANT0000001", 5411, 276, "EU", "shops", "A920",
                "2.5.0", false));
            assertEquals(DecisionReason.TERMINAL_NOT_SIGNED_ON,
                engine.authorize(CLEAN_CARD, TestEngines.request(2)).reason(),
                "its entry does not ask for sign-on, the profile does");
            engine.authorize("", AuthorizationRequestData.builder().messageTypeIndicator(800).networkManagementCode(1)
                .systemTraceAuditNumber(3).terminalId("TERM0001").build());
            assertEquals(DecisionReason.APPROVED, engine.authorize(CLEAN_CARD, TestEngines.request(4)).reason());
            assertTrue(engine.ruleName(402).contains("no-gambling"), "the shipped rules are in force");
        }
    }
}
