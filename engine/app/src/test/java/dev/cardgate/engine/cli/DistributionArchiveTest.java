package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a host without Maven or the sources gets it: unpacked into a
 * temporary folder, it holds bin/, lib/, config/ (with the systemd unit), docs/, the README,
 * LICENSE and CHANGELOG, and no source tree; the README's command, {@code bin/cardgate selfcheck},
 * run from another folder with a {@code mvn} on the PATH that fails if called, starts the
 * engine from lib/ and passes. Runs in the verify phase of {@code -Pdist}, after the archive is
 * packed (tag "dist", excluded from the ordinary test run).
 */
@Tag("dist")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DistributionArchiveTest {
    @TempDir
    Path folder;

    @Test
    void theUnpackedArchiveRunsTheSelfCheckWithAJdkAlone() throws Exception {
        final String version = System.getProperty("cardgate.dist.version");
        final Path archive = Path.of(System.getProperty("cardgate.dist.archive"));
        assertTrue(Files.isRegularFile(archive), "no archive at " + archive + ": build it with -Pdist");
        final Path unpacked = Files.createDirectories(folder.resolve("opt"));
        assertEquals(0, run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()), unpacked,
            Map.of()).exitCode);
        final Path home = unpacked.resolve("cardgate-" + version);

        for (final String file : List.of("bin/cardgate", "config/jvm.options", "config/cardgate.properties",
            "config/systemd/cardgate.service", "docs/embedding.md", "docs/observability.md", "README.md", "LICENSE",
            "CHANGELOG.md", "lib/cardgate-core-" + version + ".jar", "lib/cardgate-app-" + version + ".jar",
            "lib/cardgate-frontend-" + version + ".jar", "lib/cardgate-codec-" + version + ".jar")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), "the archive has no " + file);
        }
        assertTrue(Files.getPosixFilePermissions(home.resolve("bin/cardgate")).contains(PosixFilePermission.OWNER_EXECUTE));
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
        assertTrue(Files.readString(home.resolve("config/systemd/cardgate.service")).contains("SuccessExitStatus=143"));
        try (Stream<Path> top = Files.list(home)) {
            assertEquals(Set.of("bin", "lib", "config", "docs", "README.md", "LICENSE", "CHANGELOG.md"),
                top.map(path -> path.getFileName().toString()).collect(Collectors.toSet()), "no pom, no sources");
        }

        final Path noMaven = Files.createDirectories(folder.resolve("no-maven"));
        final Path mvn = Files.writeString(noMaven.resolve("mvn"), "#!/bin/sh\necho 'maven was called' >&2\nexit 97\n");
        mvn.toFile().setExecutable(true);
        final String javaHome = System.getProperty("java.home");
        final Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        final Result selfCheck = run(List.of(home.resolve("bin/cardgate").toString(), "selfcheck"), elsewhere,
            Map.of("PATH", noMaven + ":" + javaHome + "/bin:/usr/bin:/bin", "JAVA_HOME", javaHome));

        assertEquals(0, selfCheck.exitCode, selfCheck.output);
        assertTrue(selfCheck.output.contains("self-check passed"), selfCheck.output);
        assertFalse(selfCheck.output.contains("maven was called"), selfCheck.output);
        // the self-check runs in a temporary folder of its own, never the configured data folder
        assertFalse(Files.exists(home.resolve("data")), "the self-check wrote a data folder into the installation");
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertEquals(0, left.count(), "nothing written in the working directory");
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(final List<String> command, final Path directory, final Map<String, String> environment)
        throws IOException, InterruptedException {
        final ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        if (!environment.isEmpty()) {
            builder.environment().keySet().removeIf(name -> name.startsWith("CARDGATE_") || name.startsWith("MAVEN"));
            builder.environment().putAll(environment);
        }
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "still running: " + command);
        return new Result(process.exitValue(), output);
    }
}
