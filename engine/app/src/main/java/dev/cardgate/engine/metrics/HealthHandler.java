package dev.cardgate.engine.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code /health}: 200 and "ready" when nothing is wrong, else 503 and one line per thing that
 * is not ready (the maps closed, the journal unable to write, the front-end not listening).
 * Any other path is 404.
 */
final class HealthHandler implements HttpHandler {
    static final String PATH = "/health";

    private final Supplier<List<String>> problems;

    /** @param problems what is not ready now; empty when ready */
    HealthHandler(final Supplier<List<String>> problems) {
        this.problems = problems;
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "not found: try /metrics or /health\n");
                return;
            }
            final List<String> notReady = problems.get();
            respond(exchange, notReady.isEmpty() ? 200 : 503,
                notReady.isEmpty() ? "ready\n" : "not ready:\n" + String.join("\n", notReady) + "\n");
        }
    }

    private static void respond(final HttpExchange exchange, final int status, final String body) throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
