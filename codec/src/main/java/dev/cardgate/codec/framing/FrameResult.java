package dev.cardgate.codec.framing;

/** What the assembler made of the bytes it was given. Anything but {@link #OK} ends the stream. */
public enum FrameResult {
    OK("bytes taken"),
    BAD_LENGTH_HEADER("length header is not a number"),
    FRAME_TOO_SHORT("frame is shorter than its fixed header, or empty"),
    FRAME_TOO_LONG("frame is longer than the maximum accepted");

    private final String explanation;

    FrameResult(final String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
