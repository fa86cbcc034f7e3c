package dev.cardgate.engine.counters;

import org.agrona.concurrent.status.CountersReader;

/**
 * The layout of the engine's counters file, {@code <data.dir>/counters.dat}, little-endian:
 * a header, then the two buffers of Agrona's {@link org.agrona.concurrent.status.CountersManager}
 * as it expects them, so that a {@link CountersReader} in another process reads them.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Magic, ASCII "CGCOUNTR" (written last)        |   0
 *  +---------------------------------------------------------------+
 *  | Layout Version (int, 1)       | Counter Capacity (int)        |   8
 *  +---------------------------------------------------------------+
 *  |                 Process Id of the engine                      |  16
 *  +---------------------------------------------------------------+
 *  |                 Started, epoch milliseconds                   |  24
 *  +---------------------------------------------------------------+
 *  |                 Reserved, zero (96 bytes)                     |  32
 *  +---------------------------------------------------------------+
 *  |  Metadata buffer: capacity x 512 bytes (type id, key, label)  | 128
 *  +---------------------------------------------------------------+
 *  |  Values buffer: capacity x 128 bytes (one long per counter,   |
 *  |  padded to its own cache lines)                               |
 *  +---------------------------------------------------------------+
 * </pre>
 * The engine creates the file afresh at each start (owner-only) and writes the magic after
 * the rest of the header, so a reader sees either no magic or a whole header. The heartbeat
 * counter ({@link CounterTypes#HEARTBEAT}) carries the time the engine last published, which
 * tells a reader whether the file is stale.
 */
public final class CountersFileDescriptor {
    /** The file's name in the data folder. */
    public static final String FILE_NAME = "counters.dat";
    /** "CGCOUNTR" read as a little-endian long. */
    public static final long MAGIC = 0x5254_4E55_4F43_4743L;
    /** The layout this code writes and reads. */
    public static final int LAYOUT_VERSION = 1;
    /** Bytes of the header; the metadata buffer starts here. */
    public static final int HEADER_LENGTH = 128;

    public static final int MAGIC_OFFSET = 0;
    public static final int LAYOUT_VERSION_OFFSET = 8;
    public static final int CAPACITY_OFFSET = 12;
    public static final int PROCESS_ID_OFFSET = 16;
    public static final int START_TIME_OFFSET = 24;

    private CountersFileDescriptor() {
    }

    /** Bytes of the metadata buffer for {@code capacity} counters. */
    public static int metadataLength(final int capacity) {
        return capacity * CountersReader.METADATA_LENGTH;
    }

    /** Bytes of the values buffer for {@code capacity} counters. */
    public static int valuesLength(final int capacity) {
        return capacity * CountersReader.COUNTER_LENGTH;
    }

    /** Where the values buffer starts. */
    public static int valuesOffset(final int capacity) {
        return HEADER_LENGTH + metadataLength(capacity);
    }

    /** The whole file's length. */
    public static int fileLength(final int capacity) {
        return valuesOffset(capacity) + valuesLength(capacity);
    }
}
