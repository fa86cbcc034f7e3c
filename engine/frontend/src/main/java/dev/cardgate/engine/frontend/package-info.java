/**
 * The terminal front-end: ISO 8583 over TCP (optionally TLS) on Netty. I/O threads cut frames,
 * decode them and tokenize the card, then claim, fill and publish ring entries on the engine's
 * zero-allocation path; the engine's reply thread encodes each answer into a pooled buffer and
 * writes it to the connection. Netty types stay inside this package.
 */
package dev.cardgate.engine.frontend;
