package dev.lagotto.core.context;

/**
 * The column header of a match in a CSV/TSV row, found from the bytes: either the stream's own header (its
 * first line, given by the caller as a {@code CsvColumns}) or a header line at most {@link #MAX_ROWS_ABOVE}
 * rows and {@link #MAX_HEADER_LOOKBACK} bytes above the row (a CSV block inside a log or a mail). Immutable
 * and thread-safe; the lookups allocate nothing.
 *
 * <p>A header line has at least {@link #MIN_FIELDS} fields split by one delimiter (tab, {@code ,}, {@code ;}
 * or {@code |}, double quotes respected) and every field is a name: a letter or {@code _}, then letters,
 * digits, {@code _ - .} or spaces, at most {@link #MAX_NAME_BYTES} bytes. A match is in a column only when the
 * byte before it (or before its opening quote) is the delimiter, or it starts a line under a stream header:
 * the check costs two byte loads for any other match. For a match in a column, the cost is one backward pass
 * over its row and, without a stream header, over the rows above, each bounded as said.
 */
public final class CsvColumns {
  /** Fewest fields of a header line. */
  public static final int MIN_FIELDS = 3;
  /** Longest header field name. */
  public static final int MAX_NAME_BYTES = 64;
  /** Longest row (or header) looked through, in bytes. */
  public static final int MAX_ROW_BYTES = 1024;
  /** Most rows between a match's row and an embedded header. */
  public static final int MAX_ROWS_ABOVE = 16;
  /** Most bytes looked through above a match's row for an embedded header. */
  public static final int MAX_HEADER_LOOKBACK = 2048;

  /** Receives a header field's bytes {@code [from, to)} (unnormalised, possibly quoted or padded). */
  @FunctionalInterface
  public interface NameTest {
    boolean test(byte[] bytes, int from, int to);
  }

  private final byte delimiter;
  private final byte[] line;
  private final int[] fieldStart;
  private final int[] fieldEnd;

  private CsvColumns(byte delimiter, byte[] line, int[] fieldStart, int[] fieldEnd) {
    this.delimiter = delimiter;
    this.line = line;
    this.fieldStart = fieldStart;
    this.fieldEnd = fieldEnd;
  }

  /**
   * The header formed by the first line of {@code bytes[start, end)} (a stream's first chunk), or {@code null}
   * when that line is not a header (see the class comment) or has no line end within {@link #MAX_ROW_BYTES}.
   */
  public static CsvColumns firstLine(byte[] bytes, int start, int end) {
    int limit = Math.min(end, start + MAX_ROW_BYTES);
    int nl = start;
    while (nl < limit && bytes[nl] != '\n') {
      nl++;
    }
    if (nl >= limit) {
      return null;
    }
    int to = nl > start && bytes[nl - 1] == '\r' ? nl - 1 : nl;
    byte d = delimiterOf(bytes, start, to);
    if (d == 0 || fields(bytes, start, to, d, true) < MIN_FIELDS) {
      return null;
    }
    byte[] copy = java.util.Arrays.copyOfRange(bytes, start, to);
    int n = fields(copy, 0, copy.length, d, true);
    int[] fs = new int[n];
    int[] fe = new int[n];
    for (int i = 0; i < n; i++) {
      fs[i] = fieldFrom(copy, 0, copy.length, d, i);
      fe[i] = fieldTo(copy, fs[i], copy.length, d);
    }
    return new CsvColumns(d, copy, fs, fe);
  }

  public byte delimiter() {
    return delimiter;
  }

  /** The number of columns. */
  public int size() {
    return fieldStart.length;
  }

  /**
   * Whether the match starting at {@code start} lies in a CSV column whose header name passes {@code test};
   * bytes before {@code lo} are never read. {@code stream} is the stream's header, or {@code null}.
   */
  public static boolean columnNamed(byte[] b, int lo, int start, CsvColumns stream, NameTest test) {
    int p = start > lo && b[start - 1] == '"' ? start - 1 : start;
    if (p <= lo) {
      return false;
    }
    byte before = b[p - 1];
    if (before == '\n') {
      return stream != null && stream.named(0, test);
    }
    if (!isDelimiter(before)) {
      return false;
    }
    int column = 1;
    boolean quoted = false;
    int limit = Math.max(lo, p - MAX_ROW_BYTES);
    int i = p - 2;
    for (; i >= limit && b[i] != '\n'; i--) {
      if (b[i] == '"') {
        quoted = !quoted;
      } else if (b[i] == before && !quoted) {
        column++;
      }
    }
    if (i < lo || i < limit) {
      return false;
    }
    if (stream != null && stream.delimiter == before) {
      return stream.named(column, test);
    }
    return headerAbove(b, lo, i, before, column, test);
  }

  /** The embedded header's field {@code column}, looked for upwards from the line ending at {@code lineEnd}. */
  private static boolean headerAbove(byte[] b, int lo, int lineEnd, byte d, int column, NameTest test) {
    int floor = Math.max(lo, lineEnd - MAX_HEADER_LOOKBACK);
    int rowFields = -1;
    for (int rows = 0; rows <= MAX_ROWS_ABOVE && lineEnd > floor; rows++) {
      int s = lineEnd - 1;
      while (s >= floor && b[s] != '\n') {
        s--;
      }
      if (s < floor && !(s == lo - 1 && floor == lo)) {
        return false;
      }
      int from = s + 1;
      int to = lineEnd > from && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
      int header = fields(b, from, to, d, true);
      if (header > column && header >= MIN_FIELDS && (rowFields < 0 || header == rowFields)) {
        int f = fieldFrom(b, from, to, d, column);
        return test.test(b, f, fieldTo(b, f, to, d));
      }
      int n = fields(b, from, to, d, false);
      if (n <= column || n < MIN_FIELDS || rowFields >= 0 && n != rowFields) {
        return false;
      }
      rowFields = n;
      lineEnd = s;
    }
    return false;
  }

  /** Whether some column's name passes {@code test}. */
  public boolean anyNamed(NameTest test) {
    for (int c = 0; c < fieldStart.length; c++) {
      if (named(c, test)) {
        return true;
      }
    }
    return false;
  }

  private boolean named(int column, NameTest test) {
    return column < fieldStart.length && test.test(line, fieldStart[column], fieldEnd[column]);
  }

  /**
   * The number of fields of {@code b[from, to)} split by {@code d} outside double quotes; with
   * {@code namesOnly}, -1 unless every field is a name (see the class comment).
   */
  static int fields(byte[] b, int from, int to, byte d, boolean namesOnly) {
    int n = 1;
    boolean quoted = false;
    int fieldFrom = from;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (c == d && !quoted) {
        if (namesOnly && !isName(b, fieldFrom, i)) {
          return -1;
        }
        n++;
        fieldFrom = i + 1;
      }
    }
    return namesOnly && !isName(b, fieldFrom, to) ? -1 : n;
  }

  /** Whether {@code b[from, to)}, without surrounding spaces and quotes, is a column name. */
  static boolean isName(byte[] b, int from, int to) {
    while (from < to && (b[from] == ' ' || b[from] == '"')) {
      from++;
    }
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '"')) {
      to--;
    }
    if (from == to || to - from > MAX_NAME_BYTES || !(isLetter(b[from]) || b[from] == '_')) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      byte c = b[i];
      if (!(isLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == ' ')) {
        return false;
      }
    }
    return true;
  }

  /** The most frequent delimiter of the line outside quotes, tab winning ties; 0 when none occurs. */
  static byte delimiterOf(byte[] b, int from, int to) {
    int tabs = 0;
    int commas = 0;
    int semicolons = 0;
    int pipes = 0;
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        tabs += c == '\t' ? 1 : 0;
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        pipes += c == '|' ? 1 : 0;
      }
    }
    int best = Math.max(Math.max(tabs, commas), Math.max(semicolons, pipes));
    if (best == 0) {
      return 0;
    }
    return best == tabs ? (byte) '\t' : best == commas ? (byte) ',' : best == semicolons ? (byte) ';' : (byte) '|';
  }

  private static int fieldFrom(byte[] b, int from, int to, byte d, int column) {
    boolean quoted = false;
    int k = 0;
    for (int i = from; i < to && k < column; i++) {
      if (b[i] == '"') {
        quoted = !quoted;
      } else if (b[i] == d && !quoted && ++k == column) {
        return i + 1;
      }
    }
    return column == 0 ? from : to;
  }

  private static int fieldTo(byte[] b, int from, int to, byte d) {
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      if (b[i] == '"') {
        quoted = !quoted;
      } else if (b[i] == d && !quoted) {
        return i;
      }
    }
    return to;
  }

  private static boolean isDelimiter(byte c) {
    return c == ',' || c == '\t' || c == ';' || c == '|';
  }

  private static boolean isLetter(byte c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
