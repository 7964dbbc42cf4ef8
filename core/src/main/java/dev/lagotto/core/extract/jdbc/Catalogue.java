package dev.lagotto.core.extract.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads tables, columns and primary keys through {@link DatabaseMetaData}. Tables come back sorted by
 * display name so that runs are comparable. Only base tables (no views, no system tables); for MariaDB only
 * the database named in the URI when it names one.
 */
final class Catalogue {
  private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

  private Catalogue() {}

  static List<TableRef> tables(Connection c, Dialect dialect, TableFilter filter) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String catalog = dialect == Dialect.MARIADB ? c.getCatalog() : null;
    List<TableRef> out = new ArrayList<>();
    try (ResultSet rs = md.getTables(catalog, null, "%", null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        TableRef t = new TableRef(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"));
        if (type == null || !TABLE_TYPES.contains(type.toUpperCase(java.util.Locale.ROOT))) {
          continue;
        }
        if (dialect.isSystemSchema(t.schema()) || (t.schema() == null && dialect.isSystemSchema(t.catalog()))) {
          continue;
        }
        if (dialect == Dialect.SQLITE && t.name().startsWith("sqlite_")) {
          continue;
        }
        if (filter.accepts(t)) {
          out.add(t);
        }
      }
    }
    out.sort(Comparator.comparing(TableRef::display));
    return out;
  }

  /** The table's columns in ordinal order; empty when the table no longer exists. */
  static List<ColumnInfo> columns(DatabaseMetaData md, TableRef t) throws SQLException {
    String esc = md.getSearchStringEscape();
    List<ColumnInfo> out = new ArrayList<>();
    try (ResultSet rs = md.getColumns(t.catalog(), escape(t.schema(), esc), escape(t.name(), esc), "%")) {
      while (rs.next()) {
        if (!t.name().equals(rs.getString("TABLE_NAME")) || !Objects.equals(t.schema(), rs.getString("TABLE_SCHEM"))) {
          continue;
        }
        out.add(ColumnInfo.of(t.name(), rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
      }
    }
    return out;
  }

  /**
   * The columns that identify the table's rows, so that a sample ordered by them is the same on every run: the
   * primary key, else the unique index with the fewest columns whose columns are all {@code NOT NULL} (ties
   * broken by index name; partial and expression indexes do not count); empty when there is neither. Costs one
   * or three catalogue queries.
   */
  static List<String> rowKey(DatabaseMetaData md, TableRef t) throws SQLException {
    List<String> primary = primaryKey(md, t);
    return primary.isEmpty() ? uniqueNotNullIndex(md, t) : primary;
  }

  private static List<String> uniqueNotNullIndex(DatabaseMetaData md, TableRef t) throws SQLException {
    record Part(int position, String column) {}
    java.util.SortedMap<String, List<Part>> indexes = new java.util.TreeMap<>();
    try (ResultSet rs = md.getIndexInfo(t.catalog(), t.schema(), t.name(), true, true)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        String filter = rs.getString("FILTER_CONDITION");
        boolean partial = filter != null && !filter.isBlank();
        if (index != null && column != null && !rs.getBoolean("NON_UNIQUE") && !partial) {
          indexes.computeIfAbsent(index, i -> new ArrayList<>()).add(new Part(rs.getShort("ORDINAL_POSITION"), column));
        }
      }
    }
    if (indexes.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> notNull = notNullColumns(md, t);
    return indexes.values().stream()
        .filter(parts -> parts.stream().allMatch(p -> notNull.contains(p.column())))
        .min(Comparator.comparingInt(List::size))
        .map(parts -> parts.stream().sorted(Comparator.comparingInt(Part::position)).map(Part::column).toList())
        .orElse(List.of());
  }

  private static java.util.Set<String> notNullColumns(DatabaseMetaData md, TableRef t) throws SQLException {
    String esc = md.getSearchStringEscape();
    java.util.Set<String> out = new java.util.HashSet<>();
    try (ResultSet rs = md.getColumns(t.catalog(), escape(t.schema(), esc), escape(t.name(), esc), "%")) {
      while (rs.next()) {
        if (t.name().equals(rs.getString("TABLE_NAME")) && rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) {
          out.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return out;
  }

  /** The primary-key column names in key order; empty when there is none. */
  private static List<String> primaryKey(DatabaseMetaData md, TableRef t) throws SQLException {
    record Key(int seq, String column) {}
    List<Key> keys = new ArrayList<>();
    try (ResultSet rs = md.getPrimaryKeys(t.catalog(), t.schema(), t.name())) {
      while (rs.next()) {
        keys.add(new Key(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME")));
      }
    }
    keys.sort(Comparator.comparingInt(Key::seq));
    return keys.stream().map(Key::column).toList();
  }

  private static String escape(String name, String esc) {
    if (name == null || esc == null || esc.isEmpty()) {
      return name;
    }
    return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }
}
