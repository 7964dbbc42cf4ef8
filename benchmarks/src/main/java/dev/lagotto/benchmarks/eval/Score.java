package dev.lagotto.benchmarks.eval;

/**
 * Counts for one category (or one sub-kind, or one rule): findings scored against planted items.
 *
 * @param findings findings reported
 * @param truePositives findings that overlap a planted item of their category
 * @param items planted items
 * @param found planted items overlapped by at least one finding of their category
 */
public record Score(long findings, long truePositives, long items, long found) {
  public long falsePositives() {
    return findings - truePositives;
  }

  public long falseNegatives() {
    return items - found;
  }

  /** True positives over findings; 1 when nothing was reported. */
  public double precision() {
    return findings == 0 ? 1 : (double) truePositives / findings;
  }

  /** Found items over planted items; 1 when nothing was planted. */
  public double recall() {
    return items == 0 ? 1 : (double) found / items;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
