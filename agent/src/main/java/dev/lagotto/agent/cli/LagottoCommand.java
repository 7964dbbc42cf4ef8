package dev.lagotto.agent.cli;

import dev.lagotto.agent.output.Versions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lagotto}: the top command; its subcommands are added by {@link Main#commandLine}. */
@Command(name = LagottoCommand.NAME, mixinStandardHelpOptions = true, version = "lagotto " + Versions.VERSION,
    description = "Find personal data in files, logs, documents, archives, databases and standard input; run the central index.")
public final class LagottoCommand implements Runnable {
  public static final String NAME = "lagotto";

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: scan, rules, serve, agent, search or subject");
  }
}
