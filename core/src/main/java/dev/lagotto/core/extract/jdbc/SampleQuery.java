package dev.lagotto.core.extract.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL that reads one table's sample, chosen so that repeated runs read the same rows:
 * <ul>
 *   <li>with a row key ({@link Catalogue#rowKey}: the primary key, else a unique index over {@code NOT NULL}
 *       columns): {@code ORDER BY} the key, {@code LIMIT n};
 *   <li>SQLite and H2 without one: {@code ORDER BY} the row id ({@code _rowid_}, {@code _ROWID_});
 *   <li>PostgreSQL, when the planner's row estimate exceeds {@value #TABLESAMPLE_MIN_FACTOR} times the sample:
 *       {@code TABLESAMPLE SYSTEM (p) REPEATABLE (seed)} with {@code p} sized for {@value #OVERSAMPLE} times the
 *       sample (a few pages, not the whole table), then ordered by the key where there is one; the sample
 *       stays the same while the table's pages and the estimate do;
 *   <li>otherwise (MariaDB or a small PostgreSQL table without a key) the first {@code n} rows in storage
 *       order: for InnoDB the clustered order of its hidden row id, i.e. insertion order, stable until rows
 *       are deleted; for PostgreSQL the heap order, stable until rows are updated or the table is rewritten.
 *       Ordering by all columns instead would make the database sort the whole table on every scan.
 * </ul>
 * Each query selects the row-label columns first (the key when it is opaque, or the row id), then the data
 * columns.
 *
 * @param sql the statement
 * @param labelColumns how many leading columns form the row label (0: the row number is used)
 * @param tableSample whether {@code TABLESAMPLE} was used
 */
record SampleQuery(String sql, int labelColumns, boolean tableSample) {
  static final long TABLESAMPLE_MIN_FACTOR = 4;
  static final long OVERSAMPLE = 3;

  static SampleQuery build(Dialect dialect, String tableSql, String quote, List<ColumnInfo> keys, List<ColumnInfo> data,
      JdbcScanOptions options, long estimatedRows) {
    List<String> order = new ArrayList<>();
    List<String> label = new ArrayList<>();
    if (!keys.isEmpty()) {
      keys.forEach(k -> order.add(TableRef.quote(k.name(), quote)));
      if (keys.stream().allMatch(ColumnInfo::opaqueKey)) {
        label.addAll(order);
      }
    } else if (dialect.rowIdColumn() != null) {
      order.add(dialect.rowIdColumn());
      label.add(dialect.rowIdColumn());
    }
    List<String> select = new ArrayList<>(label);
    data.forEach(c -> select.add(TableRef.quote(c.name(), quote)));
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ").append(tableSql);
    boolean sample = dialect.supportsTableSample() && !options.allRows()
        && estimatedRows > options.sampleRows() * TABLESAMPLE_MIN_FACTOR;
    if (sample) {
      double percent = Math.min(100.0, 100.0 * options.sampleRows() * OVERSAMPLE / estimatedRows);
      sql.append(String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.6f) REPEATABLE (%d)", percent, options.sampleSeed()));
    }
    if (!order.isEmpty()) {
      sql.append(" ORDER BY ").append(String.join(", ", order));
    }
    if (!options.allRows() && dialect != Dialect.OTHER) {
      sql.append(" LIMIT ").append(options.sampleRows());
    }
    return new SampleQuery(sql.toString(), label.size(), sample);
  }
}
