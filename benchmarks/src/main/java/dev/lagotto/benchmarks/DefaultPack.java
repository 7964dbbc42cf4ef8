package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;

/**
 * The default rule pack, loaded once per JVM: loading verifies every rule's examples, which costs seconds, and
 * the in-process smoke test sets up dozens of benchmark cells. Thread-safe ({@link RulePack} is immutable).
 */
final class DefaultPack {
  private static RulePack pack;

  private DefaultPack() {}

  static synchronized RulePack get() throws RuleLoadException {
    if (pack == null) {
      pack = RulePackLoader.loadDefault();
    }
    return pack;
  }
}
