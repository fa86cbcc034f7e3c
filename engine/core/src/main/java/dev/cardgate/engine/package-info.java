/**
 * The cardgate authorization engine.
 */
package dev.cardgate.engine;
