/**
 * JMH benchmarks and the load generator. Nothing depends on this module.
 */
package dev.cardgate.benchmarks;
