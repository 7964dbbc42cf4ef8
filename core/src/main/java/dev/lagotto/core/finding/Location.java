package dev.lagotto.core.finding;

/** Where inside a source a finding sits. A closed set: text positions or table cells. */
public sealed interface Location permits Location.Text, Location.Table {

  /**
   * A position in a byte stream (a file, the decompressed stream of a gzip file, or text extracted from a
   * document).
   *
   * @param line 1-based line number
   * @param column 1-based column, in Unicode code points from the start of the line
   * @param offset byte offset of the first byte of the match in the (decompressed/extracted) stream
   * @param length length of the match in bytes
   * @param entry path inside an archive, nested with {@code !/}, or {@code null}
   * @param field a metadata field (e.g. {@code GPS}), or {@code null}
   * @param extracted whether the text was extracted from a document format
   */
  record Text(long line, long column, long offset, int length, String entry, String field, boolean extracted)
      implements Location {
    public static Text of(long line, long column, long offset, int length) {
      return new Text(line, column, offset, length, null, null, false);
    }
  }

  /**
   * A cell, or a whole column, of a database table.
   *
   * @param table the table as {@code schema.table} (or {@code table} where the database has no schemas)
   * @param column the column name; several names joined by {@code ,} for a column pair (latitude,longitude)
   * @param row the primary key (several key columns joined by {@code ,}), the SQLite/H2 row id, or the
   *     1-based row number in sample order prefixed with {@code #}; {@code null} for a column-level result
   */
  record Table(String table, String column, String row) implements Location {}
}
