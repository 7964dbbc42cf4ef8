package dev.lagotto.core.scan;

import dev.lagotto.core.pattern.CompiledPattern;
import dev.lagotto.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A necessary condition for a rule whose context is {@code required}, checked before its DFA runs: the line
 * of the candidate must hold one of the rule's <em>needles</em> (ASCII case-insensitively), or the candidate
 * must sit where a CSV column name could count as a key. Immutable and thread-safe; a check costs one
 * table load per byte of the line (callers cache the answer per line).
 *
 * <p>Sound because the {@link dev.lagotto.core.context.ContextScorer} looks for words only within the
 * match's line (its windows stop at line feeds), a key lies between the line's start and the match (a key
 * and the gap after it hold no line feed), and a match of the pattern holds no line feed (checked on the
 * DFA); a needle is the longest ASCII run of {@code [a-z0-9_]} of each lower-cased word and key, a substring
 * of what the scorer compares. A CSV column counts only when the byte before the match (after one quote) is
 * a CSV delimiter, or a line feed with a stream header; such candidates always pass, and for a rule with
 * keys the pattern must not read a quote or a delimiter, so that such a candidate never lies inside a
 * match that starts earlier on its line (the scan without this check would skip it). Absent from rules
 * without a required context, with a custom matcher, a pattern that can read a line feed (or, with keys, a
 * quote or delimiter), or a word or key
 * without two such bytes in a row.
 */
final class RequiredContext {
  /** Shortest needle: a one-byte needle would pass almost every line. */
  private static final int MIN_NEEDLE = 2;

  private final byte[][] needles;
  /** Bit {@code (first << 8) | second} of the lower-cased first two bytes of a needle. */
  private final long[] pairs = new long[1 << 10];
  private final boolean keys;

  private RequiredContext(byte[][] needles, boolean keys) {
    this.needles = needles;
    this.keys = keys;
    for (byte[] n : needles) {
      int pair = ((n[0] & 0xff) << 8) | (n[1] & 0xff);
      pairs[pair >>> 6] |= 1L << pair;
    }
  }

  /** The check for {@code rule} compiled to {@code pattern}, or {@code null} when it does not apply. */
  static RequiredContext of(Rule rule, CompiledPattern pattern) {
    Rule.RuleContext c = rule.context();
    if (!c.required() || pattern == null || (c.words().isEmpty() && c.keys().isEmpty())) {
      return null;
    }
    String unreadable = c.keys().isEmpty() ? "\n" : "\n\",\t;|";
    for (int s = 0; s < pattern.stateCount(); s++) {
      for (int i = 0; i < unreadable.length(); i++) {
        if (pattern.step(s, unreadable.charAt(i)) >= 0) {
          return null;
        }
      }
    }
    List<byte[]> needles = new ArrayList<>();
    List<String> all = new ArrayList<>(c.words());
    all.addAll(c.keys());
    for (String s : all) {
      if (s.indexOf('\n') >= 0) {
        return null;
      }
      byte[] n = longestRun(s.toLowerCase(Locale.ROOT));
      if (n.length < MIN_NEEDLE) {
        return null;
      }
      needles.add(n);
    }
    return new RequiredContext(needles.toArray(new byte[0][]), !c.keys().isEmpty());
  }

  private static byte[] longestRun(String s) {
    int best = 0;
    int bestFrom = 0;
    int from = 0;
    for (int i = 0; i <= s.length(); i++) {
      char ch = i < s.length() ? s.charAt(i) : ' ';
      boolean run = ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_';
      if (!run) {
        if (i - from > best) {
          best = i - from;
          bestFrom = from;
        }
        from = i + 1;
      }
    }
    return s.substring(bestFrom, bestFrom + best).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /**
   * Whether a candidate at {@code p} cannot be told apart from the line alone: it may lie in a CSV column
   * whose header name is a key ({@code withHeader}: the stream has a CSV header).
   */
  boolean mayBeColumn(byte[] b, int lo, int p, boolean withHeader) {
    if (!keys) {
      return false;
    }
    int q = p > lo && b[p - 1] == '"' ? p - 1 : p;
    if (q <= lo) {
      return false;
    }
    byte before = b[q - 1];
    return before == ',' || before == '\t' || before == ';' || before == '|' || before == '\n' && withHeader;
  }

  /** The start of the line of {@code p} within {@code [lo, p]}. */
  static int lineStart(byte[] b, int lo, int p) {
    while (p > lo && b[p - 1] != '\n') {
      p--;
    }
    return p;
  }

  /** The end (line feed or {@code hi}) of the line of {@code p}. */
  static int lineEnd(byte[] b, int p, int hi) {
    while (p < hi && b[p] != '\n') {
      p++;
    }
    return p;
  }

  /** Whether {@code b[from, to)} holds a needle, ASCII case-insensitively. */
  boolean lineHolds(byte[] b, int from, int to) {
    final long[] table = pairs;
    for (int p = from; p + 1 < to; p++) {
      int pair = (lower(b[p]) << 8) | lower(b[p + 1]);
      if ((table[pair >>> 6] & (1L << pair)) != 0 && needleAt(b, p, to)) {
        return true;
      }
    }
    return false;
  }

  private boolean needleAt(byte[] b, int p, int to) {
    for (byte[] n : needles) {
      if (p + n.length > to) {
        continue;
      }
      int j = 0;
      while (j < n.length && lower(b[p + j]) == n[j]) {
        j++;
      }
      if (j == n.length) {
        return true;
      }
    }
    return false;
  }

  private static int lower(byte c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c & 0xff;
  }
}
