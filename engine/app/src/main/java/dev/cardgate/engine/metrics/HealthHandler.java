package dev.cardgate.engine.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import dev.cardgate.engine.AuthorizationEngine;

/**
 * {@code /health}: 200 and "ready" when nothing is wrong, else 503 and one line per thing that
 * is not ready (the maps closed, the journal unable to write, the front-end not listening);
 * 200 and the lines beginning "degraded: " when the engine answers but in a degraded way (the
 * upstream link down: stand-in).
 * Any other path is 404.
 */
final class HealthHandler implements HttpHandler {
    // lines of the engine's healthDegradations(): reported with 200, the engine still answers
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
            // degraded (stand-in while the upstream link is down) still answers terminals: 200, not 503
            final boolean onlyDegraded = notReady.stream().allMatch(line -> line.startsWith(AuthorizationEngine.DEGRADED));
            respond(exchange, onlyDegraded ? 200 : 503, notReady.isEmpty() ? "ready\n"
                : (onlyDegraded ? "" : "not ready:\n") + String.join("\n", notReady) + "\n");
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
