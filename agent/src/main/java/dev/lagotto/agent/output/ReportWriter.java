package dev.lagotto.agent.output;

import dev.lagotto.agent.scan.ScanSummary;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.extract.jdbc.ColumnFinding;
import dev.lagotto.core.extract.jdbc.JdbcScanSummary;
import dev.lagotto.core.extract.jdbc.SkippedTable;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.RulePack;

/**
 * One output format of a scan report. Calls come in this order: {@link #begin}, then per file source its
 * findings followed by one {@link #endSource}, per database its column findings, row findings and skipped
 * tables followed by one {@link #database} (or {@link #endSource} when it failed), then {@link #summary}; a
 * source's results are never interleaved with another's. Not thread-safe: {@link GroupedReport} serialises the calls. Write errors
 * surface as {@link java.io.UncheckedIOException}.
 */
public interface ReportWriter {
  /** Before everything else; {@code pack} is the pack the scan runs. */
  void begin(RulePack pack);

  void finding(Finding finding);

  /** After the findings (if any) of {@code source}; writes a skip record unless it was scanned whole. */
  void endSource(SourceRef source, SourceResult result);

  /** A column (or latitude/longitude column pair) of a database table classified as personal data. */
  void column(ColumnFinding finding);

  /** A table (or one column of it) of {@code database} that was not scanned, or not completely. */
  void tableSkipped(SourceRef database, SkippedTable skipped);

  /** After the results of a database that was scanned to the end: its counts. */
  void database(SourceRef database, JdbcScanSummary summary);

  /** Last; ends the report and flushes. */
  void summary(ScanSummary summary);
}
