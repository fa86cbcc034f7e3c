package dev.cardgate.engine.cli;

import java.util.ArrayList;
import java.util.List;

import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalStatus;
import dev.cardgate.engine.token.SafeEcho;
import picocli.CommandLine.Option;

/**
 * The options that describe a terminal, shared by {@code terminal add} (where all but status and
 * sign-on are required) and {@code terminal set} (where each given one replaces the registered
 * value). Null means not given.
 */
final class TerminalSettings {
    @Option(names = "--merchant", paramLabel = "ID", description = "merchant id (field 42), 1 to 15 characters")
    String merchant;

    @Option(names = "--mcc", paramLabel = "CODE", description = "merchant category code (ISO 18245), 0 to 9999")
    Integer merchantCategoryCode;

    @Option(names = "--country", paramLabel = "CODE", description = "ISO 3166 numeric country code, 1 to 999")
    Integer country;

    @Option(names = "--region", paramLabel = "NAME", description = "the acquirer's region, 1 to 8 characters")
    String region;

    @Option(names = "--group", paramLabel = "NAME", description = "the terminal group, 1 to 8 characters")
    String group;

    @Option(names = "--model", paramLabel = "NAME", description = "terminal model, 1 to 8 characters")
    String model;

    @Option(names = "--software", paramLabel = "VERSION", description = "software version, e.g. 2.4.1")
    String software;

    @Option(names = "--status", paramLabel = "STATUS", description = "active, disabled, faulty or suspended")
    String status;

    @Option(names = "--sign-on-required", paramLabel = "yes|no", arity = "0..1", fallbackValue = "yes",
        description = "whether the terminal must sign on (0800) before it may transact")
    String signOnRequired;

    /** The options a new terminal needs that were not given, as they are typed. */
    List<String> missingForNewTerminal() {
        final List<String> missing = new ArrayList<>();
        addIfNull(missing, merchant, "--merchant");
        addIfNull(missing, merchantCategoryCode, "--mcc");
        addIfNull(missing, country, "--country");
        addIfNull(missing, region, "--region");
        addIfNull(missing, group, "--group");
        addIfNull(missing, model, "--model");
        addIfNull(missing, software, "--software");
        return missing;
    }

    boolean anyGiven() {
        return merchant != null || merchantCategoryCode != null || country != null || region != null || group != null
            || model != null || software != null || status != null || signOnRequired != null;
    }

    /**
     * A new terminal of these settings: active and not needing sign-on unless said otherwise.
     *
     * @throws OperatorFailure (bad input) naming every missing option, or every bad value
     */
    TerminalRecord newTerminal(final String terminalId) {
        final List<String> missing = missingForNewTerminal();
        if (!missing.isEmpty()) {
            throw new OperatorFailure(OperatorCommand.BAD_INPUT, "a new terminal needs " + String.join(", ", missing)
                + ": give " + (missing.size() == 1 ? "it" : "them") + " (see --help)");
        }
        return record(terminalId, merchant, merchantCategoryCode, country, region, group,
            status == null ? TerminalStatus.ACTIVE : TerminalIds.status(status), model, software,
            signOnRequired != null && yesNo(signOnRequired), false, 0);
    }

    /**
     * {@code base} with every given setting replacing its value.
     *
     * @throws OperatorFailure (bad input) listing every bad value
     */
    TerminalRecord applyTo(final TerminalRecord base) {
        return record(base.terminalId(), or(merchant, base.merchantId()),
            or(merchantCategoryCode, base.merchantCategoryCode()), or(country, base.countryCode()),
            or(region, base.region()), or(group, base.group()),
            status == null ? base.status() : TerminalIds.status(status), or(model, base.model()),
            or(software, base.softwareVersion()),
            signOnRequired == null ? base.signOnRequired() : yesNo(signOnRequired), base.signedOn(),
            base.lastHeardEpochMillis());
    }

    private static TerminalRecord record(final String terminalId, final String merchantId, final int mcc,
        final int countryCode, final String regionName, final String groupName, final TerminalStatus terminalStatus,
        final String modelName, final String softwareVersion, final boolean signOn, final boolean signedOn,
        final long lastHeard) {
        try {
            return new TerminalRecord(terminalId, merchantId, mcc, countryCode, regionName, groupName, terminalStatus,
                modelName, softwareVersion, signOn, signedOn, lastHeard);
        }
        catch (final IllegalArgumentException invalid) {
            throw new OperatorFailure(OperatorCommand.BAD_INPUT, invalid.getMessage());
        }
    }

    private static boolean yesNo(final String text) {
        if ("yes".equalsIgnoreCase(text) || "true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("no".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new OperatorFailure(OperatorCommand.BAD_INPUT, "--sign-on-required " + SafeEcho.quoted(text)
            + ": use yes or no");
    }

    private static <T> T or(final T given, final T registered) {
        return given != null ? given : registered;
    }

    private static void addIfNull(final List<String> missing, final Object value, final String option) {
        if (value == null) {
            missing.add(option);
        }
    }
}
