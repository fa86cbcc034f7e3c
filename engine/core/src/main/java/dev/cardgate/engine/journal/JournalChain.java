package dev.cardgate.engine.journal;

import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHAIN_MAC_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHECKSUMMED_FROM;

import org.agrona.DirectBuffer;

import dev.cardgate.engine.token.HmacSha256;

/**
 * The keyed hash that chains version 2 records: a record's chain MAC is HMAC-SHA-256(chain key,
 * previous record's chain MAC || the record's bytes 8 to 223), so altering, removing, inserting
 * or reordering a record changes every chain MAC from there on, and only a holder of the key
 * can compute them again. The first record of a journal chains from 32 zero bytes; a segment's
 * header carries the chain MAC its first record chains from.
 *
 * <p>Not thread-safe: one per thread. Allocates nothing per record.
 */
final class JournalChain {
    private static final int COVERED_LENGTH = CHAIN_MAC_OFFSET - CHECKSUMMED_FROM;

    private final HmacSha256 hmac;
    private final byte[] message = new byte[CHAIN_MAC_LENGTH + COVERED_LENGTH];
    private final byte[] mac = new byte[CHAIN_MAC_LENGTH];

    JournalChain(final byte[] chainKey) {
        hmac = new HmacSha256(chainKey);
    }

    /**
     * Computes the chain MAC of the record at {@code offset} of {@code record} that follows
     * {@code previous[0, 32)}; returns an internal array, valid until the next call.
     */
    byte[] compute(final byte[] previous, final DirectBuffer record, final int offset) {
        System.arraycopy(previous, 0, message, 0, CHAIN_MAC_LENGTH);
        record.getBytes(offset + CHECKSUMMED_FROM, message, CHAIN_MAC_LENGTH, COVERED_LENGTH);
        hmac.macInto(message, message.length, mac);
        return mac;
    }

    /** True when the record at {@code offset} carries the chain MAC that follows {@code previous}. */
    boolean matches(final byte[] previous, final DirectBuffer record, final int offset) {
        final byte[] expected = compute(previous, record, offset);
        int difference = 0;
        for (int i = 0; i < CHAIN_MAC_LENGTH; i++) {
            difference |= expected[i] ^ record.getByte(offset + CHAIN_MAC_OFFSET + i);
        }
        return difference == 0;
    }
}
