package dev.cardgate.engine.blocklist;

/**
 * One blocklist entry with the token it is listed under, as an export writes it.
 *
 * @param token the card token, 32 hexadecimal digits (the keyed hash of the PAN)
 * @param entry the entry
 */
public record ListedToken(String token, BlocklistEntry entry) {
}
