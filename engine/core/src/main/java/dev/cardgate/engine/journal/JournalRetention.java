package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.cardgate.engine.files.OwnerOnlyFiles;

/**
 * Retires old segments by age and total size: deletes them, or moves them to an archive folder.
 * Never the segment being written, and never one that may hold records inside the replay window
 * (its last write, the file's modification time, is within the window).
 *
 * <p>Runs at start and on the journal thread after each roll: file operations only, rare.
 */
public final class JournalRetention {
    private final Path directory;
    private final long maxAgeMillis;
    private final long maxBytes;
    private final Path archiveDirectory;

    /**
     * @param maxAgeMillis     0 for no age limit
     * @param maxBytes         0 for no size limit
     * @param archiveDirectory null to delete retired segments
     */
    public JournalRetention(final Path directory, final long maxAgeMillis, final long maxBytes,
        final Path archiveDirectory) {
        this.directory = directory;
        this.maxAgeMillis = maxAgeMillis;
        this.maxBytes = maxBytes;
        this.archiveDirectory = archiveDirectory;
    }

    /** True when neither limit is set: nothing is ever retired. */
    public boolean keepsEverything() {
        return maxAgeMillis == 0 && maxBytes == 0;
    }

    /**
     * Retires what the limits allow.
     *
     * @param activeSegmentIndex the segment being written (kept)
     * @param replayFromMillis   segments written at or after this time are kept (replay needs them)
     * @return the segments retired
     */
    public List<Path> apply(final long activeSegmentIndex, final long nowMillis, final long replayFromMillis)
        throws IOException {
        final List<Path> retired = new ArrayList<>();
        if (keepsEverything()) {
            return retired;
        }
        final List<Path> segments = SegmentFiles.list(directory);
        long totalBytes = 0;
        for (final Path segment : segments) {
            totalBytes += Files.size(segment);
        }
        for (final Path segment : segments) {
            if (SegmentFiles.indexOf(segment) >= activeSegmentIndex) {
                break;
            }
            final long lastWritten = Files.getLastModifiedTime(segment).toMillis();
            if (lastWritten >= replayFromMillis) {
                break;
            }
            final boolean tooOld = maxAgeMillis > 0 && nowMillis - lastWritten > maxAgeMillis;
            final boolean tooBig = maxBytes > 0 && totalBytes > maxBytes;
            if (!tooOld && !tooBig) {
                break;
            }
            final long size = Files.size(segment);
            retire(segment);
            retired.add(segment);
            totalBytes -= size;
        }
        return retired;
    }

    private void retire(final Path segment) throws IOException {
        if (archiveDirectory == null) {
            Files.delete(segment);
            return;
        }
        if (!Files.isDirectory(archiveDirectory)) {
            Files.createDirectories(archiveDirectory, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        final Path target = archiveDirectory.resolve(segment.getFileName());
        Files.move(segment, target, StandardCopyOption.ATOMIC_MOVE);
        if (OwnerOnlyFiles.describeExcessPermissions(target) != null) {
            Files.setPosixFilePermissions(target, OwnerOnlyFiles.OWNER_READ_WRITE);
        }
    }
}
