package dev.cardgate.engine.terminal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.util.ReadResolvable;
import net.openhft.chronicle.hash.serialization.SizedReader;
import net.openhft.chronicle.hash.serialization.SizedWriter;
import net.openhft.chronicle.wire.WireIn;
import net.openhft.chronicle.wire.WireOut;

/**
 * Reads and writes {@link StoredTerminal} in the layout drawn there. Reading copies the raw
 * fields without judging them; the caller reports a damaged entry. Stateless; allocates nothing
 * when given an instance to read into.
 */
final class StoredTerminalMarshaller
    implements SizedReader<StoredTerminal>, SizedWriter<StoredTerminal>, ReadResolvable<StoredTerminalMarshaller> {

    static final StoredTerminalMarshaller INSTANCE = new StoredTerminalMarshaller();

    private StoredTerminalMarshaller() {
    }

    @Override
    public long size(final StoredTerminal terminal) {
        return StoredTerminal.SIZE_BYTES;
    }

    @Override
    public void write(final Bytes<?> out, final long size, final StoredTerminal terminal) {
        out.writeByte((byte)terminal.layoutVersion);
        out.writeByte((byte)terminal.statusOrdinal);
        out.writeByte((byte)terminal.flags);
        out.writeByte((byte)terminal.softwareVersionParts);
        out.writeInt(terminal.merchantCategoryCode);
        out.writeInt(terminal.countryCode);
        out.writeInt(0);
        out.writeLong(terminal.merchantHigh);
        out.writeLong(terminal.merchantLow);
        out.writeLong(terminal.region);
        out.writeLong(terminal.group);
        out.writeLong(terminal.model);
        out.writeLong(terminal.softwareVersion);
        out.writeLong(terminal.lastHeardEpochMillis);
    }

    @Override
    public StoredTerminal read(final Bytes<?> in, final long size, final StoredTerminal using) {
        final StoredTerminal terminal = using != null ? using : new StoredTerminal();
        terminal.layoutVersion = in.readUnsignedByte();
        terminal.statusOrdinal = in.readUnsignedByte();
        terminal.flags = in.readUnsignedByte();
        terminal.softwareVersionParts = in.readUnsignedByte();
        terminal.merchantCategoryCode = in.readInt();
        terminal.countryCode = in.readInt();
        in.readSkip(4);
        terminal.merchantHigh = in.readLong();
        terminal.merchantLow = in.readLong();
        terminal.region = in.readLong();
        terminal.group = in.readLong();
        terminal.model = in.readLong();
        terminal.softwareVersion = in.readLong();
        terminal.lastHeardEpochMillis = in.readLong();
        return terminal;
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
    public StoredTerminalMarshaller readResolve() {
        return INSTANCE;
    }
}
