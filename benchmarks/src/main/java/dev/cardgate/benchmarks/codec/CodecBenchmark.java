package dev.cardgate.benchmarks.codec;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.Iso8583Encoder;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.jpos.iso.ISOBasePackager;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures decoding a typical 0100 (20 fields) and encoding its 0110 by echoing the request's
 * fields, per dialect, against jPOS unpacking and packing the same messages.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CodecBenchmark {
    private static final int FIELD_11_SYSTEM_TRACE_AUDIT_NUMBER = 11;
    private static final int FIELD_38_AUTHORIZATION_ID = 38;
    private static final int FIELD_39_RESPONSE_CODE = 39;
    private static final int[] ECHOED_BEFORE_38 = {2, 3, 4, 7, 11, 12, 13, 14, 18, 22, 25, 32, 37};
    private static final int[] ECHOED_AFTER_39 = {41, 42, 49};

    @Param({Dialects.ISO87_ASCII_NAME, Dialects.ISO87_BINARY_NAME})
    public String dialect;

    private UnsafeBuffer request;
    private int requestLength;
    private UnsafeBuffer response;
    private Iso8583Decoder decoder;
    private Iso8583Encoder encoder;

    private ISOBasePackager jposPackager;
    private byte[] jposRequestBytes;
    private ISOMsg jposResponse;

    @Setup
    public void setUp() throws ISOException {
        final Dialect ours = Dialects.builtIn(dialect);
        jposPackager = Dialects.ISO87_ASCII_NAME.equals(dialect) ? new ISO87APackager() : new ISO87BPackager();
        final ISOMsg jposRequest = SampleMessages.authorizationRequest();
        jposRequest.setPackager(jposPackager);
        jposRequestBytes = jposRequest.pack();
        jposResponse = SampleMessages.authorizationResponse(jposRequest);
        jposResponse.setPackager(jposPackager);

        request = new UnsafeBuffer(jposRequestBytes);
        requestLength = jposRequestBytes.length;
        response = new UnsafeBuffer(new byte[1024]);
        decoder = new Iso8583Decoder(ours);
        encoder = new Iso8583Encoder(ours);
        decoder.wrap(request, 0, requestLength);
    }

    /** Ours: wrap the 0100 (reads, checks and indexes every field) and read the STAN. */
    @Benchmark
    public long decodeRequest() {
        return decoder.wrap(request, 0, requestLength).numeric(FIELD_11_SYSTEM_TRACE_AUDIT_NUMBER);
    }

    /** Ours: encode the 0110 from the decoded 0100, echoing 16 fields and adding 38 and 39. */
    @Benchmark
    public int encodeResponse() {
        return encoder.wrap(response, 0)
            .messageType(110)
            .copyFields(decoder, ECHOED_BEFORE_38)
            .putText(FIELD_38_AUTHORIZATION_ID, "A1B2C3")
            .putText(FIELD_39_RESPONSE_CODE, "00")
            .copyFields(decoder, ECHOED_AFTER_39)
            .finish();
    }

    /** Baseline: jPOS unpacks the same 0100 into a new ISOMsg and reads the STAN. */
    @Benchmark
    public String jposUnpackRequest() throws ISOException {
        final ISOMsg message = new ISOMsg();
        message.setPackager(jposPackager);
        message.unpack(jposRequestBytes);
        return message.getString(FIELD_11_SYSTEM_TRACE_AUDIT_NUMBER);
    }

    /** Baseline: jPOS packs the same 0110. */
    @Benchmark
    public byte[] jposPackResponse() throws ISOException {
        return jposResponse.pack();
    }
}
