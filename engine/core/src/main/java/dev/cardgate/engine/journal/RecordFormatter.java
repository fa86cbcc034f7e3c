package dev.cardgate.engine.journal;

import java.time.Instant;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationIds;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.event.PanParts;
import dev.cardgate.engine.event.RequestField;
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

    /** One aligned line under {@link #TEXT_HEADER}. */
    public static String text(final JournalRecord record) {
        return String.format("%-10d %-24s %04d %06d %-12s %-8s %-15s %-19s %12d %03d %04d %02d %-24s %-5d %s",
            record.sequence(), Instant.ofEpochMilli(record.decisionTimeEpochMillis()), record.messageTypeIndicator(),
            record.systemTraceAuditNumber(), record.retrievalReferenceNumber(), record.terminalId(), record.merchantId(),
            maskedPan(record),
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

    /** One JSON object on one line. */
    public static String json(final JournalRecord record) {
        return "{\"sequence\":" + record.sequence()
            + ",\"decidedAt\":\"" + Instant.ofEpochMilli(record.decisionTimeEpochMillis()) + '"'
            + ",\"monotonicNanos\":" + record.monotonicNanos()
            + ",\"messageType\":\"" + String.format("%04d", record.messageTypeIndicator()) + '"'
            + requestFieldsJson(record)
            + ",\"maskedPan\":\"" + maskedPan(record) + '"'
            + ",\"cardToken\":" + (record.cardTokenPresent()
                ? "\"" + String.format("%016x%016x", record.cardTokenHigh(), record.cardTokenLow()) + '"' : "null")
            + ",\"responseCode\":\"" + String.format("%02d", record.responseCode()) + '"'
            + ",\"reason\":\"" + reasonName(record) + '"'
            + ",\"ruleId\":" + record.ruleId()
            + ",\"authorizationId\":" + (record.authorizationId() == AuthorizationEvent.NO_AUTHORIZATION_ID ? "null"
                : "\"" + AuthorizationIds.toString(record.authorizationId()) + '"')
            + ",\"outcome\":\"" + outcomeName(record) + '"'
            + ",\"storedMessages\":" + record.event().storedMessages()
            + ",\"upstreamStan\":" + record.event().upstreamTraceNumber()
            + ",\"networkResponseCode\":" + (record.event().outcomeKindOrdinal() == 0 ? "null"
                : String.valueOf(record.event().networkResponseCode()))
            + originalDataJson(record) + '}';
    }

    /** Every field of the one table ({@link RequestField}), as it travels in the slot. */
    private static String requestFieldsJson(final JournalRecord record) {
        final StringBuilder json = new StringBuilder(256);
        final AuthorizationEvent event = record.event();
        for (final RequestField field : RequestField.all()) {
            json.append(",\"").append(field.jsonName()).append("\":");
            switch (field.kind()) {
                case TEXT:
                    final byte[] text = new byte[field.width()];
                    event.textInto(field, text, 0);
                    json.append('"').append(escape(trimmed(text))).append('"');
                    break;
                case DIGITS_10:
                    json.append('"').append(String.format("%010d", event.number(field))).append('"');
                    break;
                default:
                    json.append(event.number(field));
                    break;
            }
        }
        return json.toString();
    }

    private static String trimmed(final byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == ' ') {
            end--;
        }
        return new String(bytes, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Field 90 of a reversal, or nothing. */
    private static String originalDataJson(final JournalRecord record) {
        if (!record.originalDataPresent()) {
            return "";
        }
        return ",\"original\":{\"messageType\":\"" + String.format("%04d", record.originalMessageType())
            + "\",\"stan\":" + record.originalSystemTraceAuditNumber()
            + ",\"transmissionDateTime\":\"" + String.format("%010d", record.originalTransmissionDateTime()) + "\"}";
    }

    static String reasonName(final JournalRecord record) {
        final DecisionReason reason = record.reason();
        return reason != null ? reason.name() : "UNKNOWN-" + record.reasonOrdinal();
    }

    private static String maskedPan(final JournalRecord record) {
        return PanParts.toString(record.panLength(), record.panFirstSix(), record.panLastFour());
    }

    private static String escape(final String text) {
        final StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
