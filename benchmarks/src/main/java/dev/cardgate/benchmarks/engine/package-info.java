/**
 * Benchmarks of the engine's in-process round trip (submit to listener) through the
 * zero-allocation path: JMH for throughput and allocation, an open-loop HdrHistogram harness for
 * latency at fixed offered rates.
 */
package dev.cardgate.benchmarks.engine;
