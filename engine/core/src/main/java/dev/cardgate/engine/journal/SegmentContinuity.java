package dev.cardgate.engine.journal;

import dev.cardgate.engine.event.AuthorizationSlotDescriptor;

/**
 * Whether one segment follows another with nothing missing between them: the next index, the
 * next sequence, and (format version 2) the chain carried on. Used by the start-up scan, the
 * reader and the verifier alike, so that all three name a break the same way. Allocates.
 */
final class SegmentContinuity {
    private static final byte[] NO_CHAIN = new byte[AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH];

    private SegmentContinuity() {
    }

    /** What is missing between {@code previous} and {@code next}, or null when {@code next} follows it. */
    static String gap(final SegmentSummary previous, final SegmentSummary next) {
        final long expectedSequence = previous.baseSequence() + previous.recordCount();
        if (next.segmentIndex() != previous.segmentIndex() + 1) {
            final long missing = next.segmentIndex() - previous.segmentIndex() - 1;
            return next.path() + " (segment " + next.segmentIndex() + ", from sequence " + next.baseSequence()
                + ") follows " + previous.path() + " (segment " + previous.segmentIndex() + ", to sequence "
                + (expectedSequence - 1) + "): " + (missing > 0 ? missing + " segment(s) missing, " : "")
                + "sequences " + expectedSequence + " to " + (next.baseSequence() - 1) + " absent";
        }
        if (next.baseSequence() != expectedSequence) {
            return next.path() + " starts at sequence " + next.baseSequence() + " but " + previous.path()
                + " ends before sequence " + expectedSequence + ": sequences " + expectedSequence + " to "
                + (next.baseSequence() - 1) + " are missing";
        }
        if (next.formatVersion() == SegmentHeaderDescriptor.FORMAT_VERSION_1) {
            return null;
        }
        final byte[] chainMac = new byte[AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH];
        if (previous.formatVersion() == SegmentHeaderDescriptor.FORMAT_VERSION_1) {
            System.arraycopy(NO_CHAIN, 0, chainMac, 0, chainMac.length);
        }
        else {
            previous.lastChainMacInto(chainMac);
        }
        if (!next.continuesFrom(chainMac)) {
            return next.path() + " (segment " + next.segmentIndex() + ", from sequence " + next.baseSequence()
                + ") does not continue the chain of " + previous.path() + " (segment " + previous.segmentIndex()
                + "): its header names another previous chain MAC, so one of the two was replaced";
        }
        return null;
    }
}
