/**
 * Benchmarks of the decision thread's check chain (terminal registry, card checks, blocklist,
 * policy and risk rules) at production sizes, per kind of decision.
 */
package dev.cardgate.benchmarks.rules;
