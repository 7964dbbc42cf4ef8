package dev.lagotto.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code java.util.regex} baseline over the reference rules, in two shapes: all rules as one alternation
 * {@code (r0)|(r1)|...} run line by line (leftmost-first: where two rules overlap only one match counts, as in
 * {@code rg -f}), or each rule on its own over the whole text. Text is the corpus decoded as ISO-8859-1, so a
 * char index is a byte offset; the rules are ASCII, so this finds what they find in the UTF-8 bytes (a
 * non-ASCII byte counts as one letter or symbol next to {@code \b}). Complexity: one backtracking regex pass
 * per line (or per rule); about 2.5 MB/s for the alternation. Not thread-safe: it reuses its matchers.
 */
public final class JdkRegexEngine {
  /** How the rules are run. */
  public enum Mode { ALTERNATION, PER_RULE }

  private final Mode mode;
  private final int ruleCount;
  private final Matcher alternation;
  private final Matcher[] perRule;

  public JdkRegexEngine(List<ReferenceRule> rules, Mode mode) {
    this.mode = mode;
    this.ruleCount = rules.size();
    StringBuilder all = new StringBuilder();
    perRule = new Matcher[rules.size()];
    for (ReferenceRule r : rules) {
      all.append(all.length() == 0 ? "" : "|").append('(').append(r.regex()).append(')');
      perRule[r.index()] = Pattern.compile(r.regex()).matcher("");
    }
    alternation = Pattern.compile(all.toString()).matcher("");
    if (alternation.groupCount() != rules.size()) {
      throw new IllegalArgumentException("the reference rules must not have capture groups: the alternation has "
          + alternation.groupCount() + " groups for " + rules.size() + " rules");
    }
  }

  /** The bytes {@code [offset, offset + length)} as one char per byte. */
  public static String text(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }

  /** The number of rules; the size of the array {@link #count} fills. */
  public int ruleCount() {
    return ruleCount;
  }

  /** Counts the matches in {@code text}, adding each rule's count to {@code perRule[index]}; returns the total. */
  public long count(String text, long[] perRuleCounts) {
    return mode == Mode.ALTERNATION ? countAlternation(text, perRuleCounts) : countPerRule(text, perRuleCounts);
  }

  private long countAlternation(String text, long[] counts) {
    Matcher m = alternation.reset(text);
    long total = 0;
    int lineStart = 0;
    int n = text.length();
    while (lineStart < n) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? n : newline;
      m.region(lineStart, lineEnd);
      while (m.find()) {
        for (int g = 1; g <= ruleCount; g++) {
          if (m.start(g) >= 0) {
            counts[g - 1]++;
            break;
          }
        }
        total++;
      }
      lineStart = lineEnd + 1;
    }
    return total;
  }

  private long countPerRule(String text, long[] counts) {
    long total = 0;
    for (int i = 0; i < perRule.length; i++) {
      Matcher m = perRule[i].reset(text);
      while (m.find()) {
        counts[i]++;
        total++;
      }
    }
    return total;
  }
}
