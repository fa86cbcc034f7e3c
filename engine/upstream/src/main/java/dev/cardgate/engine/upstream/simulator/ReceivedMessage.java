package dev.cardgate.engine.upstream.simulator;

/**
 * One message the simulator received, as its record keeps it (for tests and the {@code received}
 * command): never a clear card number, only the masked one.
 *
 * @param messageType    as a number: 100 for "0100"
 * @param stan           field 11
 * @param repeat         the message type is a repeat (0121, 0221, 0421)
 * @param originalStan   the original's field 11 from field 90 (reversals), else -1
 * @param amountMinor    field 4, or -1 when absent
 * @param terminalId     field 41, or null
 * @param maskedPan      field 2 masked (first six, last four), or null
 * @param answeredWith   the field 39 answered (0 to 99), or -1 when no answer was sent
 */
public record ReceivedMessage(int messageType, int stan, boolean repeat, int originalStan, long amountMinor,
    String terminalId, String maskedPan, int answeredWith) {

    @Override
    public String toString() {
        return String.format("%04d", messageType) + (repeat ? " (repeat)" : "") + " stan " + stan
            + (originalStan >= 0 ? " original " + originalStan : "") + (amountMinor >= 0 ? " amount " + amountMinor : "")
            + (terminalId != null ? " terminal " + terminalId : "") + (maskedPan != null ? " card " + maskedPan : "")
            + (answeredWith >= 0 ? " answered " + String.format("%02d", answeredWith) : " not answered");
    }
}
