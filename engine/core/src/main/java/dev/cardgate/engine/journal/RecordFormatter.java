package dev.cardgate.engine.journal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationIds;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.event.PanParts;
import dev.cardgate.engine.event.RequestField;
import dev.cardgate.engine.token.SafeEcho;
import dev.cardgate.engine.upstream.OutcomeKind;

/**
 * Renders a record as one aligned text line or one JSON line, for the reader command. Shows the
 * masked PAN and the token, never more. Allocates: a tool, not the hot path.
 */
public final class RecordFormatter {
    /** The header of the aligned text format. */
    public static final String TEXT_HEADER = String.format(
        "%-10s %-24s %-4s %-6s %-12s %-8s %-15s %-19s %12s %-3s %-4s %-2s %-24s %-5s %s", "sequence", "decided", "mti",
        "stan", "rrn", "terminal", "merchant", "pan", "amount", "cur", "mcc", "rc", "reason", "rule", "outcome");

    private RecordFormatter() {
    }

    /** One aligned line under {@link #TEXT_HEADER}; text fields with {@link SafeEcho#visible} escapes. */
    public static String text(final JournalRecord record) {
        return String.format("%-10d %-24s %04d %06d %-12s %-8s %-15s %-19s %12d %03d %04d %02d %-24s %-5d %s",
            record.sequence(), Instant.ofEpochMilli(record.decisionTimeEpochMillis()), record.messageTypeIndicator(),
            record.systemTraceAuditNumber(), SafeEcho.visible(record.retrievalReferenceNumber()),
            SafeEcho.visible(record.terminalId()), SafeEcho.visible(record.merchantId()), maskedPan(record),
            record.amountMinor(), record.currencyCode(), record.merchantCategoryCode(), record.responseCode(),
            reasonName(record), record.ruleId(), outcomeName(record));
    }

    /**
     * How the answer came about with respect to the network ({@link OutcomeKind#label()}: local,
     * forwarded, network, stand-in-approval, ...); a record written before the upstream link is local.
     */
    public static String outcomeName(final JournalRecord record) {
        final int ordinal = record.event().outcomeKindOrdinal();
        final OutcomeKind kind = OutcomeKind.fromOrdinal(ordinal);
        return kind == null ? "outcome-" + ordinal : kind.label();
    }

    /**
     * One JSON object on one line, written by Jackson: text fields carry each byte of the record
     * as one character (ISO 8859-1), escaped as JSON requires, so the line is valid JSON whatever
     * a terminal sent.
     */
    public static String json(final JournalRecord record) {
        final StringWriter line = new StringWriter(512);
        try (JsonGenerator json = JsonOutput.generator(line)) {
            json.writeStartObject();
            json.writeNumberField("sequence", record.sequence());
            json.writeStringField("decidedAt", Instant.ofEpochMilli(record.decisionTimeEpochMillis()).toString());
            json.writeNumberField("monotonicNanos", record.monotonicNanos());
            json.writeStringField("messageType", String.format("%04d", record.messageTypeIndicator()));
            writeRequestFields(json, record);
            json.writeStringField("maskedPan", maskedPan(record));
            if (record.cardTokenPresent()) {
                json.writeStringField("cardToken", String.format("%016x%016x", record.cardTokenHigh(),
                    record.cardTokenLow()));
            }
            else {
                json.writeNullField("cardToken");
            }
            json.writeStringField("responseCode", String.format("%02d", record.responseCode()));
            json.writeStringField("reason", reasonName(record));
            json.writeNumberField("ruleId", record.ruleId());
            if (record.authorizationId() == AuthorizationEvent.NO_AUTHORIZATION_ID) {
                json.writeNullField("authorizationId");
            }
            else {
                json.writeStringField("authorizationId", AuthorizationIds.toString(record.authorizationId()));
            }
            json.writeStringField("outcome", outcomeName(record));
            json.writeNumberField("storedMessages", record.event().storedMessages());
            json.writeNumberField("upstreamStan", record.event().upstreamTraceNumber());
            if (record.event().outcomeKindOrdinal() == 0) {
                json.writeNullField("networkResponseCode");
            }
            else {
                json.writeNumberField("networkResponseCode", record.event().networkResponseCode());
            }
            writeOriginalData(json, record);
            json.writeEndObject();
        }
        catch (final IOException impossible) {
            throw new UncheckedIOException("writing JSON to a string failed", impossible);
        }
        return line.toString();
    }

    /** Every field of the one table ({@link RequestField}), as it travels in the slot. */
    private static void writeRequestFields(final JsonGenerator json, final JournalRecord record) throws IOException {
        final AuthorizationEvent event = record.event();
        for (final RequestField field : RequestField.all()) {
            switch (field.kind()) {
                case TEXT:
                    final byte[] text = new byte[field.width()];
                    event.textInto(field, text, 0);
                    json.writeStringField(field.jsonName(), trimmed(text));
                    break;
                case DIGITS_10:
                    json.writeStringField(field.jsonName(), String.format("%010d", event.number(field)));
                    break;
                default:
                    json.writeNumberField(field.jsonName(), event.number(field));
                    break;
            }
        }
    }

    /** One character per byte, trailing spaces removed. */
    private static String trimmed(final byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == ' ') {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** Field 90 of a reversal, or nothing. */
    private static void writeOriginalData(final JsonGenerator json, final JournalRecord record) throws IOException {
        if (!record.originalDataPresent()) {
            return;
        }
        json.writeObjectFieldStart("original");
        json.writeStringField("messageType", String.format("%04d", record.originalMessageType()));
        json.writeNumberField("stan", record.originalSystemTraceAuditNumber());
        json.writeStringField("transmissionDateTime", String.format("%010d", record.originalTransmissionDateTime()));
        json.writeEndObject();
    }

    static String reasonName(final JournalRecord record) {
        final DecisionReason reason = record.reason();
        return reason != null ? reason.name() : "UNKNOWN-" + record.reasonOrdinal();
    }

    private static String maskedPan(final JournalRecord record) {
        return PanParts.toString(record.panLength(), record.panFirstSix(), record.panLastFour());
    }
}
