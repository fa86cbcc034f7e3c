package dev.cardgate.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that a file an operator named is there, before a command starts on it. */
final class InputFiles {
    private InputFiles() {
    }

    /** @throws OperatorFailure (bad input) naming the file when it is missing or not a readable file */
    static Path requireReadable(final Path file, final String what) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new OperatorFailure(OperatorCommand.BAD_INPUT, "there is no readable " + what + " at "
                + file.toAbsolutePath().normalize() + ": check the path" + (Files.isDirectory(file)
                ? " (it is a folder)" : ""));
        }
        return file;
    }
}
