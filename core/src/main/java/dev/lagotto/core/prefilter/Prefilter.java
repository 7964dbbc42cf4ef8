package dev.lagotto.core.prefilter;

import dev.lagotto.core.rule.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rule index: the triggers of all rules in one structure scanned in a single pass over the bytes.
 * Immutable and thread-safe once built; {@link #scan} allocates nothing (events go to a caller-owned
 * {@link Candidates} buffer).
 *
 * <p>Two kinds of trigger, one per rule (rules are numbered by their position in the list given to
 * {@link #build}):
 * <ul>
 *   <li>{@link Trigger.Keywords}: literal keywords, one of which occurs in every match of the rule (the
 *       compiler proves it). Each keyword is verified only where its <em>anchor byte</em> occurs: its byte
 *       that is rarest in log text ({@link ByteClasses#logFrequency}), so common first letters do not stop
 *       the pass. Case-insensitive keywords anchor on both cases of a letter. An event carries the
 *       keyword's start position and the rules it triggers.
 *   <li>{@link Trigger.StartBytes}: the bytes a match can start with. An event is the position of such a
 *       byte whose preceding byte the rule's boundary allows (so the inside of words and numbers is
 *       skipped by a table lookup).
 * </ul>
 * The pass costs one load from a 256-entry table per byte; events cost a second table lookup (start
 * bytes) or a keyword comparison. Events of one pass are nearly sorted by position (a keyword event lags
 * its anchor by less than the keyword length); {@link Candidates#sort} makes them sorted.
 *
 * <p>{@link #NONE} is the reference: it has no index, and the scanner then runs every rule at every
 * position.
 */
public final class Prefilter {
  /** No index: every rule at every position. */
  public static final Prefilter NONE = new Prefilter();

  /** Payload bit of a keyword event; the low bits are the keyword id. */
  static final int KEYWORD_EVENT = 1 << 30;
  private static final int HOT_START = 1;
  private static final int HOT_ANCHOR = 2;
  /** Classes of the byte before a position, as boundaries see it. */
  private static final int PREV_OTHER = 0;
  private static final int PREV_DIGIT = 1;
  private static final int PREV_LETTER = 2;
  private static final int PREV_UNDERSCORE = 3;
  private static final byte[] PREV_CLASS = new byte[256];

  static {
    for (int b = '0'; b <= '9'; b++) {
      PREV_CLASS[b] = PREV_DIGIT;
    }
    for (int b = 'a'; b <= 'z'; b++) {
      PREV_CLASS[b] = PREV_LETTER;
      PREV_CLASS[b - 32] = PREV_LETTER;
    }
    PREV_CLASS['_'] = PREV_UNDERSCORE;
  }

  private final boolean none;
  private final byte[] hot;
  /** Start-byte event sets by (previous byte class * 256 + byte): index into {@link #ruleSets} plus one. */
  private final int[] startAction;
  private final int[][] ruleSets;
  /** Per anchor byte: pairs (keyword id, offset of the anchor inside the keyword). */
  private final int[][] anchors;
  private final byte[][] keywords;
  private final boolean[] keywordCaseInsensitive;
  private final int[][] keywordRules;
  private final int maxKeywordLength;
  private final int ruleCount;

  private Prefilter() {
    none = true;
    hot = new byte[256];
    startAction = new int[0];
    ruleSets = new int[0][];
    anchors = new int[256][];
    keywords = new byte[0][];
    keywordCaseInsensitive = new boolean[0];
    keywordRules = new int[0][];
    maxKeywordLength = 0;
    ruleCount = 0;
  }

  private Prefilter(List<Trigger> triggers) {
    none = false;
    ruleCount = triggers.size();
    hot = new byte[256];
    startAction = new int[4 * 256];
    Map<String, Integer> setIds = new LinkedHashMap<>();
    List<int[]> sets = new ArrayList<>();
    for (int prev = 0; prev < 4; prev++) {
      for (int b = 0; b < 256; b++) {
        List<Integer> rules = new ArrayList<>();
        for (int r = 0; r < triggers.size(); r++) {
          if (triggers.get(r) instanceof Trigger.StartBytes s && s.bytes()[b] && allows(s.boundary(), prev)) {
            rules.add(r);
          }
        }
        if (!rules.isEmpty()) {
          int[] set = rules.stream().mapToInt(Integer::intValue).toArray();
          Integer id = setIds.computeIfAbsent(Arrays.toString(set), k -> {
            sets.add(set);
            return sets.size() - 1;
          });
          startAction[prev * 256 + b] = id + 1;
          hot[b] |= HOT_START;
        }
      }
    }
    ruleSets = sets.toArray(new int[0][]);

    Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
    for (int r = 0; r < triggers.size(); r++) {
      if (triggers.get(r) instanceof Trigger.Keywords k) {
        for (String word : k.keywords()) {
          String key = (k.caseInsensitive() ? "i:" + word.toLowerCase(java.util.Locale.ROOT) : "s:" + word);
          List<Integer> rules = byKeyword.computeIfAbsent(key, x -> new ArrayList<>());
          if (!rules.contains(r)) {
            rules.add(r);
          }
        }
      }
    }
    int n = byKeyword.size();
    keywords = new byte[n][];
    keywordCaseInsensitive = new boolean[n];
    keywordRules = new int[n][];
    List<List<Integer>> anchorLists = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      anchorLists.add(new ArrayList<>());
    }
    int id = 0;
    int longest = 0;
    for (Map.Entry<String, List<Integer>> e : byKeyword.entrySet()) {
      boolean ci = e.getKey().startsWith("i:");
      byte[] word = e.getKey().substring(2).getBytes(StandardCharsets.UTF_8);
      keywords[id] = word;
      keywordCaseInsensitive[id] = ci;
      keywordRules[id] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      longest = Math.max(longest, word.length);
      int anchor = rarestByte(word, ci);
      int b = word[anchor] & 0xff;
      addAnchor(anchorLists, b, id, anchor);
      if (ci && ByteClasses.isAsciiLetter(b)) {
        addAnchor(anchorLists, b ^ 0x20, id, anchor);
      }
      id++;
    }
    anchors = new int[256][];
    for (int b = 0; b < 256; b++) {
      List<Integer> list = anchorLists.get(b);
      anchors[b] = list.stream().mapToInt(Integer::intValue).toArray();
      if (!list.isEmpty()) {
        hot[b] |= HOT_ANCHOR;
      }
    }
    maxKeywordLength = longest;
  }

  private void addAnchor(List<List<Integer>> lists, int b, int keywordId, int offset) {
    lists.get(b).add(keywordId);
    lists.get(b).add(offset);
  }

  private static int rarestByte(byte[] word, boolean caseInsensitive) {
    int best = 0;
    int bestFrequency = Integer.MAX_VALUE;
    for (int i = 0; i < word.length; i++) {
      int b = word[i] & 0xff;
      int f = ByteClasses.logFrequency(b);
      if (caseInsensitive && ByteClasses.isAsciiLetter(b)) {
        f += ByteClasses.logFrequency(b ^ 0x20);
      }
      if (f < bestFrequency) {
        best = i;
        bestFrequency = f;
      }
    }
    return best;
  }

  private static boolean allows(Rule.Boundary boundary, int prev) {
    return switch (boundary) {
      case NONE -> true;
      case WORD -> prev == PREV_OTHER;
      case ALNUM -> prev == PREV_OTHER || prev == PREV_UNDERSCORE;
      case DIGIT -> prev != PREV_DIGIT;
    };
  }

  /** The index of these triggers; trigger {@code i} belongs to rule {@code i}. */
  public static Prefilter build(List<Trigger> triggers) {
    return new Prefilter(List.copyOf(triggers));
  }

  /** Whether this is {@link #NONE}. */
  public boolean isNone() {
    return none;
  }

  /** The number of rules indexed. */
  public int ruleCount() {
    return ruleCount;
  }

  /** The longest keyword, in bytes (0 without keywords). */
  public int maxKeywordLength() {
    return maxKeywordLength;
  }

  /**
   * Appends to {@code out} the events of {@code bytes}: start-byte events at positions {@code p} in
   * {@code [from, to)} (the byte before {@code p} is read when {@code p > lo}), and keyword events for
   * keywords that start in {@code [from, keywordTo)} and end at or before {@code hi}
   * ({@code keywordTo >= to}: a match that starts before {@code to} may hold its keyword after it).
   * Complexity: linear in {@code keywordTo - from + maxKeywordLength()}, plus the events.
   */
  public void scan(byte[] bytes, int lo, int from, int to, int keywordTo, int hi, Candidates out) {
    if (none) {
      throw new IllegalStateException("Prefilter.NONE has no index; run every rule at every position");
    }
    final byte[] h = hot;
    final int stop = Math.min(hi, Math.max(to, keywordTo + Math.max(0, maxKeywordLength - 1)));
    for (int i = from; i < stop; i++) {
      int b = bytes[i] & 0xff;
      int flags = h[b];
      if (flags == 0) {
        continue;
      }
      if ((flags & HOT_START) != 0 && i < to) {
        int prev = i > lo ? PREV_CLASS[bytes[i - 1] & 0xff] : PREV_OTHER;
        int action = startAction[(prev << 8) | b];
        if (action != 0) {
          out.add(i, action - 1);
        }
      }
      if ((flags & HOT_ANCHOR) != 0) {
        keywordsAt(bytes, i, b, from, keywordTo, hi, out);
      }
    }
  }

  private void keywordsAt(byte[] bytes, int i, int b, int from, int to, int hi, Candidates out) {
    int[] list = anchors[b];
    for (int j = 0; j < list.length; j += 2) {
      int id = list[j];
      int k = i - list[j + 1];
      byte[] word = keywords[id];
      if (k < from || k >= to || k + word.length > hi) {
        continue;
      }
      if (keywordCaseInsensitive[id] ? equalsFolded(bytes, k, word) : equals(bytes, k, word)) {
        out.add(k, KEYWORD_EVENT | id);
      }
    }
  }

  private static boolean equals(byte[] bytes, int at, byte[] word) {
    for (int j = 0; j < word.length; j++) {
      if (bytes[at + j] != word[j]) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalsFolded(byte[] bytes, int at, byte[] lowerWord) {
    for (int j = 0; j < lowerWord.length; j++) {
      if (ByteClasses.foldCase(bytes[at + j] & 0xff) != (lowerWord[j] & 0xff)) {
        return false;
      }
    }
    return true;
  }

  /** Whether an event payload (from {@link Candidates#payload}) is a keyword event. */
  public static boolean isKeywordEvent(int payload) {
    return (payload & KEYWORD_EVENT) != 0;
  }

  /** The rules an event payload triggers (do not modify the array). */
  public int[] rulesOf(int payload) {
    return (payload & KEYWORD_EVENT) != 0 ? keywordRules[payload & ~KEYWORD_EVENT] : ruleSets[payload];
  }

  /** The length of the keyword of a keyword event payload. */
  public int keywordLength(int payload) {
    return keywords[payload & ~KEYWORD_EVENT].length;
  }

  /** How one rule is triggered. */
  public sealed interface Trigger permits Trigger.Keywords, Trigger.StartBytes {
    /** Literal keywords, one of which occurs in every match. */
    record Keywords(List<String> keywords, boolean caseInsensitive) implements Trigger {
      public Keywords {
        keywords = List.copyOf(keywords);
        if (keywords.isEmpty() || keywords.stream().anyMatch(String::isEmpty)) {
          throw new IllegalArgumentException("keywords must be non-empty strings: " + keywords);
        }
      }
    }

    /** The bytes a match can start with, and the boundary that must hold before the start. */
    record StartBytes(boolean[] bytes, Rule.Boundary boundary) implements Trigger {
      public StartBytes {
        Objects.requireNonNull(boundary, "boundary");
        if (bytes.length != 256) {
          throw new IllegalArgumentException("start bytes must have 256 entries, not " + bytes.length);
        }
        bytes = bytes.clone();
      }
    }
  }
}
