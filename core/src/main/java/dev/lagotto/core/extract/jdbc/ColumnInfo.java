package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.rule.Category;

/**
 * One column as read from {@link java.sql.DatabaseMetaData#getColumns}, with its kind and name evidence.
 *
 * @param name the column name as the database spells it
 * @param jdbcType the {@link java.sql.Types} code
 * @param typeName the database's type name, e.g. {@code jsonb}
 * @param kind how values are treated
 * @param hint the category the name suggests (only when the kind can hold it), or {@code null}
 * @param lookAlike whether the name marks look-alike, non-personal data ({@code sku}, {@code sha256}, ...)
 */
record ColumnInfo(String name, int jdbcType, String typeName, ColumnKind kind, Category hint, boolean lookAlike) {

  static ColumnInfo of(String table, String name, int jdbcType, String typeName) {
    ColumnKind kind = ColumnKind.of(jdbcType, typeName);
    Category hint = ColumnNames.hint(name, table).filter(c -> kind.categories().contains(c)).orElse(null);
    return new ColumnInfo(name, jdbcType, typeName, kind, hint, ColumnNames.lookAlike(name));
  }

  /**
   * The column name as it is put before each value for the scanner's context scoring, {@code name: }
   * (lower case), in UTF-8. A fresh array per call: callers must not change it.
   */
  byte[] contextPrefix() {
    return (name.toLowerCase(java.util.Locale.ROOT) + ": ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Whether the column is selected at all: scanned, or counted for name-only evidence. */
  boolean selected() {
    return kind.scanned() || (kind == ColumnKind.TEMPORAL && hint != null);
  }

  /** Whether values may be long enough to be read as a bounded stream rather than one string. */
  boolean large() {
    return jdbcType == java.sql.Types.CLOB || jdbcType == java.sql.Types.NCLOB
        || jdbcType == java.sql.Types.LONGVARCHAR || jdbcType == java.sql.Types.LONGNVARCHAR;
  }

  /** Whether the type identifies rows without revealing anything (integers, UUIDs): usable as a row label. */
  boolean opaqueKey() {
    return switch (jdbcType) {
      case java.sql.Types.INTEGER, java.sql.Types.BIGINT, java.sql.Types.SMALLINT, java.sql.Types.TINYINT -> true;
      default -> "uuid".equalsIgnoreCase(typeName);
    };
  }
}
