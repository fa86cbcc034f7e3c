package dev.cardgate.engine.upstream.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.EngineConfigurationLoader;
import dev.cardgate.engine.config.UpstreamConfiguration;

/** The shipped pair works together: the engine's upstream configuration points at the simulator's. */
class ShippedConfigurationTest {
    private static final Path CONFIG = Path.of("../..", "config");

    @Test
    void theUpstreamConfigurationPointsAtTheShippedSimulator() throws Exception {
        final EngineConfiguration engine = EngineConfigurationLoader.load(CONFIG.resolve("cardgate-upstream.conf"), Map.of());
        final UpstreamConfiguration upstream = engine.upstream();
        assertTrue(upstream.enabled());
        final IssuerSimulatorSettings simulator = IssuerSimulatorSettings.load(CONFIG.resolve("issuer-sim.conf"));
        assertEquals(simulator.port(), upstream.endpoints().get(0).port());
        assertEquals(simulator.bindAddress(), upstream.endpoints().get(0).host());
        assertEquals(simulator.dialect(), upstream.dialect());
        assertEquals(simulator.frameFormat().lengthHeader(), upstream.lengthHeader());
        assertEquals(100_000, simulator.rules().declineOverMinor(), "amounts over 1000.00 are declined 51");
    }

    @Test
    void theDefaultConfigurationLeavesTheLinkOff() throws Exception {
        assertFalse(EngineConfigurationLoader.loadBuilder(CONFIG.resolve("cardgate.properties"), Map.of())
            .baseDirectory(CONFIG.getParent()).build().upstream().enabled());
    }
}
