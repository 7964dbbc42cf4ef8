package dev.lagotto.agent.output;

import dev.lagotto.agent.scan.ScanSummary;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.RulePack;

/**
 * One output format of a scan report. Calls come in this order: {@link #begin}, then per source its
 * findings followed by one {@link #endSource}, then {@link #summary}; a source's findings are never
 * interleaved with another's. Not thread-safe: {@link GroupedReport} serialises the calls. Write errors
 * surface as {@link java.io.UncheckedIOException}.
 */
public interface ReportWriter {
  /** Before everything else; {@code pack} is the pack the scan runs. */
  void begin(RulePack pack);

  void finding(Finding finding);

  /** After the findings (if any) of {@code source}; writes a skip record unless it was scanned whole. */
  void endSource(SourceRef source, SourceResult result);

  /** Last; ends the report and flushes. */
  void summary(ScanSummary summary);
}
