package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.file.Path;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationSlotDescriptor;
import dev.cardgate.engine.event.DecisionReason;

/** Decided events and journals written with them, for the journal's tests. */
final class JournalFixtures {
    static final String FINGERPRINT = "0123456789abcdef";
    /** The journal key of the fixtures' journals (chain key: 32 bytes of 7). */
    static final JournalKey KEY = new JournalKey(FINGERPRINT, filled(32, (byte)7));
    static final int SMALL_SEGMENT = 64 * 1024;
    /** Records per small segment: (65536 - 128) / 256. */
    static final int RECORDS_PER_SMALL_SEGMENT = 255;

    private JournalFixtures() {
    }

    /** Request {@code n}: terminal TERM000(n % 3), every 5th declined as stolen (43, rule 301). */
    static AuthorizationEvent decided(final AuthorizationEvent event, final int n, final long decidedAt) {
        event.clear()
            .messageTypeIndicator(100)
            .processingCode(0)
            .systemTraceAuditNumber(n)
            .transmissionDateTime(1231235959L)
            .terminalId("TERM000" + (n % 3))
            .merchantId("MERCHANT0000001")
            .cardToken(0x1111_2222_3333_4444L + (n % 7), 0x5555_6666_7777_8888L)
            .maskedPan(16, 411111, 1111)
            .amountMinor(1_000 + n)
            .currencyCode(978)
            .merchantCategoryCode(5411)
            .countryCode(276)
            .posEntryMode(51);
        if (n % 5 == 0) {
            event.decline(DecisionReason.CARD_STOLEN, EngineRules.BLOCKLIST_BASE + 1, decidedAt);
        }
        else {
            event.approve(n, decidedAt);
        }
        return event;
    }

    /** A copy of the request and decision of a record, which stays valid after the reader moves on. */
    static AuthorizationEvent copyOf(final JournalRecord record) {
        final AuthorizationEvent copy = new AuthorizationEvent();
        final byte[] bytes = new byte[AuthorizationSlotDescriptor.RECORD_LENGTH];
        record.event().slot().getBytes(0, bytes, 0, bytes.length);
        return copy.wrapRecord(new UnsafeBuffer(bytes), 0);
    }

    private static byte[] filled(final int length, final byte value) {
        final byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    /** Writes records 0 to count - 1 decided at {@code firstMillis + n}, synced and closed. */
    static JournalInventory write(final Path directory, final int count, final long firstMillis) throws IOException {
        final JournalInventory before = new JournalScanner(directory, FINGERPRINT, true, false).scan();
        final EpochClock clock = () -> firstMillis;
        final AuthorizationEvent event = new AuthorizationEvent();
        try (JournalWriter writer = new JournalWriter(directory, SMALL_SEGMENT, KEY,
            FileSegmentStorage.INSTANCE, clock, true, before)) {
            for (int n = 0; n < count; n++) {
                writer.append(decided(event, n, firstMillis + n), n);
            }
        }
        return new JournalScanner(directory, FINGERPRINT, true, false).scan();
    }
}
