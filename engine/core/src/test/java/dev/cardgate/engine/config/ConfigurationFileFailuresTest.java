package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration file that cannot be the one intended is refused, naming the file, the line and the reason. */
class ConfigurationFileFailuresTest {
    @TempDir
    Path folder;

    @Test
    void anEmptyFileIsRefusedInsteadOfRunOnDefaults() throws IOException {
        final Path file = write("");
        final String message = refused(file);
        assertTrue(message.contains(file + ": the file sets no key; a configuration file must set data.dir"),
            message);
    }

    @Test
    void aFileOfCommentsOnlyIsRefusedAsSettingNoKey() throws IOException {
        final Path file = write("# cardgate engine configuration\n\n");
        assertTrue(refused(file).contains(file + ": the file sets no key"), refused(file));
    }

    @Test
    void aFileWithoutTheDataFolderIsRefusedNamingTheKey() throws IOException {
        final Path file = write("ring.size = 64\nfrontend.port = 9000\n");
        final String message = refused(file);
        assertTrue(message.contains(file + ": data.dir is not set; a configuration file must set data.dir (or "
            + "CARDGATE_DATA_DIR must)"), message);
    }

    @Test
    void aFileCutShortInsideALineIsRefusedNamingThatLine() throws IOException {
        final Path file = write("data.dir = data\nfrontend.port = 85");
        final String message = refused(file);
        assertTrue(message.contains(file + " line 2: the file ends inside this line (no line end after it), so it"
            + " may have been cut short"), message);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheLineAndByte() throws IOException {
        final byte[] latin1 = "data.dir = data\nengine.name = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        final Path file = Files.write(folder.resolve("latin1.properties"), latin1);
        final String message = refused(file);
        assertTrue(message.contains(file + " line 2: not UTF-8 text (0xe9 at byte 18 of the line"), message);
        assertTrue(message.contains("save the file as UTF-8"), message);
    }

    @Test
    void aByteOrderMarkAtTheStartIsNotTakenForPartOfTheFirstKey() throws IOException {
        final Path file = write("\uFEFFdata.dir = data\nring.size = 64\n");
        assertEquals(64, EngineConfigurationLoader.load(file, Map.of()).ringSize());
    }

    @Test
    void aBindAddressThatIsNotOfThisHostIsRefusedNamingTheKeyAndLine() throws IOException {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this host
        final Path file = write("data.dir = data\nfrontend.bind-address = 192.0.2.1\n");
        final String message = refused(file);
        assertTrue(message.contains("frontend.bind-address = 192.0.2.1 (" + file + " line 2): allowed is an address"
            + " of this host"), message);
        assertTrue(message.contains("192.0.2.1 is not an address of any interface of this host"), message);
    }

    @Test
    void aBindAddressThatDoesNotResolveIsRefusedNamingTheKey() throws IOException {
        final Path file = write("data.dir = data\nfrontend.bind-address = no-such-host.invalid\n");
        final String message = refused(file);
        assertTrue(message.contains("frontend.bind-address = no-such-host.invalid (" + file + " line 2)"), message);
        assertTrue(message.contains("does not resolve to an address"), message);
    }

    @Test
    void theWildcardAndLoopbackAddressesAreAccepted() throws IOException {
        EngineConfigurationLoader.load(write("data.dir = data\nfrontend.bind-address = 0.0.0.0\n"), Map.of());
        EngineConfigurationLoader.load(write("data.dir = data\nfrontend.bind-address = ::1\n"), Map.of());
    }

    @Test
    void aMetricsAddressThatIsNotOfThisHostIsRefusedWhenTheEndpointIsOn() throws IOException {
        final Path file = write("data.dir = data\nmetrics.http.enabled = true\nmetrics.http.address = 192.0.2.1\n");
        final String message = refused(file);
        assertTrue(message.contains("metrics.http.address = 192.0.2.1 (" + file + " line 3): allowed is an address"
            + " of this host"), message);
    }

    private String refused(final Path file) {
        return assertThrows(ConfigurationException.class, () -> EngineConfigurationLoader.load(file, Map.of()))
            .getMessage();
    }

    private Path write(final String text) throws IOException {
        return Files.writeString(folder.resolve("cardgate-" + Integer.toHexString(text.hashCode()) + ".properties"),
            text);
    }
}
