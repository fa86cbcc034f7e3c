/**
 * An open-loop load generator for the TCP front-end: N connections, a constant offered rate,
 * latency from each request's intended send time (no coordinated omission), HdrHistogram.
 */
package dev.cardgate.benchmarks.load;
