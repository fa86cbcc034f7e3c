/**
 * The control channel: how an operator's process asks a running engine, in another process, to
 * act (today: reload its rules file). Requests and answers are small files, each written whole,
 * in the owner-only folder {@code <data.dir>/control}; the engine polls it on a daemon thread of
 * its own, never on the decision thread. docs/operating.md describes the protocol.
 */
package dev.cardgate.engine.control;
