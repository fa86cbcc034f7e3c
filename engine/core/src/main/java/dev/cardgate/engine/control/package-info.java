/**
 * The control channel: how an operator's process asks a running engine, in another process, to
 * act: reload its rules file through request and answer files, each written whole, in the
 * owner-only folder {@code <data.dir>/control}, polled by a daemon thread of the engine's own;
 * check, block and unblock cards and show or change terminals through a Unix domain socket in
 * that folder, answered at once on threads of its own. Never on the decision thread.
 * docs/operating.md describes both.
 */
package dev.cardgate.engine.control;
