/**
 * Benchmarks of the card token: hashing a PAN.
 */
package dev.cardgate.benchmarks.token;
