package dev.cardgate.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one table of fields that travel as they came: each in its own bytes of the record. */
class RequestFieldTest {
    @Test
    void everyFieldHasItsOwnBytesInsideTheRecordBeforeTheChainMac() {
        final int[] owner = new int[AuthorizationSlotDescriptor.RECORD_LENGTH];
        int previousNumber = 0;
        for (final RequestField field : RequestField.all()) {
            assertTrue(field.number() > previousNumber, "field order: " + field);
            previousNumber = field.number();
            assertTrue(field.slotOffset() >= AuthorizationSlotDescriptor.AMOUNT_OFFSET
                && field.slotOffset() + field.width() <= AuthorizationSlotDescriptor.CHAIN_MAC_OFFSET, field.name());
            for (int i = field.slotOffset(); i < field.slotOffset() + field.width(); i++) {
                assertEquals(0, owner[i], field + " overlaps field " + owner[i] + " at byte " + i);
                owner[i] = field.number();
            }
        }
    }

    @Test
    void theTableAndTheNamedAccessorsReadTheSameBytes() {
        final AuthorizationEvent event = new AuthorizationEvent().processingCode(3).amountMinor(4)
            .transmissionDateTime(1_231_235_959L).systemTraceAuditNumber(11).localTransactionTime(12)
            .localTransactionDate(13).expiryYearMonth(2614).merchantCategoryCode(18).countryCode(19).posEntryMode(22)
            .currencyCode(49).networkManagementCode(70).terminalId("TERM0041").merchantId("MERCHANT0000042")
            .retrievalReferenceNumber("000000000037");
        for (final RequestField field : RequestField.all()) {
            if (field.isText()) {
                final byte[] text = new byte[field.width()];
                event.textInto(field, text, 0);
                assertTrue(new String(text, java.nio.charset.StandardCharsets.US_ASCII).contains(
                    Integer.toString(field.number())), field.name());
            }
            else if (field == RequestField.FIELD_7_TRANSMISSION_DATE_TIME) {
                assertEquals(1_231_235_959L, event.number(field));
            }
            else if (field == RequestField.FIELD_14_EXPIRY) {
                assertEquals(2614, event.number(field));
            }
            else {
                assertEquals(field.number(), event.number(field), field.name());
            }
        }
    }
}
