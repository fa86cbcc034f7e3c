package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import dev.cardgate.codec.CodecError;
import dev.cardgate.codec.CodecException;

/** One line per distinct reason: a flood of one fault is one line, and does not hide another fault. */
class FrontEndLogTest {
    private final List<String> lines = new ArrayList<>();
    private final FrontEndLog log = new FrontEndLog(new RecordingLogger());

    @Test
    void aFloodOfOneFaultIsOneLineWithItsReason() {
        for (int i = 0; i < 1_000; i++) {
            log.unreadableFrame(null, new CodecException(CodecError.BAD_MESSAGE_TYPE, CodecException.MESSAGE_TYPE, 0, ""),
                "no message type");
        }
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("message type is not four digits"), lines.get(0));
    }

    @Test
    void distinctFaultsAreEachLoggedDuringAFloodOfAnother() {
        for (int i = 0; i < 100; i++) {
            log.connectionClosed("connection 1", FrontEndLog.Reason.LENGTH_NOT_A_NUMBER, "length header is not a number");
        }
        log.unreadableFrame(null, new CodecException(CodecError.TRUNCATED, 2, 30, ""), "no STAN before the fault");
        log.unreadableFrame(null, new CodecException(CodecError.BAD_BITMAP, CodecException.BITMAP, 4, ""), "no STAN");
        log.connectionClosed("connection 2", FrontEndLog.Reason.TYPE_WITHOUT_ANSWER, "message type 9999 has no answer");
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("length header is not a number"));
        assertTrue(lines.get(1).contains("message ends before the data it announces"));
        assertTrue(lines.get(2).contains("bitmap is not valid hex"));
        assertTrue(lines.get(3).contains("9999"));
    }

    private final class RecordingLogger implements Logger {
        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(final Level level) {
            return true;
        }

        @Override
        public void log(final Level level, final ResourceBundle bundle, final String message, final Throwable thrown) {
            lines.add(message);
        }

        @Override
        public void log(final Level level, final ResourceBundle bundle, final String format, final Object... params) {
            lines.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
        }
    }
}
