package dev.lagotto.agent.daemon;

import dev.lagotto.agent.cli.CliEnvironment;
import picocli.CommandLine;

/** Runs {@code lagotto agent} alone in a child JVM for the crash tests (the CLI's Main belongs to another package). */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new AgentCommand(CliEnvironment.system())).execute(args));
  }
}
