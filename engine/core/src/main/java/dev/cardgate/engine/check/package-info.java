/**
 * The contract of one check in the decision chain ({@link dev.cardgate.engine.check.DecisionCheck})
 * and the fixed order of the stages it belongs to ({@link dev.cardgate.engine.check.DecisionStage}):
 * what the chain in {@code decision} runs and what the policy and risk checks in {@code rules}
 * implement, kept apart so that neither of those packages needs the other's classes to declare
 * a check.
 */
package dev.cardgate.engine.check;
