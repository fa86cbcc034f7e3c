/**
 * Files that hold secrets or cardholder-derived data (keys, maps, journals): created owner-only,
 * atomically, and refused when others can read them; and the progress callback of a file import.
 */
package dev.cardgate.engine.files;
