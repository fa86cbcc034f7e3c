package dev.cardgate.engine.blocklist;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.util.ReadResolvable;
import net.openhft.chronicle.hash.serialization.SizedReader;
import net.openhft.chronicle.hash.serialization.SizedWriter;
import net.openhft.chronicle.wire.WireIn;
import net.openhft.chronicle.wire.WireOut;

/**
 * Reads and writes {@link StoredEntry} in the layout drawn there, always {@value StoredEntry#SIZE_BYTES}
 * bytes. Reading copies the raw fields without judging them, so that a corrupt value is reported
 * by the caller, which knows the token. Stateless; allocates nothing when given an instance to
 * read into.
 */
final class StoredEntryMarshaller
    implements SizedReader<StoredEntry>, SizedWriter<StoredEntry>, ReadResolvable<StoredEntryMarshaller> {

    static final StoredEntryMarshaller INSTANCE = new StoredEntryMarshaller();

    private static final int RESERVED_BYTES = StoredEntry.ADDED_AT_OFFSET - StoredEntry.REFERENCE_LENGTH_OFFSET - 1;

    private StoredEntryMarshaller() {
    }

    @Override
    public long size(final StoredEntry entry) {
        return StoredEntry.SIZE_BYTES;
    }

    @Override
    public void write(final Bytes<?> out, final long size, final StoredEntry entry) {
        out.writeByte((byte)entry.layoutVersion);
        out.writeByte((byte)entry.reasonOrdinal);
        out.writeByte((byte)entry.referenceLength);
        for (int i = 0; i < RESERVED_BYTES; i++) {
            out.writeByte((byte)0);
        }
        out.writeLong(entry.addedEpochMillis);
        out.writeLong(entry.expiresEpochMillis);
        out.write(entry.reference, 0, StoredEntry.REFERENCE_CAPACITY);
    }

    @Override
    public StoredEntry read(final Bytes<?> in, final long size, final StoredEntry using) {
        final StoredEntry entry = using != null ? using : new StoredEntry();
        entry.layoutVersion = in.readUnsignedByte();
        entry.reasonOrdinal = in.readUnsignedByte();
        entry.referenceLength = in.readUnsignedByte();
        in.readSkip(RESERVED_BYTES);
        entry.addedEpochMillis = in.readLong();
        entry.expiresEpochMillis = in.readLong();
        in.read(entry.reference, 0, StoredEntry.REFERENCE_CAPACITY);
        return entry;
    }

    @Override
    public void writeMarshallable(final WireOut wire) {
        // stateless: nothing to record beyond the class name
    }

    @Override
    public void readMarshallable(final WireIn wire) {
        // stateless: nothing to read
    }

    @Override
    public StoredEntryMarshaller readResolve() {
        return INSTANCE;
    }
}
