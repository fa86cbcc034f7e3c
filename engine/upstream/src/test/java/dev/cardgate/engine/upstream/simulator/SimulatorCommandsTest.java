package dev.cardgate.engine.upstream.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimulatorCommandsTest {
    @Test
    void commandsChangeTheRulesWhileItRuns() throws Exception {
        try (IssuerSimulator simulator = new IssuerSimulator(new IssuerSimulatorSettings().port(0))) {
            simulator.start();
            final SimulatorCommands commands = new SimulatorCommands(simulator);
            assertTrue(commands.run("decline-over 5000").startsWith("ok"));
            assertEquals(5000, simulator.rules().declineOverMinor());
            commands.run("list 1111 14");
            assertEquals(14, simulator.rules().listedCode("1111", null));
            commands.run("list 411111******0004 5");
            assertEquals(5, simulator.rules().listedCode("0004", "411111******0004"));
            commands.run("misbehave 1111 wrong-amount");
            assertEquals(Misbehaviour.WRONG_AMOUNT, simulator.rules().misbehaviour("1111", null));
            commands.run("delay 250");
            assertEquals(250, simulator.rules().delayMillis());
            commands.run("drop on");
            commands.run("drop-echoes on");
            commands.run("refuse-sign-on on");
            commands.run("close-on-request on");
            assertTrue(simulator.rules().dropAnswers() && simulator.rules().dropEchoes()
                && simulator.rules().refuseSignOn() && simulator.rules().closeOnRequest());
            assertTrue(commands.run("status").contains("listening on port " + simulator.port()));
            commands.run("approve-all");
            assertEquals(IssuerRules.NO_LIMIT, simulator.rules().declineOverMinor());
            assertEquals(0, simulator.rules().listedCode("1111", null));
            assertEquals(0, simulator.rules().delayMillis());
            assertTrue(commands.run("received").startsWith("0 message(s) received"));
        }
    }

    @Test
    void aBadCommandSaysWhatWasWrongAndChangesNothing() throws Exception {
        try (IssuerSimulator simulator = new IssuerSimulator(new IssuerSimulatorSettings().port(0))) {
            simulator.start();
            final SimulatorCommands commands = new SimulatorCommands(simulator);
            assertEquals("error: delay: allowed is a whole number from 0 to 3600000", commands.run("delay soon"));
            assertTrue(commands.run("misbehave 1111 rudely").contains("not 'rudely'"));
            assertTrue(commands.run("frobnicate").startsWith("error: unknown command 'frobnicate'"));
            assertTrue(commands.run("4111111111111111").startsWith("error: unknown command (not shown: 16 characters)"),
                "a card number typed by mistake is not echoed");
            assertTrue(commands.run("list 1111").contains("missing argument"));
            assertEquals(0, simulator.rules().delayMillis());
        }
    }

    @Test
    void theConfigurationNamesEveryBadKey() {
        final Properties properties = new Properties();
        properties.setProperty("issuer-sim.port", "70000");
        properties.setProperty("issuer-sim.colour", "blue");
        properties.setProperty("issuer-sim.listed-cards", "1111:05, 0004");
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> IssuerSimulatorSettings.from(properties, "test.conf"));
        assertTrue(refused.getMessage().contains("issuer-sim.port = 70000 (test.conf): allowed is a whole number from 0 to 65535"),
            refused.getMessage());
        assertTrue(refused.getMessage().contains("issuer-sim.colour = blue (test.conf): not a key of the issuer simulator"));
        assertTrue(refused.getMessage().contains("issuer-sim.listed-cards"));
    }
}
