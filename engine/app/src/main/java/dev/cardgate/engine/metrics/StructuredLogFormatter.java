package dev.cardgate.engine.metrics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.cardgate.engine.config.LogFormat;

/**
 * Writes each java.util.logging record (the engine's System.Logger lines and, through
 * slf4j-jdk14, Chronicle's) as one line: {@code key=value} pairs or a JSON object, with the
 * time, level, logger, thread, message and any exception (its stack trace escaped onto the
 * same line). Card numbers are masked ({@link PanScrubber}) in every field.
 */
public final class StructuredLogFormatter extends Formatter {
    private final LogFormat format;

    public StructuredLogFormatter(final LogFormat format) {
        this.format = format;
    }

    /** Makes every handler of the root logger write this format (a console handler if it has none). */
    public static void install(final LogFormat format) {
        final Logger root = Logger.getLogger("");
        if (root.getHandlers().length == 0) {
            root.addHandler(new ConsoleHandler());
        }
        for (final Handler handler : root.getHandlers()) {
            handler.setFormatter(new StructuredLogFormatter(format));
        }
    }

    @Override
    public String format(final LogRecord record) {
        final StringBuilder line = new StringBuilder(256);
        if (format == LogFormat.JSON) {
            line.append('{');
        }
        field(line, "time", Instant.ofEpochMilli(record.getMillis()).toString());
        field(line, "level", record.getLevel().getName());
        field(line, "logger", record.getLoggerName() == null ? "" : record.getLoggerName());
        field(line, "thread", Thread.currentThread().getName());
        field(line, "message", formatMessage(record));
        if (record.getThrown() != null) {
            final StringWriter stack = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(stack));
            field(line, "error", stack.toString().stripTrailing());
        }
        if (format == LogFormat.JSON) {
            line.append('}');
        }
        return line.append(System.lineSeparator()).toString();
    }

    private void field(final StringBuilder line, final String key, final String value) {
        final String safe = PanScrubber.scrub(value);
        if (format == LogFormat.JSON) {
            if (line.length() > 1) {
                line.append(',');
            }
            line.append('"').append(key).append("\":\"");
            escape(line, safe);
            line.append('"');
            return;
        }
        if (line.length() > 0) {
            line.append(' ');
        }
        line.append(key).append('=');
        final boolean quoted = safe.isEmpty() || safe.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20);
        if (quoted) {
            line.append('"');
            escape(line, safe);
            line.append('"');
        }
        else {
            line.append(safe);
        }
    }

    /** JSON string escapes, which also keep a key=value line on one line. */
    private static void escape(final StringBuilder line, final String value) {
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            switch (c) {
                case '"':
                    line.append("\\\"");
                    break;
                case '\\':
                    line.append("\\\\");
                    break;
                case '\n':
                    line.append("\\n");
                    break;
                case '\r':
                    line.append("\\r");
                    break;
                case '\t':
                    line.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int)c));
                    }
                    else {
                        line.append(c);
                    }
            }
        }
    }
}
