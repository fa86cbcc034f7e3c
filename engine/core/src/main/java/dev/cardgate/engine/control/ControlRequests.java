package dev.cardgate.engine.control;

import java.util.Map;

/**
 * What the control socket asks of the engine: one request (its {@code command} and values, as
 * {@link ControlMessages} reads them) in, one answer out. Called from the control socket's
 * connection threads, possibly several at once: an implementation serializes what must be.
 */
@FunctionalInterface
public interface ControlRequests {
    Map<String, String> answer(Map<String, String> request);
}
