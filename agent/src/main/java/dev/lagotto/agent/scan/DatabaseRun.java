package dev.lagotto.agent.scan;

import dev.lagotto.agent.output.GroupedReport;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.extract.jdbc.ColumnFinding;
import dev.lagotto.core.extract.jdbc.DatabaseScanner;
import dev.lagotto.core.extract.jdbc.JdbcScanOptions;
import dev.lagotto.core.extract.jdbc.JdbcScanSink;
import dev.lagotto.core.extract.jdbc.JdbcScanSummary;
import dev.lagotto.core.extract.jdbc.JdbcSourceException;
import dev.lagotto.core.extract.jdbc.JdbcUris;
import dev.lagotto.core.extract.jdbc.SkippedTable;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The databases named on the command line, scanned one after the other on the calling thread (one connection
 * at a time, so a scan puts little load on a database server). Each database's results go to the
 * {@link GroupedReport} as they come; a database that cannot be scanned (unreachable, wrong password, missing
 * file, connection lost) is reported as a failed source with its {@link JdbcSourceException.Kind} in lower
 * case as reason, with a one-line message on {@code err}, and the next one is scanned. Never throws for a bad
 * database.
 */
public final class DatabaseRun {
  private final DatabaseScanner scanner;
  private final UnaryOperator<String> env;
  private final String host;
  private final PrintWriter err;
  private final Set<Category> categories;

  /**
   * @param env looks up environment variables ({@code --password-env})
   * @param err where the one-line message of a database that cannot be scanned goes
   * @param categories the categories reported ({@code --categories}); column findings from name evidence
   *     alone can name others, which are dropped here
   */
  public DatabaseRun(DatabaseScanner scanner, UnaryOperator<String> env, String host, PrintWriter err,
      Set<Category> categories) {
    this.categories = Set.copyOf(categories);
    this.scanner = scanner;
    this.env = env;
    this.host = host;
    this.err = err;
  }

  /** Scans each database into {@code report}. */
  public void run(List<JdbcScanOptions> databases, GroupedReport report) {
    for (JdbcScanOptions options : databases) {
      database(options, report);
    }
  }

  private void database(JdbcScanOptions options, GroupedReport report) {
    SourceRef ref = new SourceRef("jdbc", JdbcUris.redact(options.uri()), host);
    ScanStats stats = report.stats();
    JdbcScanSink sink = new JdbcScanSink() {
      @Override
      public void column(ColumnFinding finding) {
        if (!categories.contains(finding.category())) {
          return;
        }
        stats.finding(finding.category());
        report.exclusive(w -> w.column(finding));
      }

      @Override
      public void skipped(SkippedTable skipped) {
        stats.tableSkipped(skipped.reason().id());
        report.exclusive(w -> w.tableSkipped(ref, skipped));
      }

      @Override
      public void row(Finding finding) {
        stats.finding(finding.category());
        report.exclusive(w -> w.finding(finding));
      }
    };
    try {
      JdbcScanSummary summary = scanner.scan(options, env, sink);
      stats.database(summary.tablesScanned(), summary.tablesSkipped(), summary.rowsScanned());
      stats.source(SourceResult.scanned(0, summary.columnFindings() + summary.rowFindings()));
      report.exclusive(w -> w.database(ref, summary));
    } catch (JdbcSourceException e) {
      err.println("lagotto scan: " + e.getMessage());
      err.flush();
      report.skip(ref, SourceResult.failed(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), 0, 0));
    } catch (RuntimeException e) {
      report.skip(ref, SourceResult.failed("internal error", e.getClass().getName(), 0, 0));
    }
  }
}
