package dev.cardgate.engine.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * One message of the control socket ({@link ControlSocket}): a flat JSON object of string
 * values on one line, written and read by Jackson, so that any text (a reference, a terminal's
 * model) travels whole and no value can end a line. Requests name a {@code command}; answers
 * carry a {@code status} ({@link #OK}, or an operator command's exit meaning) and the values.
 */
final class ControlMessages {
    static final String COMMAND = "command";
    static final String STATUS = "status";
    static final String MESSAGE = "message";
    /** Done. */
    static final String OK = "ok";
    /** Refused or not found (the card is not listed, the terminal not registered, the blocklist full). */
    static final String REFUSED = "refused";
    /** Bad input (a PAN, a reason, a setting). */
    static final String BAD_INPUT = "bad-input";
    /** The longest line either end reads: far above any real message, so a runaway peer is cut off. */
    static final int MAX_LINE = 64 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private ControlMessages() {
    }

    static String encode(final Map<String, String> message) {
        final StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            for (final Map.Entry<String, String> value : message.entrySet()) {
                json.writeStringField(value.getKey(), value.getValue());
            }
            json.writeEndObject();
        }
        catch (final IOException impossible) {
            throw new UncheckedIOException("writing JSON to a string failed", impossible);
        }
        return line.toString();
    }

    /** @throws IOException when {@code line} is not one flat JSON object of strings */
    static Map<String, String> decode(final String line) throws IOException {
        final Map<String, String> message = new LinkedHashMap<>();
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a control message is one JSON object");
            }
            JsonToken token;
            while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
                final String name = json.currentName();
                if (json.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IOException("the value of '" + name + "' is not a string");
                }
                message.put(name, json.getText());
            }
            if (token != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw new IOException("a control message is one flat JSON object on one line");
            }
        }
        return message;
    }

    static Map<String, String> failure(final String status, final String message) {
        final Map<String, String> answer = new LinkedHashMap<>();
        answer.put(STATUS, status);
        answer.put(MESSAGE, message);
        return answer;
    }
}
