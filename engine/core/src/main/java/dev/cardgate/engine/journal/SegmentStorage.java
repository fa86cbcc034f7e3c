package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The journal's file operations: creating, opening and syncing segments. The one seam through
 * which the writer touches the disk, so that a test can make any of them fail (disk full, I/O
 * error) on real files; {@link FileSegmentStorage} is the real thing.
 *
 * <p>Contract: an operation that throws has changed nothing the writer relies on; the writer
 * retries it later.
 */
public interface SegmentStorage {
    /**
     * Creates {@code file} (it must not exist) owner-only, {@code length} bytes of zeros actually
     * allocated on the disk (so that a full disk fails here, not later in a mapped write), and
     * maps it read-write.
     */
    SegmentFile create(Path file, int length) throws IOException;

    /** Maps an existing segment read-write, to append after its last record. */
    SegmentFile openForAppend(Path file) throws IOException;

    /** Forces bytes {@code [from, from + length)} of the segment to the disk. */
    void force(SegmentFile segment, int from, int length) throws IOException;

    /** Forces the folder's entries (a new segment's name) to the disk. */
    void forceDirectory(Path directory) throws IOException;
}
