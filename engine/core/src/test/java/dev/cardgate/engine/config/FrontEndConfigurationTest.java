package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.LengthHeader;

/** The frontend.* keys: defaults, overrides, and every bad value named with its key, value, line and what is allowed. */
class FrontEndConfigurationTest {
    @TempDir
    Path folder;

    @Test
    void theShippedFileGivesLoopbackOn8583WithTheAsciiDialectAndNoTls() {
        final FrontEndConfiguration frontEnd = EngineConfigurationLoaderTest.shipped().frontEnd();
        assertEquals("127.0.0.1", frontEnd.bindAddress());
        assertEquals(8583, frontEnd.port());
        assertEquals(Dialects.ISO87_ASCII, frontEnd.dialect());
        assertEquals(LengthHeader.ASCII_4, frontEnd.lengthHeader());
        assertEquals(false, frontEnd.tpdu());
        assertEquals(RingFullBehaviour.STOP_READING, frontEnd.ringFullBehaviour());
        assertEquals(false, frontEnd.tlsEnabled());
    }

    @Test
    void environmentSelectsTheBinaryDialectWithTwoByteLengthsAndTpdu() throws IOException {
        final FrontEndConfiguration frontEnd = EngineConfigurationLoader.load(write("frontend.port = 9000\ndata.dir = data\n"), Map.of(
            "CARDGATE_FRONTEND_DIALECT", "iso87-binary", "CARDGATE_FRONTEND_LENGTH_HEADER", "binary-2",
            "CARDGATE_FRONTEND_TPDU", "true")).frontEnd();
        assertEquals(Dialects.ISO87_BINARY, frontEnd.dialect());
        assertEquals(9000, frontEnd.port());
        assertEquals(7, frontEnd.frameFormat().messageOffsetInFrame());
    }

    @Test
    void reportsEveryBadFrontEndValueWithKeyValueLineAndWhatIsAllowed() throws IOException {
        final Path file = write("frontend.port = 70000\nfrontend.length-header = ascii-8\nfrontend.tpdu = yes\n"
            + "frontend.max-frame-bytes = 20000\nfrontend.ring-full = drop\nfrontend.dialect = no-such.dialect\n"
            + "frontend.tls.enabled = true\n");
        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(file, Map.of()));
        final String message = refused.getMessage();
        assertTrue(message.contains("frontend.port = 70000 (" + file + " line 1): allowed is 0 (any free port) to 65535"),
            message);
        assertTrue(message.contains("frontend.length-header = ascii-8 (" + file + " line 2): allowed is ascii-4 or binary-2"),
            message);
        assertTrue(message.contains("frontend.tpdu = yes (" + file + " line 3): allowed is true or false"), message);
        assertTrue(message.contains("frontend.ring-full = drop (" + file + " line 5)"), message);
        assertTrue(message.contains("frontend.dialect = no-such.dialect (" + file + " line 6)"), message);
        assertTrue(message.contains("frontend.tls.certificate = tls/certificate.pem (default): allowed is a readable PEM"),
            message);
    }

    @Test
    void maxFrameBytesIsBoundedByWhatTheLengthHeaderCanAnnounce() throws IOException {
        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(write("frontend.max-frame-bytes = 20000\n"), Map.of()));
        assertTrue(refused.getMessage().contains("allowed is bytes from 64 to 9999"), refused.getMessage());
        assertEquals(20000, EngineConfigurationLoader.load(write("frontend.max-frame-bytes = 20000\ndata.dir = data\n"),
            Map.of("CARDGATE_FRONTEND_LENGTH_HEADER", "binary-2")).frontEnd().maxFrameBytes());
    }

    @Test
    void aBaseDirectoryAnchorsARelativeDataFolderAndDialectFile() throws IOException {
        Files.createDirectories(folder.resolve("config/dialects"));
        Files.writeString(folder.resolve("config/dialects/acme.dialect"), "dialect acme\nextends iso87-ascii\n");
        final EngineConfiguration configuration = EngineConfigurationLoader
            .loadBuilder(write("data.dir = data\nfrontend.dialect = config/dialects/acme.dialect\n"), Map.of())
            .baseDirectory(folder)
            .build();
        assertEquals(folder.resolve("data"), configuration.dataDirectory());
        assertEquals("acme", configuration.frontEnd().dialect().name());
    }

    @Test
    void aDialectThatDeclaresTheCurrencyAsTextIsRefusedNamingTheField() throws IOException {
        Files.createDirectories(folder.resolve("config/dialects"));
        Files.writeString(folder.resolve("config/dialects/text-currency.dialect"), "dialect text-currency\n"
            + "extends iso87-ascii\nfield 49 ans fixed 3 ascii - - currency code, transaction\n");
        final ConfigurationException refused = assertThrows(ConfigurationException.class, () -> EngineConfigurationLoader
            .loadBuilder(write("data.dir = data\nfrontend.dialect = config/dialects/text-currency.dialect\n"), Map.of())
            .baseDirectory(folder)
            .build());
        assertTrue(refused.getMessage().contains("field 49 is declared ans, but the engine reads it as a number: "
            + "declare it n"), refused.getMessage());
    }

    @Test
    void theBuiltInDialectsDeclareEveryFieldTheEngineReadsAsANumberNumeric() {
        assertNull(DialectRequirements.problem(Dialects.ISO87_ASCII));
        assertNull(DialectRequirements.problem(Dialects.ISO87_BINARY));
    }

    private Path write(final String text) throws IOException {
        return Files.writeString(folder.resolve("cardgate-" + text.hashCode() + ".properties"), text);
    }
}
