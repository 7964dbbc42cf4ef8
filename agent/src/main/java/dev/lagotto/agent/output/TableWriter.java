package dev.lagotto.agent.output;

import dev.lagotto.agent.scan.ScanSummary;
import dev.lagotto.core.extract.SkippedEntry;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.extract.jdbc.ColumnFinding;
import dev.lagotto.core.extract.jdbc.JdbcScanSummary;
import dev.lagotto.core.extract.jdbc.SkippedTable;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.RulePack;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The human-readable report: per source a header line, one line per finding
 * ({@code LINE:COLUMN CATEGORY CONFIDENCE RULE VALUE}) and the counts by category; per database one line per
 * classified column ({@code TABLE.COLUMN CATEGORY CONFIDENCE MATCHED/NON-NULL of SAMPLED rows EVIDENCE
 * EXAMPLE}), skipped tables and its counts; skipped and failed sources and archive entries on one line each
 * ({@code FAILED  /data/a.zip!/x.pdf: encrypted}); the summary at the end. Not thread-safe.
 */
final class TableWriter implements ReportWriter {
  private final PrintWriter out;
  private final boolean reveal;
  private SourceRef current;
  private final Map<String, Long> counts = new TreeMap<>();

  TableWriter(PrintWriter out, boolean reveal) {
    this.out = out;
    this.reveal = reveal;
  }

  @Override
  public void begin(RulePack pack) {}

  @Override
  public void finding(Finding f) {
    if (!f.source().equals(current)) {
      current = f.source();
      counts.clear();
      out.println(display(f.source()));
    }
    counts.merge(f.category().id(), 1L, Long::sum);
    String where = "";
    if (f.location() instanceof Location.Table t) {
      where = t.table() + "." + t.column() + (t.row() == null ? "" : " row " + t.row());
    }
    if (f.location() instanceof Location.Text t) {
      where = t.line() + ":" + t.column() + (t.entry() == null ? "" : " " + t.entry())
          + (t.field() == null ? "" : " [" + t.field() + "]");
    }
    out.printf(Locale.ROOT, "  %-14s %-16s %4.2f  %-16s %s%n", where, f.category().id(), f.confidence(), f.rule(),
        reveal && f.value() != null ? f.value() : f.masked());
  }

  @Override
  public void endSource(SourceRef source, SourceResult result) {
    if (source.equals(current) && !counts.isEmpty()) {
      long total = counts.values().stream().mapToLong(Long::longValue).sum();
      out.println("  " + total + (total == 1 ? " finding: " : " findings: ") + join(counts));
    }
    current = null;
    counts.clear();
    for (SkippedEntry e : result.entries()) {
      int inside = e.entry().indexOf("!/");
      out.println((e.error() ? "FAILED  " : "skipped ") + display(source) + (inside < 0 ? "" : e.entry().substring(inside))
          + ": " + e.reason() + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"));
    }
    if (result.status() != SourceResult.Status.SCANNED) {
      String detail = result.detail().isEmpty() ? "" : " (" + result.detail() + ")";
      out.println((result.status() == SourceResult.Status.FAILED ? "FAILED  " : "skipped ")
          + display(source) + ": " + result.reason() + detail);
    }
    out.flush();
  }

  @Override
  public void column(ColumnFinding f) {
    if (!f.source().equals(current)) {
      current = f.source();
      counts.clear();
      out.println(display(f.source()));
    }
    counts.merge(f.category().id(), 1L, Long::sum);
    String evidence = f.evidence().stream().map(ColumnFinding.Evidence::id).collect(Collectors.joining("+"));
    out.printf(Locale.ROOT, "  %-30s %-16s %4.2f  %d/%d of %d rows  %-11s %s%n", f.table() + "." + f.column(),
        f.category().id(), f.confidence(), f.rowsMatched(), f.rowsNonNull(), f.rowsSampled(), evidence,
        f.masked() == null ? "-" : f.masked());
  }

  @Override
  public void tableSkipped(SourceRef database, SkippedTable s) {
    if (!database.equals(current)) {
      current = database;
      counts.clear();
      out.println(display(database));
    }
    out.println("  skipped " + s.table() + (s.column() == null ? "" : "." + s.column()) + ": " + s.reason().id()
        + (s.message() == null || s.message().isEmpty() ? "" : " (" + s.message() + ")"));
  }

  @Override
  public void database(SourceRef database, JdbcScanSummary s) {
    if (!database.equals(current)) {
      out.println(display(database));
    }
    out.printf(Locale.ROOT, "  %d tables scanned, %d skipped; %d rows, %d values; %d column findings%s%n",
        s.tablesScanned(), s.tablesSkipped(), s.rowsScanned(), s.valuesScanned(), s.columnFindings(),
        s.rowFindings() == 0 ? "" : ", " + s.rowFindings() + " row findings");
    current = null;
    counts.clear();
    out.flush();
  }

  @Override
  public void summary(ScanSummary s) {
    out.println();
    out.printf(Locale.ROOT, "Sources: %d scanned, %d skipped, %d failed, %d excluded; %s in %.1f s%n",
        s.scanned(), s.skipped(), s.failed(), s.excluded(), bytes(s.bytes()), s.elapsedSeconds());
    if (s.entriesSkipped() + s.entriesFailed() > 0) {
      out.println("Archive entries: " + s.entriesSkipped() + " skipped, " + s.entriesFailed()
          + " failed (counted in the sources above)");
    }
    out.println("Findings: " + s.findings() + (s.findings() == 0 ? "" : " (" + join(s.findingsByCategory()) + ")"));
    if (!s.skipReasons().isEmpty()) {
      out.println("Skipped: " + join(s.skipReasons()));
    }
    if (!s.failReasons().isEmpty()) {
      out.println("Failed: " + join(s.failReasons()));
    }
    if (s.tablesScanned() + s.tablesSkipped() > 0 || !s.tableSkipReasons().isEmpty()) {
      out.println("Tables: " + s.tablesScanned() + " scanned, " + s.tablesSkipped() + " skipped"
          + (s.tableSkipReasons().isEmpty() ? "" : " (" + join(s.tableSkipReasons()) + ")") + "; "
          + s.rowsScanned() + " rows");
    }
    out.println("Fingerprint key: " + s.keyOrigin());
    out.flush();
  }

  private static String join(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  /** A file source as its path, others as their URI. */
  static String display(SourceRef source) {
    if ("file".equals(source.kind())) {
      try {
        return Path.of(URI.create(source.uri())).toString();
      } catch (IllegalArgumentException e) {
        return source.uri();
      }
    }
    return source.uri();
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
