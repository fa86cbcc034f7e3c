/**
 * Benchmarks of the ISO 8583 codec, with jPOS packing and unpacking the same messages as the
 * baseline in the same run.
 */
package dev.cardgate.benchmarks.codec;
