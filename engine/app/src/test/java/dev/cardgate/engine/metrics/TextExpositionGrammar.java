package dev.cardgate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict check of the Prometheus text exposition format (0.0.4), line by line: what {@code
 * promtool check metrics} would read, which is not available here, and the client library has
 * a writer but no parser for it. Every line is a HELP, a TYPE or a sample; a sample belongs to
 * a family typed before it (with the _total, _bucket, _sum or _count suffix its type allows);
 * label values are quoted with only \\, \" and \n escaped; values are floats; a histogram's
 * buckets carry {@code le} and end with {@code +Inf}.
 */
final class TextExpositionGrammar {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]Inf|NaN");

    private TextExpositionGrammar() {
    }

    /** @return each family's type, by name; fails the test on the first line out of the grammar */
    static Map<String, String> check(final String exposition) {
        assertTrue(exposition.endsWith("\n"), "the exposition ends with a line feed");
        final Map<String, String> types = new LinkedHashMap<>();
        String lastBucketLabels = null;
        for (final String line : exposition.split("\n")) {
            final Matcher help = HELP.matcher(line);
            final Matcher type = TYPE.matcher(line);
            final Matcher sample = SAMPLE.matcher(line);
            if (help.matches()) {
                assertTrue(!help.group(2).contains("\n"), line);
            }
            else if (type.matches()) {
                assertEquals(null, types.put(type.group(1), type.group(2)), "typed twice: " + line);
            }
            else if (sample.matches()) {
                final String family = familyOf(sample.group(1), types);
                assertNotNull(family, "a sample of no family typed before it: " + line);
                assertTrue(FLOAT.matcher(sample.group(4)).matches(), "not a float: " + line);
                final Map<String, String> labels = labels(sample.group(3) == null ? "" : sample.group(3), line);
                if (sample.group(1).endsWith("_bucket") && "histogram".equals(types.get(family))) {
                    assertTrue(labels.containsKey("le"), "a bucket without le: " + line);
                    labels.remove("le");
                    lastBucketLabels = family + labels + sample.group(0).contains("le=\"+Inf\"");
                }
                if (sample.group(1).endsWith("_count") && "histogram".equals(types.get(family))) {
                    assertEquals(family + labels + true, lastBucketLabels, "buckets not ended by +Inf: " + line);
                }
            }
            else {
                throw new AssertionError("not a HELP, TYPE or sample line: " + line);
            }
        }
        return types;
    }

    /** The family a sample name belongs to, given the suffixes its family's type allows. */
    private static String familyOf(final String name, final Map<String, String> types) {
        final String type = types.get(name);
        if (type != null) {
            return "histogram".equals(type) || "summary".equals(type) ? null : name;
        }
        for (final String suffix : Set.of("_bucket", "_sum", "_count")) {
            if (name.endsWith(suffix)) {
                final String family = name.substring(0, name.length() - suffix.length());
                final String familyType = types.get(family);
                if ("histogram".equals(familyType) || "summary".equals(familyType) && !"_bucket".equals(suffix)) {
                    return family;
                }
            }
        }
        return null;
    }

    private static Map<String, String> labels(final String text, final String line) {
        final Map<String, String> labels = new LinkedHashMap<>();
        final Matcher label = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            assertTrue(label.find(at) && label.start() == at, "bad labels at " + at + ": " + line);
            assertEquals(null, labels.put(label.group(1), label.group(2)), "label twice: " + line);
            at = label.end();
        }
        return labels;
    }
}
