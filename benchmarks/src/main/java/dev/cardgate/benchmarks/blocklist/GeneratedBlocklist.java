package dev.cardgate.benchmarks.blocklist;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.token.Luhn;
import dev.cardgate.engine.token.TokenKey;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Synthetic blocklists for the benchmarks: generated 16-digit PANs with valid Luhn digits, never real cards. */
public final class GeneratedBlocklist {
    /** A fixed key, so that runs are repeatable; never a production key. */
    public static final String BENCHMARK_KEY_HEX = "5a1e5a1e5a1e5a1e00112233445566778899aabbccddeeff0123456789abcdef";
    public static final TokenKey BENCHMARK_KEY = TokenKey.fromHex(BENCHMARK_KEY_HEX);

    private GeneratedBlocklist() {
    }

    /** PAN number {@code n}: "4" + n in 14 digits + Luhn digit. Distinct for distinct n below 10^14. */
    public static String pan(final long n) {
        final char[] digits = new char[16];
        digits[0] = '4';
        long rest = n;
        for (int i = 14; i >= 1; i--) {
            digits[i] = (char)('0' + rest % 10);
            rest /= 10;
        }
        final String payload = new String(digits, 0, 15);
        digits[15] = (char)('0' + Luhn.checkDigit(payload));
        return new String(digits);
    }

    /**
     * Writes an import file of PANs {@code first .. first + count - 1}: reasons in turn, every
     * third line with an expiry date and a reference, as an issuer's hot-card file might look.
     */
    public static Path writeImportFile(final Path file, final long first, final long count) throws IOException {
        final BlockReason[] reasons = BlockReason.values();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("# generated benchmark blocklist\n");
            for (long i = first; i < first + count; i++) {
                out.write(pan(i));
                out.write(',');
                out.write(reasons[(int)(i % reasons.length)].name());
                if (i % 3 == 0) {
                    out.write(",2031-12-31,CASE-");
                    out.write(Long.toString(i % 1_000_000));
                }
                out.write('\n');
            }
        }
        return file;
    }

    public static void deleteRecursively(final Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
