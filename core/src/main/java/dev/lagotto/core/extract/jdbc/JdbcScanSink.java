package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.finding.Finding;

/**
 * Receives the results of a {@link DatabaseScanner} run as they are produced, on the scanning thread:
 * all column findings of a table after its sample has been read, row findings while it is read.
 */
public interface JdbcScanSink {

  /** A column (or column pair) classified as holding personal data. */
  void column(ColumnFinding finding);

  /** A table not scanned, or not completely. */
  void skipped(SkippedTable skipped);

  /** One matching cell ({@code --per-row} only); its location is a {@link dev.lagotto.core.finding.Location.Table}. */
  default void row(Finding finding) {}

  /** Called before a table's sample query runs. */
  default void tableStarting(TableRef table) {}
}
