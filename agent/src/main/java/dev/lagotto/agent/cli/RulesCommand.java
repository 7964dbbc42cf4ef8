package dev.lagotto.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lagotto rules}: the parent of {@code list}, {@code show} and {@code test}. */
@Command(name = RulesCommand.NAME, mixinStandardHelpOptions = true, description = "List, show and test rules.")
public final class RulesCommand implements Runnable {
  public static final String NAME = "rules";

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: list, show or test");
  }
}
