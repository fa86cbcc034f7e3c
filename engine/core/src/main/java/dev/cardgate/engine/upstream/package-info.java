/**
 * The engine's side of the link to the card network: what the pipeline needs of a link
 * ({@link dev.cardgate.engine.upstream.UpstreamLink}) and how the link reports back
 * ({@link dev.cardgate.engine.upstream.UpstreamListener}). The link itself (Netty, ISO 8583 toward
 * the network) lives in the {@code cardgate-upstream} module; the core names no network library.
 */
package dev.cardgate.engine.upstream;
