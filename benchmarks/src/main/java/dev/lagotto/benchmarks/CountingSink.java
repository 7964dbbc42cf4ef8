package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.scan.MatchSink;
import java.util.Arrays;

/** A {@link MatchSink} that counts matches, in total and by category. No allocation per match; not thread-safe. */
public final class CountingSink implements MatchSink {
  private final long[] byCategory = new long[Category.values().length];
  private long total;

  @Override
  public void match(Rule rule, int start, int end, double confidence) {
    total++;
    byCategory[rule.category().ordinal()]++;
  }

  public long total() {
    return total;
  }

  public long count(Category category) {
    return byCategory[category.ordinal()];
  }

  public void reset() {
    total = 0;
    Arrays.fill(byCategory, 0);
  }
}
