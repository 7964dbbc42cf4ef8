package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** A sink that keeps everything, with look-ups by table and column ignoring case and schema. */
final class RecordingSink implements JdbcScanSink {
  final List<ColumnFinding> columns = new ArrayList<>();
  final List<SkippedTable> skipped = new ArrayList<>();
  final List<Finding> rows = new ArrayList<>();
  final List<TableRef> started = new ArrayList<>();
  private final Consumer<TableRef> onStart;

  RecordingSink() {
    this(t -> { });
  }

  RecordingSink(Consumer<TableRef> onStart) {
    this.onStart = onStart;
  }

  @Override
  public void column(ColumnFinding finding) {
    columns.add(finding);
  }

  @Override
  public void skipped(SkippedTable s) {
    skipped.add(s);
  }

  @Override
  public void row(Finding finding) {
    rows.add(finding);
  }

  @Override
  public void tableStarting(TableRef table) {
    started.add(table);
    onStart.accept(table);
  }

  /** Whether a display name ({@code public.customer}, {@code CUSTOMER}) names {@code table}. */
  static boolean sameTable(String display, String table) {
    String d = display.toLowerCase(Locale.ROOT);
    String t = table.toLowerCase(Locale.ROOT);
    return d.equals(t) || d.endsWith("." + t);
  }

  List<ColumnFinding> of(String table) {
    return columns.stream().filter(f -> sameTable(f.table(), table)).toList();
  }

  List<ColumnFinding> of(String table, String column) {
    return of(table).stream().filter(f -> f.column().equalsIgnoreCase(column)).toList();
  }

  Optional<ColumnFinding> top(String table, String column) {
    return of(table, column).stream().findFirst();
  }

  Optional<SkippedTable> skippedTable(String table) {
    return skipped.stream().filter(s -> sameTable(s.table(), table) && s.column() == null).findFirst();
  }
}
