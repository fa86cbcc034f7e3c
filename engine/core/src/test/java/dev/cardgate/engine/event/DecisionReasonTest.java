package dev.cardgate.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The journal stores a reason by its ordinal, so the reasons of written journals keep theirs. */
class DecisionReasonTest {
    /** The reasons of the first journal format, in their order. */
    private static final List<String> FIRST_RELEASE = List.of("APPROVED", "CARD_LOST", "CARD_STOLEN", "CARD_FRAUD",
        "CARD_CLOSED", "CARD_BLOCKED_OTHER", "INVALID_CARD_NUMBER", "SYSTEM_MALFUNCTION", "SYSTEM_OVERLOADED",
        "SHUTTING_DOWN", "JOURNAL_FAILURE", "JOURNAL_UNAVAILABLE", "NETWORK_MANAGEMENT_ACCEPTED");

    @Test
    void reasonsAlreadyJournaledKeepTheirOrdinals() {
        for (int ordinal = 0; ordinal < FIRST_RELEASE.size(); ordinal++) {
            assertEquals(FIRST_RELEASE.get(ordinal), DecisionReason.fromOrdinal(ordinal).name(), "ordinal " + ordinal);
        }
    }

    @Test
    void anAcknowledgementIsAnsweredZeroButIsNeitherAnApprovalNorADecline() {
        for (final DecisionReason acknowledgement : List.of(DecisionReason.NETWORK_MANAGEMENT_ACCEPTED,
            DecisionReason.REVERSAL_ACCEPTED)) {
            final AuthorizationEvent event = new AuthorizationEvent();
            event.acknowledge(acknowledgement, 1_000);
            assertEquals(0, event.responseCode());
            assertFalse(event.approved(), acknowledgement + " counted as an approval");
            assertFalse(acknowledgement.isDecline(), acknowledgement + " counted as a decline");
        }
        assertTrue(DecisionReason.CARD_STOLEN.isDecline());
        assertFalse(DecisionReason.APPROVED.isDecline());
    }
}
