package dev.lagotto.core.extract.jdbc;

/**
 * One table as {@link java.sql.DatabaseMetaData#getTables} names it.
 *
 * @param catalog the catalog (a MariaDB database), or {@code null}
 * @param schema the schema, or {@code null} (SQLite, MariaDB)
 * @param name the table name
 */
public record TableRef(String catalog, String schema, String name) {

  /** The name used in output and matched by the table globs: {@code schema.table}, {@code db.table} or {@code table}. */
  public String display() {
    String qualifier = schema != null && !schema.isEmpty() ? schema : catalog;
    return qualifier == null || qualifier.isEmpty() ? name : qualifier + "." + name;
  }

  /** The table as a quoted SQL identifier, with quote characters inside names doubled. */
  String sql(String quote, boolean useCatalog) {
    StringBuilder b = new StringBuilder();
    if (schema != null && !schema.isEmpty()) {
      b.append(quote(schema, quote)).append('.');
    } else if (useCatalog && catalog != null && !catalog.isEmpty()) {
      b.append(quote(catalog, quote)).append('.');
    }
    return b.append(quote(name, quote)).toString();
  }

  static String quote(String identifier, String quote) {
    if (quote == null || quote.isBlank()) {
      return identifier;
    }
    return quote + identifier.replace(quote, quote + quote) + quote;
  }

  @Override
  public String toString() {
    return display();
  }
}
