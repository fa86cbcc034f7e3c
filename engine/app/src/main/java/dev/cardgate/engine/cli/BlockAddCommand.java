package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.token.SafeEcho;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardgate block add}: lists a card, or changes its entry. */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Block a card: the engine declines it from its next request (lost 41, stolen 43, fraud 59, "
        + "closed 62, other 04). The PAN is hashed at once; only its masked form and token are shown. With --file "
        + "FILE (or - for standard input), every card of a list, one PAN a line, in one call, with a summary.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:listed (added, updated or unchanged)", "1:the blocklist is full, or its files cannot be used",
        "2:bad PAN, reason, expiry or reference, or bad configuration"})
final class BlockAddCommand extends OperatorCommand {
    @Mixin
    private PanParameter panParameter;

    @Mixin
    private CardListOption cardList;

    @Option(names = {"-r", "--reason"}, required = true, paramLabel = "REASON",
        description = "lost, stolen, fraud, closed or other")
    private String reason;

    @Option(names = {"-e", "--expires"}, paramLabel = "DATE|INSTANT",
        description = "blocks through this day (2027-12-31, UTC) or until this instant (2027-12-31T23:59:59Z); "
            + "default: never expires")
    private String expires;

    @Option(names = {"--reference"}, paramLabel = "TEXT", defaultValue = "",
        description = "a case number or ticket, up to 16 printable characters, no comma")
    private String reference;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final BlockReason blockReason = parseReason(reason);
        final long expiresEpochMillis = parseExpiry(expires);
        final String referenceProblem = BlocklistEntry.describeReferenceProblem(reference);
        if (referenceProblem != null) {
            throw new OperatorFailure(BAD_INPUT, referenceProblem + ": shorten it, or leave out commas and "
                + "non-ASCII characters");
        }
        if (cardList.given()) {
            if (panParameter.given()) {
                throw new OperatorFailure(BAD_INPUT, "give one PAN or --file, not both");
            }
            final CardBlocklist blocklist = OperatorSession.blocklist(configuration(), true);
            return cardList.forEachCard(out, err, card -> {
                final CardBlocklist.Added listed = blocklist.add(card, blockReason, expiresEpochMillis, reference);
                return new CardListOption.Done(listed.outcome().name().toLowerCase(Locale.ROOT), listed.token());
            });
        }
        final String pan = panParameter.read(err);
        final CardBlocklist.Added added = OperatorSession.blocklist(configuration(), true).add(pan, blockReason,
            expiresEpochMillis, reference);
        out.println(added.outcome().name().toLowerCase(Locale.ROOT));
        BlockOutput.printCard(out, pan, added.token());
        BlockOutput.printEntry(out, added.entry(), System.currentTimeMillis());
        return OK;
    }

    static BlockReason parseReason(final String text) {
        for (final BlockReason candidate : BlockReason.values()) {
            if (candidate.name().equalsIgnoreCase(text.strip())) {
                return candidate;
            }
        }
        throw new OperatorFailure(BAD_INPUT, "unknown reason " + SafeEcho.quoted(text)
            + ": use lost, stolen, fraud, closed or other");
    }

    private static long parseExpiry(final String text) {
        if (text == null) {
            return BlocklistEntry.NO_EXPIRY;
        }
        final long expiresEpochMillis = BlocklistEntry.parseExpiry(text);
        if (expiresEpochMillis == Long.MIN_VALUE) {
            throw new OperatorFailure(BAD_INPUT, "the expiry " + SafeEcho.quoted(text)
                + " is not a date or an instant: use "
                + "2027-12-31 (blocks through that day, UTC) or 2027-12-31T23:59:59Z");
        }
        if (expiresEpochMillis <= System.currentTimeMillis()) {
            throw new OperatorFailure(BAD_INPUT, "the expiry " + SafeEcho.quoted(text)
                + " has passed: the entry would block "
                + "nothing; give a later date, or none for an entry that never expires");
        }
        return expiresEpochMillis;
    }
}
