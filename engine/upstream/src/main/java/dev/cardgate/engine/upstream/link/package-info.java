/**
 * The link to the card network: {@link dev.cardgate.engine.upstream.link.NettyUpstreamLink}, an
 * ISO 8583 client over TCP (optionally TLS) on Netty that implements the core's
 * {@link dev.cardgate.engine.upstream.UpstreamLink}. Netty types stay in this module.
 */
package dev.cardgate.engine.upstream.link;
