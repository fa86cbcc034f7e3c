/**
 * Turning measured distributions into something to look at: percentile plots of .hgrm files.
 */
package dev.cardgate.benchmarks.report;
