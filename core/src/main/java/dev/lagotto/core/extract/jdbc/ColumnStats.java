package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.rule.Category;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per-column counts of one table sample: non-null values and, per category, matched rows, summed match
 * confidence, the rule that matched most rows and the first masked example. Memory: constant per category
 * and rule. Not thread-safe.
 */
final class ColumnStats {
  private long nonNull;
  private long truncated;
  private final Map<Category, CategoryStats> byCategory = new EnumMap<>(Category.class);

  void value() {
    nonNull++;
  }

  void truncatedValue() {
    truncated++;
  }

  /** One row matched {@code category}; {@code masked} is asked for only for the first example. */
  void matched(Category category, String rule, double confidence, Supplier<String> masked) {
    CategoryStats s = byCategory.computeIfAbsent(category, k -> new CategoryStats());
    s.rows++;
    s.confidenceSum += confidence;
    s.ruleRows.merge(rule, 1L, Long::sum);
    if (s.masked == null) {
      s.masked = masked.get();
    }
  }

  long nonNull() {
    return nonNull;
  }

  long truncated() {
    return truncated;
  }

  Map<Category, CategoryStats> byCategory() {
    return byCategory;
  }

  /** The counts of one category in one column. */
  static final class CategoryStats {
    private long rows;
    private double confidenceSum;
    private String masked;
    private final Map<String, Long> ruleRows = new HashMap<>();

    long rows() {
      return rows;
    }

    double meanConfidence() {
      return rows == 0 ? 0 : confidenceSum / rows;
    }

    String masked() {
      return masked;
    }

    /** The rule that matched most rows (ties: the smaller id, so the answer is stable). */
    String topRule() {
      return ruleRows.entrySet().stream()
          .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
          .map(Map.Entry::getKey).orElse(null);
    }
  }
}
