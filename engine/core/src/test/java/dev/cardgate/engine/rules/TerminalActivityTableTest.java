package dev.cardgate.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The card-testing window counts distinct cards the same way before and after 2038. */
class TerminalActivityTableTest {
    @Test
    void distinctCardsAreCountedInTheWindowAfter2038() {
        for (final String day : new String[] {"2026-03-10T12:00:00Z", "2040-06-01T12:00:00Z"}) {
            final long now = Instant.parse(day).toEpochMilli();
            final TerminalActivityTable table = new TerminalActivityTable(10);
            final int slot = table.findOrAdd(42, now);
            for (int card = 1; card <= 3; card++) {
                table.seeCard(slot, TerminalActivityTable.cardHash(card, card),
                    TerminalActivityTable.seconds(now - 60_000 + card * 1_000));
            }
            // a fourth card: three others seen in the last two minutes, none before that
            assertEquals(4, table.distinctCardsWith(slot, TerminalActivityTable.cardHash(4, 4),
                TerminalActivityTable.seconds(now - 120_000)), day);
            assertEquals(1, table.distinctCardsWith(slot, TerminalActivityTable.cardHash(4, 4),
                TerminalActivityTable.seconds(now)), day);
        }
    }
}
