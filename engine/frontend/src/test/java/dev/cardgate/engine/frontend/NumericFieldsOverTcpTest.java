package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.journal.JournalQuery;
import dev.cardgate.engine.journal.JournalReader;

/**
 * The numeric request fields the checks read (18 merchant category, 22 entry mode, 49 currency)
 * reach the slot as the numbers the terminal sent, in both built-in dialects: a field the dialect
 * declared text was once read as 0, so every currency rule declined a clean card with 58.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NumericFieldsOverTcpTest {
    @TempDir
    Path dataDirectory;

    @Test
    void currencyMerchantCategoryAndEntryModeAreJournaledAsSentInBothDialects() throws Exception {
        try (AuthorizationEngine engine = TestFrontEnds.launchEngine(dataDirectory)) {
            answerOneRequest(engine, Dialects.ISO87_ASCII_NAME, 1);
            answerOneRequest(engine, Dialects.ISO87_BINARY_NAME, 2);
        }
        final List<String> journaled = new ArrayList<>();
        new JournalReader(dataDirectory.resolve("journal"), problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> journaled.add(record.currencyCode() + " " + record.merchantCategoryCode()
                + " " + record.posEntryMode()));
        assertEquals(List.of("978 5411 51", "978 5411 51"), journaled);
    }

    @Test
    void aCurrencyThatIsNotDigitsIsAnsweredFormatError() throws Exception {
        try (AuthorizationEngine engine = TestFrontEnds.launchEngine(dataDirectory);
            FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(Dialects.ISO87_ASCII_NAME,
                LengthHeader.ASCII_4, false));
            RawTerminal terminal = new RawTerminal(new InetSocketAddress("127.0.0.1",
                frontEnd.localAddress().getPort()))) {
            final ISOMsg request = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 3);
            request.set(49, "ABC");
            terminal.send(RawTerminal.frame(request));
            assertEquals("30", terminal.receive().getString(39));
        }
    }

    private static void answerOneRequest(final AuthorizationEngine engine, final String dialect, final int stan)
        throws Exception {
        final FrontEndConfiguration configuration = TestFrontEnds.frontEnd(dialect, LengthHeader.ASCII_4, false);
        try (FrontEnd frontEnd = FrontEnd.start(engine, configuration)) {
            final BaseChannel channel = JposMessages.ChannelKind.ASCII_CHANNEL.connect("127.0.0.1",
                frontEnd.localAddress().getPort(), JposMessages.packagerFor(configuration));
            try {
                channel.send(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan));
                assertEquals("00", channel.receive().getString(39));
            }
            finally {
                channel.disconnect();
            }
        }
    }
}
