package dev.lagotto.core.scan;

import dev.lagotto.core.rule.Category;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a {@link Scanner} is built.
 *
 * @param prefilter {@link PrefilterMode#INDEXED} (the product) or {@link PrefilterMode#NONE} (every rule at
 *     every position; the reference for tests and benchmarks)
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
   * Where candidates come from: the rule index ({@code INDEXED}), every position ({@code NONE}), or, for
   * rules with a DFA, one lazily determinised automaton of all of them that reports where matches end
   * ({@code UNION}, experimental; other rules use the index).
   */
  public enum PrefilterMode { INDEXED, NONE, UNION }
}
