/**
 * Policy and risk rules: the rules file's parser ({@link dev.cardgate.engine.rules.RulesParser},
 * format in docs/rules.md), the immutable {@link dev.cardgate.engine.rules.RuleSet} it compiles
 * into primitive structures (bitsets of merchant categories and countries, sorted BIN ranges,
 * packed names), the hand-over of a reloaded rule set to the decision thread
 * ({@link dev.cardgate.engine.rules.ActiveRules}), and the decision thread's risk state
 * (velocity per card, activity per terminal, recent authorizations for duplicates and
 * reversals) in bounded primitive tables.
 *
 * <p>Parsing allocates and runs on the caller's thread; everything the decision thread calls
 * allocates nothing.
 */
package dev.cardgate.engine.rules;
