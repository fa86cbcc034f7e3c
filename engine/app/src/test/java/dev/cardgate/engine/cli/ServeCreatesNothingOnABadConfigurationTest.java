package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code cardgate serve} refuses a configuration it cannot serve before it creates the data folder or a key. */
@Timeout(60)
class ServeCreatesNothingOnABadConfigurationTest {
    @TempDir
    Path folder;

    @Test
    void aBindAddressOfAnotherHostExits2WithoutCreatingTheDataFolder() throws Exception {
        final Path data = folder.resolve("data");
        final Path configuration = Files.writeString(folder.resolve("cardgate.properties"), "data.dir = " + data
            + "\nfrontend.port = 0\nfrontend.bind-address = 192.0.2.1\nblocklist.capacity = 1000\n");

        assertEquals(2, CardgateCommand.execute("serve", "--config", configuration.toString()));

        assertFalse(Files.exists(data), "the data folder (and its token key) was created for a refused start");
    }
}
