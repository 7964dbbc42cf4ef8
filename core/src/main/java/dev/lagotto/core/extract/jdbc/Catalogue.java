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

  /** The primary-key column names in key order; empty when there is none. */
  static List<String> primaryKey(DatabaseMetaData md, TableRef t) throws SQLException {
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
