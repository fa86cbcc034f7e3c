/**
 * Benchmarks of the decision journal: append throughput per durability mode, the engine's
 * round trip with the journal on, and the start-up time of a large journal.
 */
package dev.cardgate.benchmarks.journal;
