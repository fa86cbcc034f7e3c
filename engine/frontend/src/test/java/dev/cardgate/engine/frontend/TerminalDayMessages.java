package dev.cardgate.engine.frontend;

import java.io.IOException;

import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

/** The messages of a terminal's day, built with jPOS as a POS terminal sends them. */
final class TerminalDayMessages {
    /** Field 7 of every message here: the STAN tells them apart. */
    static final String TRANSMISSION = "1125143000";

    private TerminalDayMessages() {
    }

    /** A message of {@code type} for the clean card: field 3 {@code processingCode}, field 4 {@code amountMinor}. */
    static ISOMsg financial(final String type, final String processingCode, final int stan, final long amountMinor,
        final String terminal) throws ISOException {
        final ISOMsg message = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan);
        message.setMTI(type);
        message.set(3, processingCode);
        message.set(4, String.format("%012d", amountMinor));
        message.set(41, terminal);
        return message;
    }

    /** Field 90 naming the message of {@code originalType} with {@code originalStan}. */
    static ISOMsg referring(final ISOMsg message, final String originalType, final int originalStan)
        throws ISOException {
        message.set(90, originalType + String.format("%06d", originalStan) + TRANSMISSION + "0".repeat(22));
        return message;
    }

    static ISOMsg signOn(final int stan, final String terminal) throws ISOException {
        final ISOMsg message = JposMessages.networkManagement("001", stan);
        message.set(41, terminal);
        return message;
    }

    /** A 0500 with the terminal's totals in euro (field 50): counts and amounts of fields 74-89, net in 97. */
    static ISOMsg settlement(final int stan, final String terminal, final long debits, final long debitAmount,
        final long credits, final long creditAmount, final long voids, final long voidAmount) throws ISOException {
        final ISOMsg message = new ISOMsg("0500");
        message.set(3, "920000");
        message.set(7, TRANSMISSION);
        message.set(11, String.format("%06d", stan));
        message.set(41, terminal);
        message.set(42, "MERCHANT0000001");
        message.set(50, "978");
        message.set(74, String.format("%010d", credits));
        message.set(75, String.format("%010d", 0));
        message.set(76, String.format("%010d", debits));
        message.set(77, String.format("%010d", voids));
        message.set(86, String.format("%016d", creditAmount));
        message.set(87, String.format("%016d", 0));
        message.set(88, String.format("%016d", debitAmount));
        message.set(89, String.format("%016d", voidAmount));
        final long net = debitAmount - voidAmount - creditAmount;
        message.set(97, (net >= 0 ? "D" : "C") + String.format("%016d", Math.abs(net)));
        return message;
    }

    static ISOMsg exchange(final BaseChannel terminal, final ISOMsg request) throws IOException, ISOException {
        terminal.send(request);
        return terminal.receive();
    }
}
