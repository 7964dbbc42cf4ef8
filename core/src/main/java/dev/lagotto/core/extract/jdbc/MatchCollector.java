package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.scan.MatchSink;
import java.util.Arrays;

/**
 * The matches of one cell value, kept in growable parallel arrays reused from value to value (no allocation
 * per match in the steady state). Not thread-safe.
 */
final class MatchCollector implements MatchSink {
  private static final int INITIAL = 8;
  private Rule[] rules = new Rule[INITIAL];
  private int[] starts = new int[INITIAL];
  private int[] ends = new int[INITIAL];
  private double[] confidences = new double[INITIAL];
  private int size;

  void clear() {
    Arrays.fill(rules, 0, size, null);
    size = 0;
  }

  @Override
  public void match(Rule rule, int start, int end, double confidence) {
    if (size == rules.length) {
      int n = size * 2;
      rules = Arrays.copyOf(rules, n);
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      confidences = Arrays.copyOf(confidences, n);
    }
    rules[size] = rule;
    starts[size] = start;
    ends[size] = end;
    confidences[size] = confidence;
    size++;
  }

  int size() {
    return size;
  }

  Rule rule(int i) {
    return rules[i];
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  double confidence(int i) {
    return confidences[i];
  }
}
