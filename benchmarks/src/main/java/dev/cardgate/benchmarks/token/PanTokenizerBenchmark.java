package dev.cardgate.benchmarks.token;

import dev.cardgate.benchmarks.blocklist.GeneratedBlocklist;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The card token of a 16-digit PAN (HMAC-SHA-256 truncated to 128 bits), from a String and from a
 * buffer, against {@code javax.crypto.Mac} computing the same HMAC. Run with {@code -prof gc}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Thread)
public class PanTokenizerBenchmark {
    private static final String PAN = "4111111111111111";

    private PanTokenizer tokenizer;
    private final CardToken token = new CardToken();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final byte[] panBytes = PAN.getBytes(StandardCharsets.US_ASCII);
    private Mac mac;

    @Setup
    public void setUp() throws Exception {
        tokenizer = GeneratedBlocklist.BENCHMARK_KEY.newTokenizer();
        buffer.putStringWithoutLengthAscii(7, PAN);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    }

    /** Ours: the token of a PAN held as a String, into a reused CardToken. */
    @Benchmark
    public CardToken tokenizeString() {
        tokenizer.tokenize(PAN, token);
        return token;
    }

    /** Ours: the token of a PAN read in place from a buffer, as the front-end does from field 2. */
    @Benchmark
    public CardToken tokenizeDirectBuffer() {
        tokenizer.tokenize(buffer, 7, PAN.length(), token);
        return token;
    }

    /** Baseline: the JDK's HMAC, which allocates its result on every call. */
    @Benchmark
    public CardToken javaxCryptoMac() {
        final ByteBuffer result = ByteBuffer.wrap(mac.doFinal(panBytes));
        return token.set(result.getLong(0), result.getLong(8));
    }
}
