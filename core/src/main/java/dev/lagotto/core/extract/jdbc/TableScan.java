package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.finding.ValueForms;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.Scanner;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan of one table: reads its columns and key, runs the sample query (streamed, with the fetch size and
 * statement timeout of the options), scans each text or numeric cell, then classifies the columns. Memory:
 * one row plus constant per column; a cell is cut at {@value #MAX_VALUE_CHARS} characters. Not thread-safe;
 * one instance per table.
 */
final class TableScan {
  /** Longest prefix of a cell value that is scanned. */
  static final int MAX_VALUE_CHARS = 1 << 20;
  /** Fewest digits of a number that is run through the scanner (shorter numbers are no phone, card or ID). */
  static final int MIN_NUMERIC_DIGITS = 7;

  private final Connection connection;
  private final Dialect dialect;
  private final TableRef table;
  private final JdbcScanOptions options;
  private final Scanner scanner;
  private final SourceRef source;
  private final Fingerprinter fingerprinter;
  private final ColumnClassifier classifier;
  private final JdbcScanSink sink;
  private final MatchCollector matches = new MatchCollector();
  private final double[] best = new double[Category.values().length];
  private final int[] bestMatch = new int[Category.values().length];

  long rows;
  long values;
  long binaryColumns;
  long columnFindings;
  long rowFindings;

  TableScan(Connection connection, Dialect dialect, TableRef table, JdbcScanOptions options, Scanner scanner,
      SourceRef source, Fingerprinter fingerprinter, ColumnClassifier classifier, JdbcScanSink sink) {
    this.connection = connection;
    this.dialect = dialect;
    this.table = table;
    this.options = options;
    this.scanner = scanner;
    this.source = source;
    this.fingerprinter = fingerprinter;
    this.classifier = classifier;
    this.sink = sink;
  }

  /**
   * Scans the table; returns {@code false} when it vanished before its columns could be read.
   *
   * @throws SQLException when the sample query fails (the caller turns it into a skipped record)
   */
  boolean run() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    List<ColumnInfo> all = Catalogue.columns(md, table);
    if (all.isEmpty()) {
      return false;
    }
    List<String> keyNames = Catalogue.rowKey(md, table);
    List<ColumnInfo> keys = new ArrayList<>();
    for (String k : keyNames) {
      all.stream().filter(c -> c.name().equals(k)).findFirst().ifPresent(keys::add);
    }
    List<ColumnInfo> data = new ArrayList<>();
    for (ColumnInfo c : all) {
      if (c.kind() == ColumnKind.BINARY) {
        binaryColumns++;
      } else if (c.selected()) {
        data.add(c);
      }
    }
    if (data.isEmpty()) {
      return true;
    }
    String quote = md.getIdentifierQuoteString();
    String tableSql = table.sql(quote, dialect == Dialect.MARIADB);
    long estimate = dialect.supportsTableSample() && !options.allRows() ? estimateRows(tableSql) : -1;
    SampleQuery query = SampleQuery.build(dialect, tableSql, quote, keys, data, options, estimate);
    read(query, data);
    return true;
  }

  private long estimateRows(String tableSql) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT reltuples::bigint FROM pg_class WHERE oid = ?::regclass")) {
      ps.setString(1, tableSql);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  private void read(SampleQuery query, List<ColumnInfo> data) throws SQLException {
    ColumnStats[] stats = new ColumnStats[data.size()];
    for (int i = 0; i < stats.length; i++) {
      stats[i] = new ColumnStats();
    }
    boolean[] unreadable = new boolean[data.size()];
    List<GeoPair> pairs = GeoPair.find(data);
    String[] current = new String[data.size()];
    byte[][] prefixes = new byte[data.size()][];
    for (int i = 0; i < prefixes.length; i++) {
      prefixes[i] = data.get(i).contextPrefix();
    }
    int offset = query.labelColumns();
    try (Statement st = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      st.setFetchSize(options.fetchSize());
      st.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, options.statementTimeout().toSeconds())));
      if (!options.allRows()) {
        st.setMaxRows((int) Math.min(Integer.MAX_VALUE, options.sampleRows()));
      }
      try (ResultSet rs = st.executeQuery(query.sql())) {
        while (rs.next()) {
          rows++;
          String label = null;
          for (int i = 0; i < data.size(); i++) {
            current[i] = null;
            if (unreadable[i]) {
              continue;
            }
            ColumnInfo col = data.get(i);
            String value;
            try {
              value = read(rs, offset + i + 1, col, stats[i]);
            } catch (SQLException e) {
              if (DatabaseScanner.connectionLost(connection, e)) {
                throw e;
              }
              unreadable[i] = true;
              sink.skipped(new SkippedTable(table.display(), col.name(), SkippedTable.Reason.UNREADABLE_COLUMN,
                  "type " + col.typeName() + " cannot be read as text: " + JdbcConnector.message(e, null), rows - 1));
              continue;
            }
            if (value == null) {
              continue;
            }
            stats[i].value();
            if (col.kind() == ColumnKind.TEMPORAL) {
              continue;
            }
            current[i] = value;
            values++;
            if (col.kind() == ColumnKind.NUMERIC && !numericCandidate(value)) {
              continue;
            }
            label = scanValue(rs, query, col, prefixes[i], stats[i], value, label);
          }
          for (GeoPair p : pairs) {
            p.row(current[p.latitudeIndex()], current[p.longitudeIndex()]);
          }
        }
      }
    }
    boolean[] paired = new boolean[data.size()];
    for (GeoPair p : pairs) {
      paired[p.latitudeIndex()] = true;
      paired[p.longitudeIndex()] = true;
      emit(classifier.classifyPair(source, table.display(), p, rows));
    }
    for (int i = 0; i < data.size(); i++) {
      emit(classifier.classify(source, table.display(), data.get(i), stats[i], rows, paired[i]));
    }
  }

  private void emit(List<ColumnFinding> findings) {
    for (ColumnFinding f : findings) {
      columnFindings++;
      sink.column(f);
    }
  }

  /** Reads a cell as text, bounded; {@code null} for SQL NULL and blank values. */
  private static String read(ResultSet rs, int index, ColumnInfo col, ColumnStats stats) throws SQLException {
    if (col.kind() == ColumnKind.TEMPORAL) {
      return rs.getObject(index) == null ? null : "";
    }
    String v;
    if (col.large()) {
      try (Reader r = rs.getCharacterStream(index)) {
        if (r == null) {
          return null;
        }
        char[] buf = new char[8192];
        StringBuilder b = new StringBuilder();
        int n;
        while (b.length() < MAX_VALUE_CHARS && (n = r.read(buf, 0, Math.min(buf.length, MAX_VALUE_CHARS - b.length()))) > 0) {
          b.append(buf, 0, n);
        }
        if (b.length() >= MAX_VALUE_CHARS && r.read() >= 0) {
          stats.truncatedValue();
        }
        v = b.toString();
      } catch (IOException e) {
        throw new SQLException("reading a large value failed: " + e.getClass().getSimpleName(), e);
      }
    } else {
      v = rs.getString(index);
      if (v != null && v.length() > MAX_VALUE_CHARS) {
        stats.truncatedValue();
        v = v.substring(0, MAX_VALUE_CHARS);
      }
    }
    return v == null || v.isBlank() ? null : v;
  }

  /**
   * Runs one value through the scanner and records its matches; returns the row label once computed. The
   * chunk starts with the column name as left context ({@code email: }, see {@link ColumnInfo#contextPrefix})
   * so that the rules' context words and keys see it; matches are reported only inside the value.
   */
  private String scanValue(ResultSet rs, SampleQuery query, ColumnInfo col, byte[] prefix, ColumnStats stats, String value,
      String label)
      throws SQLException {
    byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[prefix.length + encoded.length];
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    System.arraycopy(encoded, 0, bytes, prefix.length, encoded.length);
    matches.clear();
    scanner.scan(new Chunk(bytes, 0, prefix.length, bytes.length, bytes.length), matches);
    if (matches.size() == 0) {
      return label;
    }
    java.util.Arrays.fill(best, -1);
    for (int m = 0; m < matches.size(); m++) {
      Category category = matches.rule(m).category();
      if (!accepted(col, category, matches.start(m) - prefix.length, matches.end(m) - prefix.length, encoded.length)) {
        continue;
      }
      if (matches.confidence(m) > best[category.ordinal()]) {
        best[category.ordinal()] = matches.confidence(m);
        bestMatch[category.ordinal()] = m;
      }
      if (options.perRow()) {
        if (label == null) {
          label = label(rs, query);
        }
        rowFinding(col, matches.rule(m), matches.confidence(m), new String(bytes, matches.start(m),
            matches.end(m) - matches.start(m), StandardCharsets.UTF_8), label);
      }
    }
    for (Category c : Category.values()) {
      if (best[c.ordinal()] >= 0) {
        int m = bestMatch[c.ordinal()];
        stats.matched(c, matches.rule(m).id(), best[c.ordinal()], () -> ValueForms.mask(c,
            new String(bytes, matches.start(m), matches.end(m) - matches.start(m), StandardCharsets.UTF_8)));
      }
    }
    return label;
  }

  /**
   * Whether a number can be a phone, card or ID number: an integer of at least {@value #MIN_NUMERIC_DIGITS}
   * digits (decimals such as amounts or single coordinates are never run through the scanner; coordinate
   * pairs are judged by {@link GeoPair}).
   */
  static boolean numericCandidate(String value) {
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (!(i == 0 && (c == '-' || c == '+'))) {
        return false;
      }
    }
    return digits >= MIN_NUMERIC_DIGITS;
  }

  /** Numeric columns count only categories that can be numbers, and only matches covering the whole value. */
  private static boolean accepted(ColumnInfo col, Category category, int start, int end, int length) {
    if (!col.kind().categories().contains(category)) {
      return false;
    }
    return col.kind() != ColumnKind.NUMERIC || (start == 0 && end == length);
  }

  private String label(ResultSet rs, SampleQuery query) throws SQLException {
    if (query.labelColumns() == 0) {
      return "#" + rows;
    }
    StringBuilder b = new StringBuilder();
    for (int k = 1; k <= query.labelColumns(); k++) {
      if (k > 1) {
        b.append(',');
      }
      b.append(rs.getString(k));
    }
    return b.toString();
  }

  private void rowFinding(ColumnInfo col, Rule rule, double confidence, String raw, String label) {
    Category c = rule.category();
    rowFindings++;
    ValueForms.Forms forms = ValueForms.forms(c, raw);
    sink.row(new Finding(c, rule.id(), confidence, source, new Location.Table(table.display(), col.name(), label),
        forms.masked(), fingerprinter.fingerprint(forms.normalised()), options.reveal() ? raw : null));
  }
}
