package dev.cardgate.engine.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates files readable and writable by their owner only (rw-------), with the permissions
 * set by the same system call that creates the file, so no other user can open it in between.
 * Requires a POSIX file system; on any other the calls fail rather than create a readable file.
 */
public final class OwnerOnlyFiles {
    /** rw-------. */
    public static final Set<PosixFilePermission> OWNER_READ_WRITE =
        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {
    }

    /** The attribute to pass to {@code Files.createFile} or {@code FileChannel.open}. */
    public static FileAttribute<Set<PosixFilePermission>> ownerReadWrite() {
        return PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
    }

    /**
     * Creates {@code file}, empty and owner-only.
     *
     * @return false when the file already existed (it is left untouched)
     */
    public static boolean createEmptyIfAbsent(final Path file) throws IOException {
        try {
            Files.createFile(file, ownerReadWrite());
            return true;
        } catch (final FileAlreadyExistsException alreadyThere) {
            return false;
        }
    }

    /**
     * Writes {@code content} to {@code file}, which must not exist, so that another process sees
     * either no file or the whole content, never a part: the content goes to an owner-only
     * temporary file in the same directory, is forced to disk, then hard-linked to its name
     * (link, unlike rename, fails when the name is taken).
     *
     * @throws FileAlreadyExistsException when another process created {@code file} first
     */
    public static void writeNew(final Path file, final byte[] content) throws IOException {
        final Path directory = file.toAbsolutePath().getParent();
        final Path temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp",
            ownerReadWrite());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                final ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * @return a description of the group and others permissions of {@code file}, or null when it
     *     is owner-only
     */
    public static String describeExcessPermissions(final Path file) throws IOException {
        final PosixFileAttributeView view =
            Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException("the file system of " + file + " has no POSIX permissions, so "
                + "cardgate cannot tell who may read it");
        }
        final Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        for (final PosixFilePermission permission : permissions) {
            if (GROUP_OR_OTHERS.contains(permission)) {
                return PosixFilePermissions.toString(permissions);
            }
        }
        return null;
    }
}
