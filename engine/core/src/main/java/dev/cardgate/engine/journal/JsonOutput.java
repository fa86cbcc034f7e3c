package dev.cardgate.engine.journal;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * The Jackson factory the journal's printers write JSON lines with: strings are escaped as JSON
 * requires (every control character, quote and backslash), and characters outside ASCII are
 * written as {@code \\uNNNN} escapes, so a line is valid JSON, and plain ASCII, for every byte a
 * record can hold. Thread-safe (Jackson's factory is); each generator is one caller's.
 */
final class JsonOutput {
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private JsonOutput() {
    }

    /** A generator writing to {@code destination}; closing it flushes but leaves the writer open. */
    static JsonGenerator generator(final Writer destination) throws IOException {
        return FACTORY.createGenerator(destination).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
