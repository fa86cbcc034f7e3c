package dev.cardgate.engine.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.frontend.FrontEnd;

/**
 * What {@code /health} reports for a served engine: the engine's own problems (closing, a map
 * not open, the journal unable to write) and whether its front-end listens.
 */
public final class EngineReadiness implements Supplier<List<String>> {
    private final AuthorizationEngine engine;
    private final FrontEnd frontEnd;

    public EngineReadiness(final AuthorizationEngine engine, final FrontEnd frontEnd) {
        this.engine = engine;
        this.frontEnd = frontEnd;
    }

    /** What is not ready now; empty when ready. */
    @Override
    public List<String> get() {
        final List<String> problems = new ArrayList<>(engine.healthProblems());
        if (!frontEnd.isListening()) {
            problems.add("the front-end is not listening");
        }
        problems.addAll(engine.healthDegradations());
        return problems;
    }
}
