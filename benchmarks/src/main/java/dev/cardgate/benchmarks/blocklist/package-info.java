/**
 * Benchmarks of the blocklist: lookup latency against an on-heap map, import throughput, and
 * the time to open an existing map.
 */
package dev.cardgate.benchmarks.blocklist;
