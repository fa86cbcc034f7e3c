/**
 * ISO 8583 wire format: dialects (field definitions), the flyweight decoder and encoder,
 * and frame assembly. Depends on Agrona only and knows nothing of the engine.
 */
package dev.cardgate.codec;
