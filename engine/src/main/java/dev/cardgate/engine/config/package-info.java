/**
 * The engine's configuration: one typed, immutable {@link
 * dev.cardgate.engine.config.EngineConfiguration} built in code or loaded from
 * {@code config/cardgate.properties} with environment overrides, validated once, every error
 * naming the key, the value, where it came from and what is allowed.
 */
package dev.cardgate.engine.config;
