package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.extract.jdbc.ColumnFinding.Evidence;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a column's name evidence and value counts into column findings. Cost: constant per column and
 * category. Immutable and thread-safe.
 *
 * <p>Confidence of value evidence: the mean match confidence, weighted by the share {@code r} of non-null
 * values that matched ({@code 1} when {@code r >= }{@value #DOMINANT_RATIO}, else {@code 0.6 + 0.8 r}), plus
 * {@value #NAME_BOOST} when the name agrees, minus {@value #LOOK_ALIKE_PENALTY} when the name marks look-alike
 * data ({@code sku}, {@code sha256}, {@code version}). Numeric columns need the name to agree, or
 * {@value #NUMERIC_VALUE_ONLY_RATIO} of the values to match. Name evidence alone gives
 * {@value #NAME_ONLY_CONFIDENCE}, or {@value #CONTRADICTED_CONFIDENCE} when rules of a {@link #SELF_EVIDENT}
 * category ran over at least {@value #MIN_VALUES_TO_CONTRADICT} values and none matched. Findings below the scanner's minimum
 * confidence are dropped.
 */
final class ColumnClassifier {
  static final double DOMINANT_RATIO = 0.5;
  static final double NAME_BOOST = 0.15;
  static final double LOOK_ALIKE_PENALTY = 0.4;
  static final double NUMERIC_VALUE_ONLY_RATIO = 0.9;
  static final double NAME_ONLY_CONFIDENCE = 0.6;
  static final double CONTRADICTED_CONFIDENCE = 0.3;
  static final long MIN_VALUES_TO_CONTRADICT = 5;
  /**
   * Categories whose rules recognise a bare value on its own, so that values without a single match contradict
   * the name. Names, phones in national formats, dates, addresses and national IDs often need context a lone
   * cell lacks: for them the name stands.
   */
  static final Set<Category> SELF_EVIDENT = java.util.EnumSet.of(Category.EMAIL, Category.IPV4, Category.IPV6,
      Category.CREDIT_CARD, Category.IBAN, Category.MAC_ADDRESS);
  /** Share of rows with both coordinates in range for a latitude/longitude pair to count. */
  static final double PAIR_MIN_RATIO = 0.9;
  static final double PAIR_CONFIDENCE = 0.9;

  private final Set<Category> ruleCategories;
  private final double minConfidence;

  /**
   * @param ruleCategories categories for which the scanner has rules (only those can contradict a name)
   * @param minConfidence findings below this are dropped
   */
  ColumnClassifier(Set<Category> ruleCategories, double minConfidence) {
    this.ruleCategories = Set.copyOf(ruleCategories);
    this.minConfidence = minConfidence;
  }

  /** The findings of one column, highest confidence first; {@code paired} columns get no name-only finding. */
  List<ColumnFinding> classify(SourceRef source, String table, ColumnInfo col, ColumnStats stats, long rows, boolean paired) {
    List<ColumnFinding> out = new ArrayList<>();
    for (Map.Entry<Category, ColumnStats.CategoryStats> e : stats.byCategory().entrySet()) {
      Category category = e.getKey();
      ColumnStats.CategoryStats cs = e.getValue();
      if (!col.kind().categories().contains(category) || cs.rows() == 0) {
        continue;
      }
      double ratio = (double) cs.rows() / Math.max(1, stats.nonNull());
      boolean named = category == col.hint();
      if (col.kind() == ColumnKind.NUMERIC && !named && ratio < NUMERIC_VALUE_ONLY_RATIO) {
        continue;
      }
      double score = cs.meanConfidence() * (ratio >= DOMINANT_RATIO ? 1 : 0.6 + 0.8 * ratio);
      if (named) {
        score += NAME_BOOST;
      }
      if (col.lookAlike()) {
        score -= LOOK_ALIKE_PENALTY;
      }
      List<Evidence> evidence = named ? List.of(Evidence.NAME, Evidence.VALUES) : List.of(Evidence.VALUES);
      add(out, new ColumnFinding(source, table, col.name(), category, round(score), cs.rows(), stats.nonNull(), rows,
          cs.masked(), cs.topRule(), evidence));
    }
    Category hint = col.hint();
    if (hint != null && !paired && !stats.byCategory().containsKey(hint) && stats.nonNull() > 0) {
      boolean contradicted = col.kind().scanned() && ruleCategories.contains(hint) && SELF_EVIDENT.contains(hint)
          && stats.nonNull() >= MIN_VALUES_TO_CONTRADICT;
      double score = contradicted ? CONTRADICTED_CONFIDENCE : NAME_ONLY_CONFIDENCE;
      add(out, new ColumnFinding(source, table, col.name(), hint, score, 0, stats.nonNull(), rows, null, null,
          List.of(Evidence.NAME)));
    }
    out.sort(Comparator.comparingDouble(ColumnFinding::confidence).reversed().thenComparing(f -> f.category().ordinal()));
    return out;
  }

  /** The finding of a latitude/longitude column pair, if enough rows hold coordinates in range. */
  List<ColumnFinding> classifyPair(SourceRef source, String table, GeoPair pair, long rows) {
    if (pair.rowsBoth() == 0) {
      return List.of();
    }
    double ratio = (double) pair.rowsInRange() / pair.rowsBoth();
    if (ratio < PAIR_MIN_RATIO || PAIR_CONFIDENCE < minConfidence) {
      return List.of();
    }
    return List.of(new ColumnFinding(source, table, pair.latitude().name() + "," + pair.longitude().name(),
        Category.GEO_COORDINATES, PAIR_CONFIDENCE, pair.rowsInRange(), pair.rowsBoth(), rows, pair.masked(), null,
        List.of(Evidence.NAME, Evidence.VALUES)));
  }

  private void add(List<ColumnFinding> out, ColumnFinding f) {
    if (f.confidence() >= minConfidence) {
      out.add(f);
    }
  }

  private static double round(double score) {
    return Math.round(Math.max(0, Math.min(1, score)) * 100) / 100.0;
  }
}
