package dev.lagotto.agent.cli;

import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} and {@code --rules-mode add|replace} options, shared by {@code scan} and {@code rules}. */
public final class RulePackOptions {
  /** How a user pack combines with the default pack. */
  public enum Mode {
    /** The user's rules are added; one with a default rule's id replaces it. */
    ADD,
    /** Only the user's rules are used. */
    REPLACE
  }

  @Option(names = "--rules", paramLabel = "DIR", description = "A directory of rule YAML files (searched recursively).")
  Path rulesDir;

  @Option(names = "--rules-mode", paramLabel = "MODE", defaultValue = "add",
      description = "add (default): add to the default pack; replace: use only the --rules pack.")
  Mode mode = Mode.ADD;

  /** The pack these options select; a bad directory or rule file is a {@link UsageException}. */
  public RulePack load() {
    try {
      if (rulesDir == null) {
        if (mode == Mode.REPLACE) {
          throw new UsageException("--rules-mode replace needs --rules DIR");
        }
        return RulePackLoader.loadDefault();
      }
      RulePack user = loadDir(rulesDir, "--rules");
      return mode == Mode.REPLACE ? user : RulePackLoader.loadDefault().with(user);
    } catch (RuleLoadException e) {
      throw new UsageException("bad rule file: " + e.getMessage(), e);
    }
  }

  /** The pack in {@code dir}; {@code option} names the option in messages. */
  static RulePack loadDir(Path dir, String option) throws RuleLoadException {
    if (!Files.isDirectory(dir)) {
      throw new UsageException(option + " " + dir + ": not a directory");
    }
    return RulePackLoader.load(dir);
  }
}
