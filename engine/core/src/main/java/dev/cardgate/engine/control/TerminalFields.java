package dev.cardgate.engine.control;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalStatus;

/** A terminal's registration as the values of a control message, both ways. */
public final class TerminalFields {
    private TerminalFields() {
    }

    public static Map<String, String> of(final TerminalRecord terminal) {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("terminal", terminal.terminalId());
        fields.put("merchant", terminal.merchantId());
        fields.put("mcc", Integer.toString(terminal.merchantCategoryCode()));
        fields.put("country", Integer.toString(terminal.countryCode()));
        fields.put("region", terminal.region());
        fields.put("group", terminal.group());
        fields.put("terminalStatus", terminal.status().configName());
        fields.put("model", terminal.model());
        fields.put("software", terminal.softwareVersion());
        fields.put("signOnRequired", Boolean.toString(terminal.signOnRequired()));
        fields.put("signedOn", Boolean.toString(terminal.signedOn()));
        fields.put("lastHeard", Long.toString(terminal.lastHeardEpochMillis()));
        return fields;
    }

    /**
     * @throws IllegalArgumentException when a value is missing or not what a terminal holds
     */
    public static TerminalRecord toRecord(final Map<String, String> fields) {
        final TerminalStatus status = TerminalStatus.fromConfigName(required(fields, "terminalStatus"));
        if (status == null) {
            throw new IllegalArgumentException("unknown terminal status '" + fields.get("terminalStatus") + "'");
        }
        try {
            return new TerminalRecord(required(fields, "terminal"), required(fields, "merchant"),
                Integer.parseInt(required(fields, "mcc")), Integer.parseInt(required(fields, "country")),
                required(fields, "region"), required(fields, "group"), status, required(fields, "model"),
                required(fields, "software"), Boolean.parseBoolean(required(fields, "signOnRequired")),
                Boolean.parseBoolean(required(fields, "signedOn")), Long.parseLong(required(fields, "lastHeard")));
        }
        catch (final NumberFormatException notANumber) {
            throw new IllegalArgumentException("a terminal's number is not one: " + notANumber.getMessage());
        }
    }

    private static String required(final Map<String, String> fields, final String name) {
        final String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the terminal's " + name + " is missing");
        }
        return value;
    }
}
