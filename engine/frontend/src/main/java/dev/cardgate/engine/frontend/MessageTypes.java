package dev.cardgate.engine.frontend;

/**
 * Which ISO 8583 message types the engine handles, and the answer each one gets. Message types
 * are numbers: "0100" is 100. Stateless, no allocation.
 */
final class MessageTypes {
    /** Fields a host echoes in its answer that come before field 38, ascending. */
    static final int[] ECHOED_BEFORE_AUTHORIZATION_ID = {3, 4, 7, 11, 12, 13, 24, 25, 32, 37};
    /** Fields a host echoes in its answer that come after field 39, ascending. */
    static final int[] ECHOED_AFTER_RESPONSE_CODE = {41, 42, 49, 70, 90};

    /** Field 11, system trace audit number: how the terminal matches an answer to its request. */
    static final int FIELD_11_SYSTEM_TRACE_AUDIT_NUMBER = 11;

    private MessageTypes() {
    }

    /**
     * True for the requests that enter the engine: authorization (0100), financial (0200),
     * reversal (0400, 0420) and network management (0800), each with its repeat (0101, ...); and
     * the terminal day's advices (0120, 0220), batch upload (0320) and settlement (0500).
     */
    static boolean entersEngine(final int messageType) {
        switch (messageType) {
            case 100:
            case 101:
            case 200:
            case 201:
            case 120:
            case 121:
            case 220:
            case 221:
            case 320:
            case 321:
            case 500:
            case 501:
            case 400:
            case 401:
            case 420:
            case 421:
            case 800:
            case 801:
                return true;
            default:
                return false;
        }
    }

    /**
     * The answer's message type: a request (function 0) or an advice (function 2) is answered
     * with function 1 or 3 from the acquirer (0100 to 0110, 0421 to 0430); -1 when the message
     * is itself an answer or a notification, which nobody answers.
     */
    static int responseType(final int messageType) {
        if (messageType < 0) {
            return -1;
        }
        final int function = messageType / 10 % 10;
        if (function != 0 && function != 2) {
            return -1;
        }
        return messageType / 10 * 10 + 10;
    }
}
