package dev.cardgate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cardgate.engine.config.LogFormat;

/** Log lines are one line each, valid JSON in json mode, and never carry a card number. */
class StructuredLogFormatterTest {
    private static final String PAN = "4111111111111111";

    @Test
    void neverPrintsACardNumberInTheMessageOrTheStackTrace() {
        for (final LogFormat format : LogFormat.values()) {
            final String line = new StructuredLogFormatter(format).format(recordWithCardNumber());
            assertFalse(line.contains(PAN), line);
            assertTrue(line.contains("411111******1111"), line);
        }
    }

    @Test
    void jsonModeWritesOneValidJsonObjectPerLine() throws IOException {
        final String line = new StructuredLogFormatter(LogFormat.JSON).format(recordWithCardNumber());
        assertEquals(1, line.split("\n", -1).length - 1, "one line: " + line);
        final Map<String, String> fields = parseJsonObject(line);
        assertEquals("WARNING", fields.get("level"));
        assertEquals("dev.cardgate.engine.test", fields.get("logger"));
        assertEquals("declined card 411111******1111 at \"TERM0001\"\nsecond line", fields.get("message"));
        assertTrue(fields.get("error").startsWith("java.lang.IllegalStateException: bad card 411111******1111"),
            fields.get("error"));
    }

    @Test
    void keyValueModeQuotesAndEscapesOntoOneLine() {
        final String line = new StructuredLogFormatter(LogFormat.KEYVALUE).format(recordWithCardNumber());
        assertEquals(1, line.split("\n", -1).length - 1, "one line: " + line);
        assertTrue(line.contains(" level=WARNING logger=dev.cardgate.engine.test "), line);
        assertTrue(line.contains("message=\"declined card 411111******1111 at \\\"TERM0001\\\"\\nsecond line\""),
            line);
    }

    @Test
    void numbersThatAreNotCardNumbersAreLeftAlone() {
        assertEquals("stan 000123, amount 000000002500, 4111111111111112",
            PanScrubber.scrub("stan 000123, amount 000000002500, 4111111111111112"));
    }

    @Test
    void leavesTheNumberOfAFileNameTheEngineNamesAlone() {
        final String skipped = "skipped /srv/cardgate/journal/journal-0000000000000000.seg: damaged; next is "
            + "journal-4111111111111111.seg";
        assertEquals(skipped, PanScrubber.scrub(skipped));
        final LogRecord record = new LogRecord(Level.WARNING, skipped);
        for (final LogFormat format : LogFormat.values()) {
            assertTrue(new StructuredLogFormatter(format).format(record).contains("journal-0000000000000000.seg"));
        }
    }

    @Test
    void masksACardNumberThatIsNotWrittenAsAFileName() {
        assertEquals("card 411111******1111. Next 411111******1111.seg, x-411111******1111.Seg, "
                + "y_411111******1111.segment9, z-411111******1111",
            PanScrubber.scrub("card " + PAN + ". Next " + PAN + ".seg, x-" + PAN + ".Seg, y_" + PAN + ".segment9, z-"
                + PAN));
    }

    private static LogRecord recordWithCardNumber() {
        final LogRecord record = new LogRecord(Level.WARNING, "declined card " + PAN + " at \"TERM0001\"\nsecond line");
        record.setLoggerName("dev.cardgate.engine.test");
        record.setThrown(new IllegalStateException("bad card " + PAN));
        return record;
    }

    private static Map<String, String> parseJsonObject(final String line) throws IOException {
        final Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                final String name = parser.currentName();
                assertEquals(JsonToken.VALUE_STRING, parser.nextToken());
                fields.put(name, parser.getText());
            }
            assertEquals(JsonToken.END_OBJECT, parser.currentToken());
            assertEquals(null, parser.nextToken());
        }
        return fields;
    }
}
