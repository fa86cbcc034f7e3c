/**
 * The engine's configuration: one typed, immutable {@link
 * dev.cardgate.engine.config.EngineConfiguration} built in code or loaded from
 * {@code config/cardgate.properties} with environment overrides, validated once, every error
 * naming the key, the value, where it came from and what is allowed.
 *
 * <p>Each key is one {@link dev.cardgate.engine.config.Setting}, declared in the {@link
 * dev.cardgate.engine.config.SettingGroup} of the settings class that owns it. To add a key:
 * declare it there with its type, bounds, default and description, add the typed accessor (and
 * builder setter) its users call, add the line to {@code config/cardgate.properties}, and
 * regenerate the key tables of {@code docs/configuration.md} (ConfigurationDocsTest says how).
 */
package dev.cardgate.engine.config;
