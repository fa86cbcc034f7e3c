package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * {@code cardgate journal} over records whose text fields (37, 41, 42) hold every byte value,
 * as a terminal may send them: the JSON lines parse, with each byte as one character, and the
 * text lines hold nothing but printable ASCII.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalEveryByteTest {
    private static final int RECORDS = 32;

    @TempDir
    Path folder;

    private OperatorFixture cardgate;
    private final List<Map<String, String>> written = new ArrayList<>();

    @BeforeEach
    void journalRecordsWithEveryByteInEveryTextField() throws Exception {
        cardgate = OperatorFixture.in(folder);
        final CountDownLatch answered = new CountDownLatch(RECORDS);
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            for (int r = 0; r < RECORDS; r++) {
                final byte[] rrn = bytes(r, AuthorizationEvent.RETRIEVAL_REFERENCE_LENGTH);
                final byte[] terminal = bytes(r, AuthorizationEvent.TERMINAL_ID_LENGTH);
                final byte[] merchant = bytes(r, AuthorizationEvent.MERCHANT_ID_LENGTH);
                final long sequence = engine.claim();
                final AuthorizationEvent event = engine.claimedEvent(sequence);
                event.messageTypeIndicator(100).systemTraceAuditNumber(r + 1).amountMinor(1_250).currencyCode(978)
                    .retrievalReferenceNumber(new UnsafeBuffer(rrn), 0).terminalId(new UnsafeBuffer(terminal), 0)
                    .merchantId(new UnsafeBuffer(merchant), 0).listener(decided -> answered.countDown());
                engine.publish(sequence);
                written.add(Map.of("retrievalReferenceNumber", text(rrn), "terminalId", text(terminal),
                    "merchantId", text(merchant)));
            }
            assertTrue(answered.await(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void everyJsonLineParsesWithEachByteOfEachTextField() throws IOException {
        final OperatorRun json = cardgate.run("journal", "--json");
        assertEquals(0, json.status(), json.printed());
        final List<String> lines = json.out().lines().toList();
        assertEquals(RECORDS, lines.size(), json.printed());
        final JsonFactory factory = new JsonFactory();
        for (int r = 0; r < RECORDS; r++) {
            final Map<String, String> strings = new HashMap<>();
            try (JsonParser parser = factory.createParser(lines.get(r))) {
                assertEquals(JsonToken.START_OBJECT, parser.nextToken());
                int depth = 1;
                while (depth > 0) {
                    final JsonToken token = parser.nextToken();
                    depth += token == JsonToken.START_OBJECT ? 1 : token == JsonToken.END_OBJECT ? -1 : 0;
                    if (token == JsonToken.VALUE_STRING && depth == 1) {
                        strings.put(parser.currentName(), parser.getText());
                    }
                }
                assertEquals(null, parser.nextToken(), "one object per line: " + lines.get(r));
            }
            for (final Map.Entry<String, String> field : written.get(r).entrySet()) {
                assertEquals(field.getValue(), strings.get(field.getKey()), field.getKey() + " of record " + r);
            }
        }
    }

    @Test
    void textLinesShowControlBytesAsEscapes() {
        final OperatorRun text = cardgate.run("journal");
        assertEquals(0, text.status(), text.printed());
        text.out().lines().forEach(line -> line.chars().forEach(c -> assertTrue(c >= 0x20 && c < 0x7f,
            () -> "not printable: " + (int)c + " in " + line)));
        assertTrue(text.out().contains("\\x1b"), text.printed());
    }

    /** Bytes r * width to r * width + width - 1, modulo 256: over 32 records, every byte value. */
    private static byte[] bytes(final int record, final int width) {
        final byte[] bytes = new byte[width];
        for (int i = 0; i < width; i++) {
            bytes[i] = (byte)(record * width + i);
        }
        return bytes;
    }

    /** As the journal reader gives it: one character per byte, trailing spaces removed. */
    private static String text(final byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == ' ') {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }
}
