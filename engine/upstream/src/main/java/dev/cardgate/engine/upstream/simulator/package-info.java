/**
 * The issuer simulator: an ISO 8583 server that answers like a card network or issuer would,
 * and misbehaves on command (declines by rule, answers late, drops answers, closes, refuses
 * sign-on), so that every path of the upstream link can be shown and tested.
 */
package dev.cardgate.engine.upstream.simulator;
