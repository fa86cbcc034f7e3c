/**
 * Card tokens: the keyed hash under which a PAN is looked up, and the key it is made with.
 */
package dev.cardgate.engine.token;
