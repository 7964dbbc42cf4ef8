package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.scan.Scanner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Scans one database over JDBC: one read-only connection, tables enumerated through
 * {@link java.sql.DatabaseMetaData} (system schemas skipped, include/exclude globs applied), each table
 * sampled deterministically ({@link SampleQuery}) and classified per column ({@link ColumnClassifier}).
 * A table that cannot be read becomes a {@link SkippedTable} and the scan goes on; a database that cannot
 * be reached (or a connection lost mid-scan) ends it with a {@link JdbcSourceException}.
 *
 * <p>Cost: per table a few metadata queries and one streamed query of at most {@code sampleRows} rows; memory
 * bounded by one row. Thread-safe: each {@link #scan} call uses its own connection and state.
 *
 * <pre>{@code
 * DatabaseScanner db = new DatabaseScanner(Scanner.build(RulePackLoader.loadDefault(), ScanSettings.DEFAULTS),
 *     fingerprinter, hostName);
 * JdbcScanSummary summary = db.scan(JdbcScanOptions.of("jdbc:sqlite:/srv/app.db"), System::getenv, sink);
 * }</pre>
 */
public final class DatabaseScanner {
  private final Scanner scanner;
  private final Fingerprinter fingerprinter;
  private final String host;
  private final ColumnClassifier classifier;

  /**
   * @param scanner the engine every cell value goes through (the same as for files)
   * @param fingerprinter fingerprints row-level findings
   * @param host the name of the scanning machine, for {@link SourceRef#host()}
   */
  public DatabaseScanner(Scanner scanner, Fingerprinter fingerprinter, String host) {
    this.scanner = Objects.requireNonNull(scanner, "scanner");
    this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
    this.host = host;
    Set<Category> withRules = EnumSet.noneOf(Category.class);
    for (Rule r : scanner.pack().rules()) {
      if (scanner.settings().categories().contains(r.category())) {
        withRules.add(r.category());
      }
    }
    this.classifier = new ColumnClassifier(withRules, scanner.settings().minConfidence());
  }

  /**
   * Scans the database named by {@code options}; results go to {@code sink} as they are produced.
   *
   * @param env looks up environment variables (the password variable of {@code --password-env}); pass
   *     {@code System::getenv}
   * @return the counts of the scan
   * @throws JdbcSourceException when the database cannot be scanned at all
   */
  public JdbcScanSummary scan(JdbcScanOptions options, UnaryOperator<String> env, JdbcScanSink sink) throws JdbcSourceException {
    long t0 = System.nanoTime();
    String shown = JdbcUris.redact(options.uri());
    SourceRef source = new SourceRef("jdbc", shown, host);
    Dialect dialect = Dialect.of(options.uri());
    TableFilter filter = new TableFilter(options.includeTables(), options.excludeTables());
    long scanned = 0;
    long skipped = 0;
    long rows = 0;
    long values = 0;
    long binary = 0;
    long columnFindings = 0;
    long rowFindings = 0;
    try (Connection c = JdbcConnector.open(options, dialect, env)) {
      List<TableRef> tables;
      try {
        tables = Catalogue.tables(c, dialect, filter);
        c.rollback();
      } catch (SQLException e) {
        throw new JdbcSourceException(connectionLost(c, e) ? JdbcSourceException.Kind.CONNECTION_LOST : JdbcSourceException.Kind.OTHER,
            "cannot list the tables of " + shown + " (" + JdbcConnector.message(e, null) + ")", null);
      }
      for (TableRef t : tables) {
        sink.tableStarting(t);
        TableScan ts = new TableScan(c, dialect, t, options, scanner, source, fingerprinter, classifier, sink);
        SkippedTable skip = null;
        try {
          if (ts.run()) {
            scanned++;
          } else {
            skip = new SkippedTable(t.display(), null, SkippedTable.Reason.TABLE_VANISHED, "table no longer exists", 0);
          }
        } catch (SQLException e) {
          if (connectionLost(c, e)) {
            throw new JdbcSourceException(JdbcSourceException.Kind.CONNECTION_LOST, "connection to " + shown
                + " lost while scanning " + t.display() + " (" + JdbcConnector.message(e, null) + ")", null);
          }
          skip = new SkippedTable(t.display(), null, reasonOf(e), JdbcConnector.message(e, null), ts.rows);
        } finally {
          rows += ts.rows;
          values += ts.values;
          binary += ts.binaryColumns;
          columnFindings += ts.columnFindings;
          rowFindings += ts.rowFindings;
          endTransaction(c);
        }
        if (skip != null) {
          skipped++;
          sink.skipped(skip);
        }
      }
    } catch (SQLException e) {
      // close() failed after the scan finished; the results stand
    }
    return new JdbcScanSummary(shown, scanned, skipped, rows, values, binary, columnFindings, rowFindings,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Ends the table's read-only transaction (an aborted PostgreSQL transaction must be rolled back). */
  private static void endTransaction(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // a broken connection shows on the next table's query
    }
  }

  static SkippedTable.Reason reasonOf(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    int code = e.getErrorCode();
    if (state.equals("42501") || code == 1142 || code == 90096 || msg.contains("permission denied")
        || msg.contains("command denied") || msg.contains("not enough rights")) {
      return SkippedTable.Reason.PERMISSION_DENIED;
    }
    if (state.equals("42P01") || state.equals("42S02") || code == 1146 || code == 42102 || msg.contains("no such table")
        || msg.contains("does not exist")) {
      return SkippedTable.Reason.TABLE_VANISHED;
    }
    if (e instanceof SQLTimeoutException || state.equals("57014") || state.equals("70100") || code == 1969
        || code == 57014 || msg.contains("timeout") || msg.contains("timed out")) {
      return SkippedTable.Reason.TIMEOUT;
    }
    return SkippedTable.Reason.QUERY_FAILED;
  }

  /** Whether {@code e} means the connection itself is gone (SQLState class 08, or the connection is invalid). */
  static boolean connectionLost(Connection c, SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      return true;
    }
    try {
      return c.isClosed() || !c.isValid(2);
    } catch (SQLException closed) {
      return true;
    }
  }
}
