/**
 * The baseline the load generator measures cardgate against: an authorization server built the
 * way a typical jPOS user builds one, run on the same machine in the same run.
 */
package dev.cardgate.benchmarks.baseline;
