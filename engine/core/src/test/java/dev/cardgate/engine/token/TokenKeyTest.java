package dev.cardgate.engine.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenKeyTest {
    private static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @TempDir
    Path directory;

    @Test
    void createsAKeyFileOwnerOnlyOnFirstUse() throws Exception {
        final Path keyFile = directory.resolve("keys/token.key");
        final TokenKey key = TokenKey.loadOrCreate(keyFile);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        final String content = Files.readString(keyFile, StandardCharsets.US_ASCII);
        assertTrue(content.matches("[0-9a-f]{64}\n"), "key file holds 64 hex digits and a newline");
        assertEquals(key.fingerprint(), TokenKey.fromHex(content.strip()).fingerprint());
        try (var leftovers = Files.list(keyFile.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file is left behind");
        }
    }

    @Test
    void loadsTheSameKeyOnTheNextStart() {
        final Path keyFile = directory.resolve("token.key");
        final TokenKey first = TokenKey.loadOrCreate(keyFile);
        final TokenKey second = TokenKey.loadOrCreate(keyFile);
        assertEquals(first.fingerprint(), second.fingerprint());
        final CardToken one = new CardToken();
        final CardToken two = new CardToken();
        first.newTokenizer().tokenize(TestPans.VISA, one);
        second.newTokenizer().tokenize(TestPans.VISA, two);
        assertEquals(one, two);
    }

    @Test
    void twoKeyFilesHoldDifferentKeys() {
        assertNotEquals(TokenKey.loadOrCreate(directory.resolve("a.key")).fingerprint(),
            TokenKey.loadOrCreate(directory.resolve("b.key")).fingerprint());
    }

    @Test
    @Timeout(30)
    void processesStartingTogetherAllLoadTheOneKeyCreated() throws Exception {
        final Path keyFile = directory.resolve("token.key");
        final int starters = 4;
        final ExecutorService pool = Executors.newFixedThreadPool(starters);
        try {
            final CountDownLatch go = new CountDownLatch(1);
            final List<Future<String>> fingerprints = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                fingerprints.add(pool.submit(() -> {
                    go.await();
                    return TokenKey.loadOrCreate(keyFile).fingerprint();
                }));
            }
            go.countDown();
            final Set<String> distinct = new HashSet<>();
            for (final Future<String> fingerprint : fingerprints) {
                distinct.add(fingerprint.get());
            }
            assertEquals(1, distinct.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        final Path keyFile = directory.resolve("token.key");
        TokenKey.loadOrCreate(keyFile);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        final TokenKeyException refused = assertThrows(TokenKeyException.class, () -> TokenKey.loadOrCreate(keyFile));
        assertTrue(refused.getMessage().contains(keyFile.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("rw-r--r--"), refused.getMessage());
        assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
    }

    @Test
    void refusesAKeyFileTheGroupCanRead() throws Exception {
        final Path keyFile = directory.resolve("token.key");
        TokenKey.loadOrCreate(keyFile);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r-----"));
        assertThrows(TokenKeyException.class, () -> TokenKey.loadOrCreate(keyFile));
    }

    @Test
    void refusesAKeyFileOfTheWrongSize() throws Exception {
        final Path keyFile = directory.resolve("token.key");
        Files.writeString(keyFile, KEY_HEX.substring(2) + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        final TokenKeyException refused = assertThrows(TokenKeyException.class, () -> TokenKey.loadOrCreate(keyFile));
        assertTrue(refused.getMessage().contains("63 bytes"), refused.getMessage());
    }

    @Test
    void refusesAKeyFileThatIsNotHex() throws Exception {
        final Path keyFile = directory.resolve("token.key");
        Files.writeString(keyFile, "z" + KEY_HEX.substring(1));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        final TokenKeyException refused = assertThrows(TokenKeyException.class, () -> TokenKey.loadOrCreate(keyFile));
        assertTrue(refused.getMessage().contains("character 1 is not a hexadecimal digit"), refused.getMessage());
    }

    @Test
    void fromHexRefusesAWrongKeyWithoutRepeatingIt() {
        final String wrong = KEY_HEX + "00";
        final TokenKeyException refused = assertThrows(TokenKeyException.class, () -> TokenKey.fromHex(wrong));
        assertFalse(refused.getMessage().contains(wrong));
        assertTrue(refused.getMessage().contains("66 characters"), refused.getMessage());
        assertThrows(TokenKeyException.class, () -> TokenKey.fromHex(null));
    }

    @Test
    void fingerprintIsSixteenHexDigitsAndNeitherItNorToStringShowTheKey() {
        final TokenKey key = TokenKey.fromHex(KEY_HEX);
        assertTrue(key.fingerprint().matches("[0-9a-f]{16}"));
        assertFalse(KEY_HEX.contains(key.fingerprint()));
        assertFalse(key.toString().contains(KEY_HEX.substring(0, 16)));
        assertEquals(key.fingerprint(), TokenKey.fromHex(KEY_HEX.toUpperCase()).fingerprint());
    }
}
