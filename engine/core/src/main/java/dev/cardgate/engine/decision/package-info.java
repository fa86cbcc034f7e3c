/**
 * What the decision thread decides and how: the reasons and their ISO 8583 response codes
 * (field 39), the chain of checks run in a fixed order (terminal, card data, blocklist,
 * policy, risk), and the authorization ids (field 38) given to approvals.
 *
 * <p>Everything here runs on the decision thread, allocates nothing per decision and reports
 * a decline as a value written into the ring event, never as an exception.
 */
package dev.cardgate.engine.decision;
