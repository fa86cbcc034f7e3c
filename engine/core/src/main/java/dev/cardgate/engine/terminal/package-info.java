/**
 * The terminal registry: every POS terminal the acquirer runs, keyed by its terminal id
 * (field 41), in a Chronicle Map file shared by the engine and operator processes. Operators add,
 * change, list and import terminals through {@link dev.cardgate.engine.terminal.TerminalRegistry};
 * the decision thread reads a terminal per request and writes back only when it last heard from
 * the terminal and whether it signed on, through an allocation-free
 * {@link dev.cardgate.engine.terminal.TerminalLookup}.
 */
package dev.cardgate.engine.terminal;
