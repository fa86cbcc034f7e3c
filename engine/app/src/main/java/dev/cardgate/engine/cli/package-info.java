/**
 * The {@code cardgate} command line (picocli): the top command and its subcommands, one class
 * each. To add a subcommand, write its class and list it in {@link
 * dev.cardgate.engine.cli.CardgateCommand}'s {@code subcommands}.
 */
package dev.cardgate.engine.cli;
