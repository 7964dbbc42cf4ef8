package dev.lagotto.agent.cli;

import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.scan.ScanSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lagotto rules test [DIR]}: runs a pack's examples through the engine; exit 1 if any fails. */
@Command(name = RulesTestCommand.NAME, mixinStandardHelpOptions = true,
    description = "Run every rule's examples through the engine (the pack in DIR, else the selected pack).")
public final class RulesTestCommand implements Callable<Integer> {
  public static final String NAME = "test";

  @Spec
  CommandSpec spec;

  @Mixin
  RulePackOptions rulePack = new RulePackOptions();

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "A rule pack directory (default: the default pack, or --rules).")
  Path dir;

  @Override
  public Integer call() {
    RulePack pack;
    if (dir != null) {
      try {
        pack = RulePackOptions.loadDir(dir, "DIR");
      } catch (RuleLoadException e) {
        throw new UsageException("bad rule file: " + e.getMessage(), e);
      }
    } else {
      pack = rulePack.load();
    }
    RuleExampleRunner.Outcome outcome = RuleExampleRunner.run(pack, ScanSettings.DEFAULTS);
    PrintWriter out = spec.commandLine().getOut();
    for (RuleExampleRunner.Failure f : outcome.failures()) {
      out.println("FAIL " + f.rule() + ": '" + f.example() + "': " + f.why());
    }
    out.println(outcome.failures().isEmpty() ? "OK" : "FAILED");
    out.println(outcome.rules() + " rules, " + outcome.examples() + " examples, " + outcome.failures().size() + " failed");
    out.flush();
    return outcome.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
