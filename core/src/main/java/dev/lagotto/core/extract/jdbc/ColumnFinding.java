package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import java.util.List;
import java.util.Objects;

/**
 * The classification of one column (or one latitude/longitude column pair) of one table.
 *
 * @param source the database, with a URI stripped of credentials
 * @param table the table, {@code schema.table}
 * @param column the column name, or {@code lat,lng} for a coordinate pair
 * @param category what the column holds
 * @param confidence 0..1, from name and value evidence (see {@link ColumnClassifier})
 * @param rowsMatched sampled rows whose value matched the category (0 when there is only name evidence)
 * @param rowsNonNull sampled rows where the column (both columns of a pair) held a value
 * @param rowsSampled rows read from the table
 * @param masked a masked example value, or {@code null} when there is only name evidence
 * @param rule the rule that matched most rows, or {@code null} when there is only name evidence
 * @param evidence {@code NAME}, {@code VALUES} or both, in that order
 */
public record ColumnFinding(
    SourceRef source,
    String table,
    String column,
    Category category,
    double confidence,
    long rowsMatched,
    long rowsNonNull,
    long rowsSampled,
    String masked,
    String rule,
    List<Evidence> evidence) {

  public ColumnFinding {
    Objects.requireNonNull(category, "category");
    evidence = List.copyOf(evidence);
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("a column finding needs evidence");
    }
  }

  /** Where the finding sits, as a column-level {@link Location.Table} (no row). */
  public Location.Table location() {
    return new Location.Table(table, column, null);
  }

  /** Why a column was classified. Wire form: lower case. */
  public enum Evidence {
    /** The column name suggests the category. */
    NAME,
    /** Sampled values matched the category's rules. */
    VALUES;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
