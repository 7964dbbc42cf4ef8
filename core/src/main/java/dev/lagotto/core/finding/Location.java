package dev.lagotto.core.finding;

/** Where inside a source a finding sits. A closed set: text positions or table cells. */
public sealed interface Location permits Location.Text {

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
}
