package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.journal.JournalQuery;
import dev.cardgate.engine.journal.JournalReader;
import dev.cardgate.engine.journal.RecordFormatter;

/** Field 37, the retrieval reference number, travels from the request to the answer and the journal. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetrievalReferenceNumberTest {
    @TempDir
    Path dataDirectory;

    @Test
    void field37IsEchoedAndJournaled() throws Exception {
        try (AuthorizationEngine engine = TestFrontEnds.launchEngine(dataDirectory);
            FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(Dialects.ISO87_ASCII_NAME,
                LengthHeader.ASCII_4, false));
            RawTerminal terminal = new RawTerminal(new InetSocketAddress("127.0.0.1",
                frontEnd.localAddress().getPort()))) {
            final ISOMsg request = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 1);
            request.set(37, "633012345678");
            terminal.send(RawTerminal.frame(request));
            final ISOMsg answer = terminal.receive();
            assertEquals("00", answer.getString(39));
            assertEquals("633012345678", answer.getString(37));
            terminal.send(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 2)));
            assertEquals("00", terminal.receive().getString(39));
        }
        final List<String> lines = new ArrayList<>();
        final List<String> references = new ArrayList<>();
        new JournalReader(dataDirectory.resolve("journal"), problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> {
                references.add(record.retrievalReferenceNumber());
                lines.add(RecordFormatter.text(record) + "\n" + RecordFormatter.json(record));
            });
        assertEquals(List.of("633012345678", ""), references);
        assertTrue(lines.get(0).contains(" 633012345678 ")
            && lines.get(0).contains("\"retrievalReferenceNumber\":\"633012345678\""), lines.get(0));
    }
}
