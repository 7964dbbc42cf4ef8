/**
 * The {@code lagotto} command line: {@link dev.lagotto.agent.cli.Main} and one thin picocli command class
 * per subcommand; exit codes in {@link dev.lagotto.agent.cli.ExitCodes}. Commands take their
 * environment ({@link dev.lagotto.agent.cli.CliEnvironment}) as a value, so tests run them in-process.
 */
package dev.lagotto.agent.cli;
