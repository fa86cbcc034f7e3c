package dev.cardgate.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * A reversal's record keeps field 90 in the authorization id slot: written, read back, kept
 * when the decision is amended, and absent (as in records written before it existed) otherwise.
 */
class JournalRecordOriginalDataTest {
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[JournalRecordDescriptor.RECORD_LENGTH]);
    private final JournalRecordEncoder encoder = new JournalRecordEncoder();
    private final JournalRecord record = new JournalRecord();

    @Test
    void aReversalsField90IsReadBackAndSurvivesAnAmendedDecision() {
        final AuthorizationEvent reversal = new AuthorizationEvent().messageTypeIndicator(420)
            .systemTraceAuditNumber(77).transmissionDateTime(1_201_093_000L).terminalId("TERM0001")
            .originalMessageType(100).originalSystemTraceAuditNumber(999_999)
            .originalTransmissionDateTime(1_231_235_959L);
        reversal.acknowledge(DecisionReason.REVERSAL_ACCEPTED, 1_000);
        encoder.encode(buffer, 0, 5, reversal, 42);

        assertEquals(JournalRecord.VALID, record.wrap(buffer, 0, 5));
        assertTrue(record.originalDataPresent());
        assertEquals(100, record.originalMessageType());
        assertEquals(999_999, record.originalSystemTraceAuditNumber());
        assertEquals(1_231_235_959, record.originalTransmissionDateTime());
        assertEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, record.authorizationId());
        assertTrue(RecordFormatter.json(record).contains(
            "\"original\":{\"messageType\":\"0100\",\"stan\":999999,\"transmissionDateTime\":\"1231235959\"}"));

        encoder.amendDecision(buffer, 0, DecisionReason.JOURNAL_FAILURE, 901);
        assertEquals(JournalRecord.VALID, record.wrap(buffer, 0, 5), "the checksum covers the amended record");
        assertEquals(DecisionReason.JOURNAL_FAILURE, record.reason());
        assertEquals(999_999, record.originalSystemTraceAuditNumber(), "the amendment keeps field 90");

        final AuthorizationEvent replayed = new AuthorizationEvent();
        assertTrue(record.copyInto(replayed));
        assertEquals(1_231_235_959L, replayed.originalTransmissionDateTime());
    }

    @Test
    void aRequestWithoutField90HasItsAuthorizationIdAndNoOriginal() {
        final AuthorizationEvent request = new AuthorizationEvent().messageTypeIndicator(100)
            .systemTraceAuditNumber(1).terminalId("TERM0001").amountMinor(1_000);
        request.approve(123_456, 1_000);
        encoder.encode(buffer, 0, 0, request, 1);

        assertEquals(JournalRecord.VALID, record.wrap(buffer, 0, 0));
        assertFalse(record.originalDataPresent());
        assertEquals(0, record.originalMessageType());
        assertEquals(123_456, record.authorizationId());
        assertFalse(RecordFormatter.json(record).contains("\"original\""));
    }
}
