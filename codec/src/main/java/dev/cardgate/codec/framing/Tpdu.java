package dev.cardgate.codec.framing;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The 5-byte Transport Protocol Data Unit some terminals put before the message:
 * an id byte (0x60 for a transaction), a 2-byte destination and a 2-byte source address.
 * A host answers with destination and source swapped, so the reply finds its way back.
 */
public final class Tpdu {
    public static final int LENGTH = 5;

    private Tpdu() {
    }

    /** Writes the answer's TPDU: the request's id, its source as destination and its destination as source. */
    public static void writeAnswer(final DirectBuffer request, final int requestOffset,
        final MutableDirectBuffer answer, final int answerOffset) {
        answer.putByte(answerOffset, request.getByte(requestOffset));
        answer.putShort(answerOffset + 1, request.getShort(requestOffset + 3));
        answer.putShort(answerOffset + 3, request.getShort(requestOffset + 1));
    }
}
