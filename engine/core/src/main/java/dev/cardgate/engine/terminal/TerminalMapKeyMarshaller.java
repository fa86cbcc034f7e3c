package dev.cardgate.engine.terminal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.util.ReadResolvable;
import net.openhft.chronicle.hash.serialization.SizedReader;
import net.openhft.chronicle.hash.serialization.SizedWriter;
import net.openhft.chronicle.wire.WireIn;
import net.openhft.chronicle.wire.WireOut;

/** Reads and writes {@link TerminalMapKey} as its constant 8 bytes. Stateless; allocates nothing given an instance. */
final class TerminalMapKeyMarshaller
    implements SizedReader<TerminalMapKey>, SizedWriter<TerminalMapKey>, ReadResolvable<TerminalMapKeyMarshaller> {

    static final TerminalMapKeyMarshaller INSTANCE = new TerminalMapKeyMarshaller();

    private TerminalMapKeyMarshaller() {
    }

    @Override
    public long size(final TerminalMapKey key) {
        return TerminalMapKey.SIZE_BYTES;
    }

    @Override
    public void write(final Bytes<?> out, final long size, final TerminalMapKey key) {
        out.writeLong(key.packedTerminalId);
    }

    @Override
    public TerminalMapKey read(final Bytes<?> in, final long size, final TerminalMapKey using) {
        final TerminalMapKey key = using != null ? using : new TerminalMapKey();
        key.packedTerminalId = in.readLong();
        return key;
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
    public TerminalMapKeyMarshaller readResolve() {
        return INSTANCE;
    }
}
