package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePack;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule packs of a chosen size for {@link RuleCountBenchmark}: the first rules of a base pack, topped up with
 * synthetic keyworded rules {@code tkn_<n>_[a-z0-9]{8}} whose keywords {@code tkn_<n>_} are distinct and
 * absent from the generated corpora. An indexed engine pays for them only in its keyword automaton; an engine
 * that runs every rule pays a full pass each.
 */
public final class SyntheticRules {
  public static final String ID_PREFIX = "synthetic_tkn_";
  public static final Category CATEGORY = Category.SESSION_ID;
  public static final double CONFIDENCE = 0.8;

  private SyntheticRules() {}

  /** The keyword of synthetic rule {@code n}. */
  public static String keyword(int n) {
    return "tkn_" + n + "_";
  }

  /** Synthetic rule {@code n}. */
  public static Rule rule(int n) {
    return new Rule(ID_PREFIX + n, CATEGORY, "Synthetic keyworded rule " + n + " (benchmarks only).",
        keyword(n) + "[a-z0-9]{8}", null, Rule.Boundary.WORD, List.of(keyword(n)), null, List.of(), null,
        CONFIDENCE, null, null, "synthetic:" + n);
  }

  /** {@code total} rules: the first {@code min(total, base.size())} of {@code base}, then synthetic ones. */
  public static RulePack pack(RulePack base, int total) {
    if (total < 1) {
      throw new IllegalArgumentException("rule count " + total + " is not positive");
    }
    List<Rule> rules = new ArrayList<>(base.rules().subList(0, Math.min(total, base.size())));
    for (int n = 0; rules.size() < total; n++) {
      rules.add(rule(n));
    }
    return new RulePack(rules);
  }
}
