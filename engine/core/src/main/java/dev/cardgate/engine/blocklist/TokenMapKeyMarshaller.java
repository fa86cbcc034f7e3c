package dev.cardgate.engine.blocklist;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.util.ReadResolvable;
import net.openhft.chronicle.hash.serialization.SizedReader;
import net.openhft.chronicle.hash.serialization.SizedWriter;
import net.openhft.chronicle.wire.WireIn;
import net.openhft.chronicle.wire.WireOut;

/**
 * Reads and writes {@link TokenMapKey} as its constant 16 bytes. Stateless: Chronicle records
 * its class name in the map file's header and resolves it back to {@link #INSTANCE}.
 * Allocates nothing when given an instance to read into.
 */
final class TokenMapKeyMarshaller
    implements SizedReader<TokenMapKey>, SizedWriter<TokenMapKey>, ReadResolvable<TokenMapKeyMarshaller> {

    static final TokenMapKeyMarshaller INSTANCE = new TokenMapKeyMarshaller();

    private TokenMapKeyMarshaller() {
    }

    @Override
    public long size(final TokenMapKey key) {
        return TokenMapKey.SIZE_BYTES;
    }

    @Override
    public void write(final Bytes<?> out, final long size, final TokenMapKey key) {
        out.writeLong(key.high);
        out.writeLong(key.low);
    }

    @Override
    public TokenMapKey read(final Bytes<?> in, final long size, final TokenMapKey using) {
        final TokenMapKey key = using != null ? using : new TokenMapKey();
        key.high = in.readLong();
        key.low = in.readLong();
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
    public TokenMapKeyMarshaller readResolve() {
        return INSTANCE;
    }
}
