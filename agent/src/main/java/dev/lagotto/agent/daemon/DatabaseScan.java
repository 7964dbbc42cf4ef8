package dev.lagotto.agent.daemon;

import dev.lagotto.core.extract.jdbc.ColumnFinding;
import dev.lagotto.core.extract.jdbc.DatabaseScanner;
import dev.lagotto.core.extract.jdbc.JdbcScanOptions;
import dev.lagotto.core.extract.jdbc.JdbcScanSink;
import dev.lagotto.core.extract.jdbc.JdbcScanSummary;
import dev.lagotto.core.extract.jdbc.JdbcSourceException;
import dev.lagotto.core.extract.jdbc.JdbcUris;
import dev.lagotto.core.extract.jdbc.SkippedTable;
import dev.lagotto.core.finding.Fingerprinter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Scheduled scans of one database by the JDBC source ({@link DatabaseScanner}: sampled rows, read-only, one
 * connection), one exposure per classified column: key (host, database URI without credentials, table,
 * column, category, rule, column id), count = sampled rows that matched, masked example value. Like a
 * changed tree file, every pass sends every column found, with only the increase of its count over the last
 * pass (0 when none), then a {@code rescanned} line so the server closes the columns no longer classified
 * (a dropped table or column). A pass with skipped tables (permission, timeout, dropped mid-scan) sends no
 * {@code rescanned} line and keeps the columns it could not read, so nothing is closed for a table that was
 * merely unreadable; a database that cannot be scanned at all changes nothing. The password is read from
 * the environment variable named in the configuration at each pass and never logged; messages name the
 * URI without credentials. One pass at a time per instance (the scheduler's thread).
 */
public final class DatabaseScan {
  /** Rule id of a column classified by its name alone (no sampled value matched). */
  static final String NAME_ONLY_RULE = "column_name";
  private static final String KIND = "jdbc";

  private final AgentConfig.Database database;
  private final JdbcScanOptions options;
  private final DatabaseScanner scanner;
  private final Fingerprinter columnIds;
  private final UnaryOperator<String> env;
  private final AgentStore store;
  private final Outbox outbox;
  private final String host;
  private final String uri;
  private final AgentLog log;
  private final Clock clock;
  private Map<String, Long> last;

  /** What one pass did. */
  public record Pass(long columns, long tablesScanned, long tablesSkipped, long rows, long records, boolean failed) {}

  public DatabaseScan(AgentConfig.Database database, DatabaseScanner scanner, Fingerprinter columnIds,
      UnaryOperator<String> env, AgentStore store, Outbox outbox, String host, AgentLog log, Clock clock) {
    this.database = database;
    this.options = JdbcScanOptions.of(database.url())
        .withCredentials(database.user(), database.passwordEnv())
        .withTables(database.includeTables(), database.excludeTables())
        .withSampleRows(database.sampleRows() < 0 ? JdbcScanOptions.ALL_ROWS : database.sampleRows());
    this.scanner = scanner;
    this.columnIds = columnIds;
    this.env = env;
    this.store = store;
    this.outbox = outbox;
    this.host = host;
    this.uri = JdbcUris.redact(database.url());
    this.log = log;
    this.clock = clock;
  }

  /** The database URI without credentials, as it appears in exposures and in the agent's log. */
  public String uri() {
    return uri;
  }

  /** The state key under which the column counts of this database are checkpointed. */
  String stateRoot() {
    return KIND + " " + uri;
  }

  /** One pass over the database; returns when its exposures are handed to the outbox. */
  public Pass run() throws InterruptedException {
    if (last == null) {
      TreeEntry saved = store.tree(stateRoot()).get(uri);
      last = saved == null ? Map.of() : saved.counts();
    }
    Instant now = clock.instant();
    Map<ExposureRecord.Key, ExposureRecord> found = new LinkedHashMap<>();
    long[] skipped = new long[1];
    JdbcScanSink sink = new JdbcScanSink() {
      @Override
      public void column(ColumnFinding f) {
        ExposureRecord r = record(f, now);
        found.merge(r.key(), r, ExposureRecord::merge);
      }

      @Override
      public void skipped(SkippedTable table) {
        skipped[0]++;
      }
    };
    JdbcScanSummary summary;
    try {
      summary = scanner.scan(options, env, sink);
    } catch (JdbcSourceException e) {
      log.warn("database " + uri + ": not scanned this pass (" + e.kind().name().toLowerCase(java.util.Locale.ROOT)
          + ": " + e.getMessage() + ")");
      return new Pass(0, 0, 0, 0, 0, true);
    }
    Map<String, Long> counts = new HashMap<>(skipped[0] > 0 ? last : Map.of());
    List<ExposureRecord> send = new ArrayList<>();
    for (ExposureRecord r : found.values()) {
      String d = TreeScan.digest(r.key());
      long before = last.getOrDefault(d, 0L);
      counts.put(d, r.count());
      send.add(r.withCount(Math.max(0, r.count() - before)));
    }
    List<Outbox.SourceLine> lines = skipped[0] > 0 || (send.isEmpty() && last.isEmpty()) ? List.of()
        : List.of(new Outbox.SourceLine(WireRecords.SourceEvent.RESCANNED, KIND, uri, host, now));
    outbox.submit(send, lines, List.of(new StateUpdate.Tree(stateRoot(), uri, new TreeEntry(KIND, 0, 0, counts))));
    last = Map.copyOf(counts);
    return new Pass(found.size(), summary.tablesScanned(), summary.tablesSkipped(), summary.rowsScanned(), send.size(), false);
  }

  private ExposureRecord record(ColumnFinding f, Instant now) {
    String category = f.category().id();
    String rule = f.rule() == null ? NAME_ONLY_RULE : f.rule();
    String id = columnIds.fingerprint("jdbc-column\u0000" + uri + '\u0000' + f.table() + '\u0000' + f.column() + '\u0000' + category);
    ExposureRecord.Key key = new ExposureRecord.Key(host, uri, null, f.table(), f.column(), category, rule, id);
    String masked = f.masked() == null ? "(column name: " + category + ")" : f.masked();
    return new ExposureRecord(key, KIND, masked, f.rowsMatched(), now, now, 0, 0, f.confidence());
  }

  /** The configured interval between passes. */
  public java.time.Duration interval() {
    return database.interval();
  }
}
