package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.codec.framing.LengthHeader;

/** upstream.*: off by default, endpoints in priority order, framing of its own, bad values refused naming the key. */
class UpstreamConfigurationTest {
    @TempDir
    Path folder;

    @Test
    void theLinkIsOffByDefaultWithOneLoopbackEndpointAndNoTpdu() {
        final UpstreamConfiguration upstream = EngineConfiguration.builder().build().upstream();
        assertFalse(upstream.enabled());
        assertEquals(List.of(new UpstreamConfiguration.Endpoint("127.0.0.1", 8593)), upstream.endpoints());
        assertNull(upstream.tpdu());
        assertEquals(0, upstream.frameFormat().fixedHeaderLength());
        assertEquals("", upstream.acquirerId(), "none: field 32 is not sent");
    }

    @Test
    void endpointsKeepTheirPriorityOrderAndTheFramingIsTheNetworksOwn() throws IOException {
        final Path file = Files.writeString(folder.resolve("upstream.properties"), "data.dir = data\n"
            + "upstream.enabled = true\nupstream.endpoints = primary.example:7001, 10.0.0.2:7002\n"
            + "upstream.length-header = binary-2\nupstream.tpdu = 6000010000\nupstream.acquirer-id = 123456\n");
        final UpstreamConfiguration upstream = EngineConfigurationLoader.load(file, Map.of()).upstream();
        assertTrue(upstream.enabled());
        assertEquals(List.of(new UpstreamConfiguration.Endpoint("primary.example", 7001),
            new UpstreamConfiguration.Endpoint("10.0.0.2", 7002)), upstream.endpoints());
        assertEquals(LengthHeader.BINARY_2, upstream.lengthHeader());
        assertArrayEquals(new byte[] {0x60, 0x00, 0x01, 0x00, 0x00}, upstream.tpdu());
        assertEquals(5, upstream.frameFormat().fixedHeaderLength());
        assertEquals("123456", upstream.acquirerId());
    }

    @Test
    void badValuesAreRefusedNamingTheKeyTheValueAndWhatIsAllowed() throws IOException {
        final Path file = Files.writeString(folder.resolve("bad.properties"), "data.dir = data\n"
            + "upstream.endpoints = network.example:99999\nupstream.tpdu = 60\nupstream.acquirer-id = ACQ1\n"
            + "upstream.reconnect.min-ms = 500\nupstream.reconnect.max-ms = 100\n");
        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(file, Map.of()));
        final String message = refused.getMessage();
        assertEquals(4, refused.problems().size(), message);
        assertTrue(message.contains("upstream.endpoints = network.example:99999 (" + file + " line 2): allowed is "
            + "host:port with a port from 1 to 65535"), message);
        assertTrue(message.contains("upstream.tpdu = 60 (" + file + " line 3): allowed is none or 10 hex digits"), message);
        assertTrue(message.contains("upstream.acquirer-id = ACQ1 (" + file + " line 4): allowed is none or 1 to 11 digits"),
            message);
        assertTrue(message.contains("upstream.reconnect.max-ms = 100 (" + file + " line 6): allowed is at least "
            + "upstream.reconnect.min-ms (500)"), message);
    }

    @Test
    void tlsNeedsItsTrustedCertificatesWhenTheLinkIsOn() {
        final ConfigurationException refused = assertThrows(ConfigurationException.class, () -> EngineConfiguration
            .builder().dataDirectory(folder).upstream(upstream -> upstream.enabled(true)
                .set(UpstreamConfiguration.TLS_ENABLED, true)).build());
        assertTrue(refused.getMessage().contains("upstream.tls.trusted-certificates = tls/upstream-trusted.pem"),
            refused.getMessage());
    }
}
