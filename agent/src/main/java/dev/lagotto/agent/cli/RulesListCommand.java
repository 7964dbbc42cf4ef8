package dev.lagotto.agent.cli;

import dev.lagotto.core.rule.Rule;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lagotto rules list}: one line per rule of the pack. */
@Command(name = RulesListCommand.NAME, mixinStandardHelpOptions = true, description = "List the rules: id, category, confidence, description.")
public final class RulesListCommand implements Callable<Integer> {
  public static final String NAME = "list";

  @Spec
  CommandSpec spec;

  @Mixin
  RulePackOptions rulePack = new RulePackOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Rule r : rulePack.load().rules()) {
      out.printf(Locale.ROOT, "%-24s %-16s %4.2f  %s%n", r.id(), r.category().id(), r.confidence(),
          r.description() == null ? "" : r.description());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
