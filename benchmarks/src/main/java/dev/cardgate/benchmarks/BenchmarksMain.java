package dev.cardgate.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmarks jar's entry point: JMH's own command line, with {@code -prof gc} added when it
 * is not given, so that every run records {@code gc.alloc.rate.norm} (bytes allocated per
 * operation) beside its times.
 */
public final class BenchmarksMain {
    private BenchmarksMain() {
    }

    public static void main(final String[] arguments) throws Exception {
        org.openjdk.jmh.Main.main(withGcProfiler(arguments));
    }

    static String[] withGcProfiler(final String[] arguments) {
        for (int i = 0; i + 1 < arguments.length; i++) {
            if ("-prof".equals(arguments[i]) && arguments[i + 1].startsWith("gc")) {
                return arguments;
            }
        }
        final List<String> extended = new ArrayList<>(Arrays.asList(arguments));
        extended.add("-prof");
        extended.add("gc");
        return extended.toArray(String[]::new);
    }
}
