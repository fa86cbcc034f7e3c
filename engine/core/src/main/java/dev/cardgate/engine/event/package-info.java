/**
 * The authorization as it travels the ring: the pre-allocated {@link
 * dev.cardgate.engine.event.AuthorizationEvent} a producer fills, the reasons and response
 * codes the decision thread writes into it, and the listener that receives the answer.
 *
 * <p>Nothing here allocates per request; text fields are fixed byte arrays, and renderers
 * write into a caller's buffer.
 */
package dev.cardgate.engine.event;
