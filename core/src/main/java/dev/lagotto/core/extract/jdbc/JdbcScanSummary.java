package dev.lagotto.core.extract.jdbc;

import java.time.Duration;

/**
 * Counts of one database scan.
 *
 * @param uri the database, stripped of credentials
 * @param tablesScanned tables whose sample was read to the end
 * @param tablesSkipped tables not scanned or not completely (each reported as a {@link SkippedTable})
 * @param rowsScanned rows read over all tables
 * @param valuesScanned non-null cell values run through the scanner
 * @param binaryColumnsSkipped binary columns never read
 * @param columnFindings column-level findings reported
 * @param rowFindings row-level findings reported ({@code --per-row})
 * @param elapsed wall-clock time of the scan
 */
public record JdbcScanSummary(
    String uri,
    long tablesScanned,
    long tablesSkipped,
    long rowsScanned,
    long valuesScanned,
    long binaryColumnsSkipped,
    long columnFindings,
    long rowFindings,
    Duration elapsed) {

  /** Rows read per second of wall-clock time. */
  public double rowsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : rowsScanned / seconds;
  }
}
