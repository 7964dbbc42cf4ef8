package dev.lagotto.core.scan;

import dev.lagotto.core.rule.Category;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a {@link Scanner} is built.
 *
 * @param prefilter {@link PrefilterMode#INDEXED} (the product), {@link PrefilterMode#INDEX_ONLY} or
 *     {@link PrefilterMode#NONE} (every rule at every position; the reference for tests and benchmarks)
 * @param categories categories reported; rules of other categories are not compiled
 * @param minConfidence matches below this confidence are not reported
 * @param defaultRegion ISO 3166 region for national phone numbers, e.g. {@code US}
 * @param reportPrivateIps whether private (RFC 1918, ULA, CGNAT) addresses are reported (with lower confidence)
 */
public record ScanSettings(
    PrefilterMode prefilter,
    Set<Category> categories,
    double minConfidence,
    String defaultRegion,
    boolean reportPrivateIps) {

  public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
  public static final ScanSettings DEFAULTS =
      new ScanSettings(PrefilterMode.INDEXED, EnumSet.allOf(Category.class), DEFAULT_MIN_CONFIDENCE, "US", true);

  public ScanSettings {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence " + minConfidence + " is not in 0..1");
    }
    categories = Set.copyOf(categories);
  }

  public ScanSettings withPrefilter(PrefilterMode mode) {
    return new ScanSettings(mode, categories, minConfidence, defaultRegion, reportPrivateIps);
  }

  public ScanSettings withCategories(Set<Category> only) {
    return new ScanSettings(prefilter, only, minConfidence, defaultRegion, reportPrivateIps);
  }

  public ScanSettings withMinConfidence(double min) {
    return new ScanSettings(prefilter, categories, min, defaultRegion, reportPrivateIps);
  }

  /**
   * Where candidates come from. {@code INDEXED}, the product: the rules with a DFA run as one lazily determinised
   * automaton that reports where their matches end ({@link dev.lagotto.core.prefilter.UnionAutomaton}), the others
   * (custom matchers) through the rule index. {@code INDEX_ONLY}: every rule through the rule index (keyword and
   * start-byte triggers; kept to compare and to test the index on all rules). {@code NONE}: every rule at every
   * position, the reference.
   */
  public enum PrefilterMode { INDEXED, INDEX_ONLY, NONE }
}
