package dev.cardgate.engine.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

import dev.cardgate.engine.files.OwnerOnlyFiles;

/**
 * The control channel's folder, {@code <data.dir>/control} (rwx------), and the files in it:
 * <pre>
 *   engine.alive   the running engine's heartbeat: its modification time is renewed every second;
 *                  deleted when the engine closes
 *   ID.request     a command ("rules-reload"), written by an operator's process
 *   ID.result      the engine's answer to request ID, for that process to read and delete
 * </pre>
 * Every file is written whole (an owner-only temporary file, then a hard link to its name), so a
 * reader sees either no file or all of it. Only the folder's owner can put a request there.
 */
final class ControlFolder {
    static final String FOLDER_NAME = "control";
    static final String HEARTBEAT = "engine.alive";
    static final String REQUEST_SUFFIX = ".request";
    static final String RESULT_SUFFIX = ".result";
    static final String RULES_RELOAD = "rules-reload";
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private ControlFolder() {
    }

    static Path of(final Path dataDirectory) {
        return dataDirectory.resolve(FOLDER_NAME);
    }

    static void createIfAbsent(final Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        }
    }

    /** Writes {@code content} to {@code file}, which must not exist, all at once. */
    static void writeWhole(final Path file, final String content) throws IOException {
        OwnerOnlyFiles.writeNew(file, content.getBytes(StandardCharsets.UTF_8));
    }
}
