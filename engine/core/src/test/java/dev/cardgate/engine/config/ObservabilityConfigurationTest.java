package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.http.* and log.format: off and on loopback by default, bad values refused naming the key. */
class ObservabilityConfigurationTest {
    @TempDir
    Path folder;

    @Test
    void theHttpEndpointIsOffAndOnLoopbackByDefault() {
        final ObservabilityConfiguration settings = EngineConfiguration.builder().build().observability();
        assertFalse(settings.metricsHttpEnabled());
        assertEquals("127.0.0.1", settings.metricsHttpAddress());
        assertEquals(9583, settings.metricsHttpPort());
        assertEquals(LogFormat.KEYVALUE, settings.logFormat());
    }

    @Test
    void theShippedFileKeepsTheEndpointOff() {
        final EngineConfiguration shipped = EngineConfigurationLoaderTest.shipped();
        assertFalse(shipped.observability().metricsHttpEnabled());
        assertTrue(shipped.toString().contains("metrics.http.enabled = false"), shipped.toString());
    }

    @Test
    void badValuesAreRefusedNamingTheKeyTheValueAndWhatIsAllowed() throws IOException {
        final Path file = folder.resolve("bad.properties");
        Files.writeString(file, "metrics.http.enabled = yes\nmetrics.http.port = 70000\n"
            + "metrics.http.address = not an address\nlog.format = xml\ndata.dir = data\n");
        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(file, Map.of()));
        final String message = refused.getMessage();
        assertEquals(4, refused.problems().size(), message);
        assertTrue(message.contains("metrics.http.enabled = yes (" + file + " line 1): allowed is true or false"),
            message);
        assertTrue(message.contains("metrics.http.port = 70000 (" + file + " line 2): allowed is a port from 0"),
            message);
        assertTrue(message.contains("metrics.http.address = not an address (" + file + " line 3): allowed is an IP"),
            message);
        assertTrue(message.contains("log.format = xml (" + file + " line 4): allowed is keyvalue or json"), message);
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        final Path file = folder.resolve("cardgate.properties");
        Files.writeString(file, "metrics.http.enabled = false\ndata.dir = data\n");
        final EngineConfiguration configuration = EngineConfigurationLoader.load(file,
            Map.of("CARDGATE_METRICS_HTTP_ENABLED", "true", "CARDGATE_LOG_FORMAT", "json"));
        assertTrue(configuration.observability().metricsHttpEnabled());
        assertEquals(LogFormat.JSON, configuration.observability().logFormat());
    }
}
