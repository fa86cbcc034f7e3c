package dev.cardgate.engine.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * A registered terminal as operators see it: immutable, validated when built.
 *
 * @param terminalId              field 41: 1 to 8 printable ASCII characters
 * @param merchantId              field 42 the terminal must send: 1 to 15 characters
 * @param merchantCategoryCode    ISO 18245, 0 to 9999
 * @param countryCode             ISO 3166 numeric, 1 to 999
 * @param region                  the acquirer's region name, 1 to 8 characters ("EU", "DACH")
 * @param group                   the acquirer's terminal group, 1 to 8 characters ("kiosk")
 * @param status                  what the terminal may do
 * @param model                   the terminal model, 1 to 8 characters ("A920")
 * @param softwareVersion         dotted, one to four numbers ("2.4.1")
 * @param signOnRequired          true when the terminal must sign on before it may transact
 * @param signedOn                true after a sign-on, false after a sign-off
 * @param lastHeardEpochMillis    when the engine last heard from the terminal; 0 for never
 */
public record TerminalRecord(String terminalId, String merchantId, int merchantCategoryCode, int countryCode,
    String region, String group, TerminalStatus status, String model, String softwareVersion,
    boolean signOnRequired, boolean signedOn, long lastHeardEpochMillis) {

    public TerminalRecord {
        final List<String> problems = problems(terminalId, merchantId, merchantCategoryCode, countryCode, region,
            group, status, model, softwareVersion);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** A new active terminal that has never been heard from and is not signed on. */
    public static TerminalRecord active(final String terminalId, final String merchantId, final int merchantCategoryCode,
        final int countryCode, final String region, final String group, final String model,
        final String softwareVersion, final boolean signOnRequired) {
        return new TerminalRecord(terminalId, merchantId, merchantCategoryCode, countryCode, region, group,
            TerminalStatus.ACTIVE, model, softwareVersion, signOnRequired, false, 0);
    }

    /** This terminal with another status. */
    public TerminalRecord withStatus(final TerminalStatus newStatus) {
        return new TerminalRecord(terminalId, merchantId, merchantCategoryCode, countryCode, region, group,
            newStatus, model, softwareVersion, signOnRequired, signedOn, lastHeardEpochMillis);
    }

    /** True when both say the same about the terminal; the engine's sign-on and last-heard time are not compared. */
    public boolean sameRegistrationAs(final TerminalRecord other) {
        return terminalId.equals(other.terminalId) && merchantId.equals(other.merchantId)
            && merchantCategoryCode == other.merchantCategoryCode && countryCode == other.countryCode
            && region.equals(other.region) && group.equals(other.group) && status == other.status
            && model.equals(other.model) && AsciiCodes.packVersion(softwareVersion)
                == AsciiCodes.packVersion(other.softwareVersion)
            && signOnRequired == other.signOnRequired;
    }

    /** Every problem of these values, each naming the field and what is allowed; empty when valid. */
    static List<String> problems(final String terminalId, final String merchantId, final int merchantCategoryCode,
        final int countryCode, final String region, final String group, final TerminalStatus status,
        final String model, final String softwareVersion) {
        final List<String> problems = new ArrayList<>();
        addIfProblem(problems, AsciiCodes.describeProblem("terminal id (field 41)", terminalId,
            AuthorizationEvent.TERMINAL_ID_LENGTH));
        addIfProblem(problems, AsciiCodes.describeProblem("merchant id (field 42)", merchantId,
            AuthorizationEvent.MERCHANT_ID_LENGTH));
        if (merchantCategoryCode < 0 || merchantCategoryCode > 9999) {
            problems.add("merchant category code " + merchantCategoryCode + " is not 0 to 9999");
        }
        if (countryCode < 1 || countryCode > 999) {
            problems.add("country code " + countryCode + " is not an ISO 3166 numeric code (1 to 999)");
        }
        addIfProblem(problems, AsciiCodes.describeProblem("region", region, AsciiCodes.MAX_LENGTH));
        addIfProblem(problems, AsciiCodes.describeProblem("group", group, AsciiCodes.MAX_LENGTH));
        if (status == null) {
            problems.add("status is missing");
        }
        addIfProblem(problems, AsciiCodes.describeProblem("model", model, AsciiCodes.MAX_LENGTH));
        if (softwareVersion == null || AsciiCodes.packVersion(softwareVersion) < 0) {
            problems.add("software version '" + softwareVersion + "' is not one to four dot-separated numbers of "
                + "0 to 65535 (e.g. 2.4.1)");
        }
        return problems;
    }

    private static void addIfProblem(final List<String> problems, final String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    @Override
    public String toString() {
        return terminalId + " merchant=" + merchantId + " mcc=" + merchantCategoryCode + " country=" + countryCode
            + " region=" + region + " group=" + group + " status=" + Objects.requireNonNull(status).configName()
            + " model=" + model + " software=" + softwareVersion + " signOnRequired=" + signOnRequired
            + " signedOn=" + signedOn + " lastHeard=" + lastHeardEpochMillis;
    }
}
