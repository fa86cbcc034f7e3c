package dev.cardgate.engine.journal;

import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.AUTHORIZATION_ID_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHAIN_MAC_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHECKSUMMED_FROM;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHECKSUM_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.LENGTH_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.MONOTONIC_TIME_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.REASON_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.RECORD_LENGTH;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.RESPONSE_CODE_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.RULE_ID_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.SEQUENCE_OFFSET;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * Writes a decided event as a version 2 record: one copy of the slot's record prefix, then the
 * sequence and monotonic time, the chain MAC, the checksum, and the length with a release store,
 * so that a concurrent reader never takes a half-written record for a whole one. Also rewrites
 * the decision of a written record.
 *
 * <p>Threading: the journal thread. No allocation.
 */
final class JournalRecordEncoder {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final RecordChecksum checksum = new RecordChecksum();
    private final JournalChain chain;

    JournalRecordEncoder(final JournalChain chain) {
        this.chain = chain;
    }

    /**
     * Writes the record of {@code event} with {@code sequence} at {@code offset} of {@code
     * buffer}, chained from {@code previousChainMac}; copies its own chain MAC into {@code
     * previousChainMac} for the next record.
     */
    void encode(final UnsafeBuffer buffer, final int offset, final long sequence, final AuthorizationEvent event,
        final long monotonicNanos, final byte[] previousChainMac) {
        buffer.putBytes(offset + CHECKSUMMED_FROM, event.slot(), CHECKSUMMED_FROM, RECORD_LENGTH - CHECKSUMMED_FROM);
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, ORDER);
        buffer.putLong(offset + MONOTONIC_TIME_OFFSET, monotonicNanos, ORDER);
        seal(buffer, offset, previousChainMac);
        buffer.putIntRelease(offset + LENGTH_OFFSET, RECORD_LENGTH);
    }

    /**
     * Rewrites the decision of the record at {@code offset} (already written) and seals it again
     * from {@code previousChainMac}: used when the sync of an approval failed and its answer
     * becomes 96. The records after it must be sealed again, each from the one before
     * ({@link #reseal}), since their chain MACs cover this one's.
     */
    void amendDecision(final UnsafeBuffer buffer, final int offset, final DecisionReason reason, final int ruleId,
        final byte[] previousChainMac) {
        buffer.putByte(offset + REASON_OFFSET, (byte)reason.ordinal());
        buffer.putByte(offset + RESPONSE_CODE_OFFSET, (byte)reason.responseCode());
        buffer.putInt(offset + RULE_ID_OFFSET, ruleId, ORDER);
        buffer.putLong(offset + AUTHORIZATION_ID_OFFSET, AuthorizationEvent.NO_AUTHORIZATION_ID, ORDER);
        seal(buffer, offset, previousChainMac);
    }

    /** Computes the record's chain MAC from {@code previousChainMac} and its checksum again; updates the argument. */
    void reseal(final UnsafeBuffer buffer, final int offset, final byte[] previousChainMac) {
        seal(buffer, offset, previousChainMac);
    }

    private void seal(final UnsafeBuffer buffer, final int offset, final byte[] previousChainMac) {
        final byte[] mac = chain.compute(previousChainMac, buffer, offset);
        buffer.putBytes(offset + CHAIN_MAC_OFFSET, mac, 0, CHAIN_MAC_LENGTH);
        System.arraycopy(mac, 0, previousChainMac, 0, CHAIN_MAC_LENGTH);
        buffer.putInt(offset + CHECKSUM_OFFSET,
            checksum.compute(buffer, offset + CHECKSUMMED_FROM, RECORD_LENGTH - CHECKSUMMED_FROM), ORDER);
    }
}
