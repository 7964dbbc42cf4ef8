package dev.lagotto.core.context;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header line of a CSV/TSV file: its delimiter, its column names, and which column holds each context
 * key, so that a value in a row can be credited with the key of its column (the extractor or CLI reads the
 * header, then asks {@link #columnAt} for a match's column). Immutable and thread-safe.
 *
 * <p>Delimiter: the most frequent of tab, {@code ,}, {@code ;} and {@code |} outside double quotes (tab wins a
 * tie). Fields may be double-quoted with {@code ""} as an escaped quote; they are trimmed. Column names match a
 * key case-insensitively after normalisation (lower case; {@code -}, {@code .} and spaces read as {@code _};
 * surrounding punctuation dropped, as for {@link ContextScorer} keys), either whole ({@code E-Mail} for
 * {@code e_mail}) or as the last part ({@code customer_email}, {@code Billing Email} for {@code email}).
 * Cost: linear in the line.
 */
public final class CsvHeader {
  /** Longest header line read; longer lines are not a header we trust. */
  public static final int MAX_HEADER_CHARS = 64 * 1024;
  private static final String DELIMITERS = "\t,;|";

  private final char delimiter;
  private final List<String> columns;
  private final List<String> normalised;

  private CsvHeader(char delimiter, List<String> columns) {
    this.delimiter = delimiter;
    this.columns = List.copyOf(columns);
    List<String> n = new ArrayList<>(columns.size());
    for (String c : columns) {
      n.add(normalise(c));
    }
    this.normalised = List.copyOf(n);
  }

  /** The header of {@code line} (without its line terminator); throws when it is longer than the limit. */
  public static CsvHeader parse(CharSequence line) {
    if (line.length() > MAX_HEADER_CHARS) {
      throw new IllegalArgumentException("header line of " + line.length() + " chars exceeds " + MAX_HEADER_CHARS);
    }
    char delimiter = detectDelimiter(line);
    return new CsvHeader(delimiter, split(line, delimiter));
  }

  public char delimiter() {
    return delimiter;
  }

  /** The column names as written (unquoted, trimmed). */
  public List<String> columns() {
    return columns;
  }

  /** The 0-based index of the first column named {@code key} (whole or last part), or -1. */
  public int indexOf(String key) {
    String k = normalise(key);
    if (k.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < normalised.size(); i++) {
      if (normalised.get(i).equals(k)) {
        return i;
      }
    }
    for (int i = 0; i < normalised.size(); i++) {
      if (normalised.get(i).endsWith("_" + k)) {
        return i;
      }
    }
    return -1;
  }

  /** For each key found, its column index, in the order of {@code keys}; keys with no column are absent. */
  public Map<String, Integer> columnsOf(Collection<String> keys) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String key : keys) {
      int i = indexOf(key);
      if (i >= 0) {
        out.putIfAbsent(key, i);
      }
    }
    return out;
  }

  /**
   * The 0-based column of the character at {@code offset} in a data {@code row} split with this header's
   * delimiter and quoting, or -1 when offset is outside the row or on a delimiter.
   */
  public int columnAt(CharSequence row, int offset) {
    if (offset < 0 || offset >= row.length()) {
      return -1;
    }
    int column = 0;
    boolean quoted = false;
    for (int i = 0; i < offset; i++) {
      char c = row.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        column++;
      }
    }
    return row.charAt(offset) == delimiter && !quoted ? -1 : column;
  }

  private static char detectDelimiter(CharSequence line) {
    int[] counts = new int[DELIMITERS.length()];
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        int d = DELIMITERS.indexOf(c);
        if (d >= 0) {
          counts[d]++;
        }
      }
    }
    int best = 0;
    for (int d = 1; d < counts.length; d++) {
      if (counts[d] > counts[best]) {
        best = d;
      }
    }
    return DELIMITERS.charAt(best);
  }

  private static List<String> split(CharSequence line, char delimiter) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        out.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString().strip());
    return out;
  }

  /** Lower case, separators read as {@code _}, leading/trailing punctuation dropped. */
  static String normalise(String name) {
    String bare = ContextScorer.bareKey(name.strip()).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(bare.length());
    for (int i = 0; i < bare.length(); i++) {
      char c = bare.charAt(i);
      out.append(c == '-' || c == '.' || c == ' ' ? '_' : c);
    }
    return out.toString();
  }
}
