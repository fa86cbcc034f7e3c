package dev.cardgate.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationSlotDescriptor;
import dev.cardgate.engine.event.DecisionReason;

/**
 * A version 2 record is the slot's prefix: written by one copy and read back in place through
 * the same accessors, every datum in a slot of its own (field 90 beside an authorization id),
 * kept when the decision is amended, and chained.
 */
class JournalRecordTest {
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[AuthorizationSlotDescriptor.RECORD_LENGTH * 2]);
    private final JournalRecordEncoder encoder = new JournalRecordEncoder(JournalFixtures.KEY.newChain());
    private final JournalRecord record = new JournalRecord();
    private final byte[] chainMac = new byte[AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH];

    @Test
    void aReversalsField90HasItsOwnSlotsAndSurvivesAnAmendedDecision() {
        final AuthorizationEvent reversal = new AuthorizationEvent().messageTypeIndicator(420)
            .systemTraceAuditNumber(77).transmissionDateTime(1_201_093_000L).terminalId("TERM0001")
            .originalMessageType(100).originalSystemTraceAuditNumber(999_999)
            .originalTransmissionDateTime(1_231_235_959L);
        reversal.repeatDecision(DecisionReason.APPROVED, 0, 0, 123_456, 1_000);
        encoder.encode(buffer, 0, 5, reversal, 42, chainMac);

        assertEquals(JournalRecord.VALID, record.wrap(buffer, 0, 5));
        assertTrue(record.originalDataPresent());
        assertEquals(100, record.originalMessageType());
        assertEquals(999_999, record.originalSystemTraceAuditNumber());
        assertEquals(1_231_235_959L, record.originalTransmissionDateTime());
        assertEquals(123_456, record.authorizationId(), "field 90 no longer overlays the authorization id");
        assertEquals(42, record.monotonicNanos());
        assertTrue(RecordFormatter.json(record).contains(
            "\"original\":{\"messageType\":\"0100\",\"stan\":999999,\"transmissionDateTime\":\"1231235959\"}"));

        final byte[] before = new byte[AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH];
        encoder.amendDecision(buffer, 0, DecisionReason.JOURNAL_FAILURE, 901, before);
        assertEquals(JournalRecord.VALID, record.wrap(buffer, 0, 5), "the checksum covers the amended record");
        assertEquals(DecisionReason.JOURNAL_FAILURE, record.reason());
        assertEquals(96, record.responseCode());
        assertEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, record.authorizationId());
        assertEquals(999_999, record.originalSystemTraceAuditNumber(), "the amendment keeps field 90");
        assertTrue(JournalFixtures.KEY.newChain().matches(new byte[32], buffer, 0), "amended and sealed again");
    }

    @Test
    void theRecordIsTheSlotsPrefixReadInPlace() {
        final AuthorizationEvent request = new AuthorizationEvent().messageTypeIndicator(100)
            .systemTraceAuditNumber(1).terminalId("TERM0001").merchantId("MERCHANT0000001").amountMinor(1_000)
            .localTransactionTime(235_959).localTransactionDate(1231).expiryYearMonth(2612).networkManagementCode(0)
            .panLuhnValid(true).cardToken(11, 22).maskedPan(16, 411111, 1111).presentFields(0x7000_0000_0000_0000L);
        request.decline(DecisionReason.POLICY_DECLINED, 512, 62, 1_000);
        request.noteDryRun(700);
        encoder.encode(buffer, AuthorizationSlotDescriptor.RECORD_LENGTH, 0, request, 1, chainMac);

        assertEquals(JournalRecord.VALID, record.wrap(buffer, AuthorizationSlotDescriptor.RECORD_LENGTH, 0));
        final AuthorizationEvent read = record.event();
        assertFalse(record.originalDataPresent());
        assertEquals(62, read.responseCode(), "the configured code, not the reason's usual one");
        assertEquals(512, read.ruleId());
        assertEquals(700, read.dryRunRuleId());
        assertEquals(235_959, read.localTransactionTime());
        assertEquals(1231, read.localTransactionDate());
        assertEquals(2612, read.expiryYearMonth());
        assertTrue(read.panLuhnValid());
        assertEquals(0x7000_0000_0000_0000L, read.presentFields());
        assertEquals("TERM0001", record.terminalId());
        assertEquals("MERCHANT0000001", record.merchantId());
        assertEquals(22, read.cardTokenLow());
        for (int i = AuthorizationSlotDescriptor.DECISION_TIME_OFFSET; i < AuthorizationSlotDescriptor.CHAIN_MAC_OFFSET;
            i++) {
            final boolean journalsOwn = i >= AuthorizationSlotDescriptor.MONOTONIC_TIME_OFFSET
                && i < AuthorizationSlotDescriptor.MONOTONIC_TIME_OFFSET + Long.BYTES;
            if (!journalsOwn) {
                assertEquals(request.slot().getByte(i), buffer.getByte(AuthorizationSlotDescriptor.RECORD_LENGTH + i),
                    "byte " + i + " is the slot's");
            }
        }
    }
}
