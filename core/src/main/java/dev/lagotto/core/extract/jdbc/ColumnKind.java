package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.rule.Category;
import java.sql.Types;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How a column's values are treated, from its JDBC type: text is scanned for every category, numbers only
 * for categories that can be stored as numbers, dates only count towards name evidence, binary is skipped
 * (and counted), the rest (booleans, small integers, intervals) is ignored.
 */
enum ColumnKind {
  /** Character data, CLOB, JSON, XML, arrays and driver-specific types read as text (PostgreSQL inet, uuid, jsonb). */
  TEXT(EnumSet.allOf(Category.class)),
  /** Integers wide enough for a phone or card number, decimals and floats (coordinates). */
  NUMERIC(EnumSet.of(Category.PHONE, Category.CREDIT_CARD, Category.NATIONAL_ID, Category.GEO_COORDINATES)),
  /** Dates and timestamps: only a date of birth, and only by name. */
  TEMPORAL(EnumSet.of(Category.DATE_OF_BIRTH)),
  /** Bytes: never read. */
  BINARY(EnumSet.noneOf(Category.class)),
  /** Types that cannot hold personal data in a recognisable form. */
  IGNORED(EnumSet.noneOf(Category.class));

  private final Set<Category> categories;

  ColumnKind(Set<Category> categories) {
    this.categories = categories;
  }

  /** The categories a column of this kind can hold. */
  Set<Category> categories() {
    return categories;
  }

  /** Whether values are read and scanned. */
  boolean scanned() {
    return this == TEXT || this == NUMERIC;
  }

  static ColumnKind of(int jdbcType, String typeName) {
    String t = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (t.contains("blob") || t.equals("bytea") || t.contains("binary") || t.equals("image")) {
      return BINARY;
    }
    return switch (jdbcType) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB, Types.NCLOB, Types.SQLXML, Types.ARRAY, Types.OTHER, Types.JAVA_OBJECT, Types.STRUCT,
          Types.DISTINCT -> TEXT;
      case Types.BIGINT, Types.INTEGER, Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> NUMERIC;
      case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TEMPORAL;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
      default -> IGNORED;
    };
  }
}
