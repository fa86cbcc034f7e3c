package dev.cardgate.codec.framing;

import org.agrona.DirectBuffer;

/** Receives each complete frame the assembler finds. */
@FunctionalInterface
public interface FrameHandler {
    /**
     * @param buffer    holds the frame only for the duration of the call: copy what must outlive it
     * @param offset    where the frame starts: its fixed header, if any, then the message
     * @param length    the frame's length (fixed header plus message), without the length header
     */
    void onFrame(DirectBuffer buffer, int offset, int length);
}
