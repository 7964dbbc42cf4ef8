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
 *       compiler proves it). A one-byte keyword is verified where its byte occurs after a byte that can
 *       precede it in a match. A longer keyword is verified only where its <em>anchor</em> pair occurs (the
 *       keyword's bytes {@code i-1, i}, {@code i >= 1}) and then only if the next byte is the keyword's
 *       byte {@code i+1}: the trigram estimated rarest in log text ({@link ByteClasses#logFrequency}), so
 *       common bytes such as {@code "} do not stop the pass. Case-insensitive keywords anchor on both cases
 *       of a letter. An event carries the keyword's start position and the rules it triggers.
 *   <li>{@link Trigger.StartBytes}: the bytes a match can start with. An event is the position of such a
 *       byte whose preceding byte the rule's boundary allows (so the inside of words and numbers is
 *       skipped by a table lookup), and that the rule's {@link RunGate}s allow: where a rule has a gate
 *       for the class of the byte (digits, upper-case, lower-case letters), the run of that class is
 *       measured once per position for all rules, and a rule whose match cannot start a run of that
 *       length followed by that byte is not told (a timestamp's {@code 12} followed by {@code :} never
 *       reaches the card or IMEI rules).
 * </ul>
 * The pass costs one load from a 256-entry table per byte; a hit costs a second table lookup (start
 * bytes, passed at once to a {@link StartSink}) or a keyword check: the bytes around the occurrence must be
 * ones that can surround the keyword inside a match of the rule (tables computed from its DFA), then the
 * keyword is compared. Keyword events, one per (rule, keyword) pair, are buffered in {@link Candidates};
 * they are nearly sorted by position (an event lags its anchor by less than the keyword length) and
 * {@link Candidates#sort} makes them sorted.
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
  /** Bits of a {@link #hotPair} entry above the flags: the id of the pair's anchor list. */
  private static final int LIST_SHIFT = 2;
  /** The list id saying "look the list up in {@link #anchorsByPair}" (more distinct lists than ids). */
  private static final int LIST_OVERFLOW = (0xff >>> LIST_SHIFT);
  /** Ints per entry of {@link #anchors}. */
  private static final int ANCHOR_ENTRY = 3;
  /** Classes of the byte before a position, as boundaries see it. */
  private static final int PREV_OTHER = 0;
  private static final int PREV_DIGIT = 1;
  private static final int PREV_LETTER = 2;
  private static final int PREV_UNDERSCORE = 3;
  private static final byte[] PREV_CLASS = new byte[256];
  /** Per byte: 1 + the ordinal of its {@link RunGate.RunClass}, or 0. */
  private static final byte[] RUN_CLASS = new byte[256];
  private static final int RUN_CLASSES = RunGate.RunClass.values().length + 1;

  static {
    for (int b = '0'; b <= '9'; b++) {
      PREV_CLASS[b] = PREV_DIGIT;
    }
    for (int b = 'a'; b <= 'z'; b++) {
      PREV_CLASS[b] = PREV_LETTER;
      PREV_CLASS[b - 32] = PREV_LETTER;
    }
    PREV_CLASS['_'] = PREV_UNDERSCORE;
    for (int b = 0; b < 256; b++) {
      RunGate.RunClass c = RunGate.RunClass.of(b);
      RUN_CLASS[b] = (byte) (c == null ? 0 : c.ordinal() + 1);
    }
  }

  private final boolean none;
  private final byte[] hot;
  /** {@link #hot} refined by the byte before: index (previous byte * 256 + byte). */
  private final byte[] hotPair;
  /** Start-byte event sets by (previous byte class * 256 + byte): index into {@link #ruleSets} plus one. */
  private final int[] startAction;
  private final int[][] ruleSets;
  /**
   * Per (rule set, run class): the combined {@link RunGate}s of the set's rules, or {@code null} when no
   * rule of the set has a gate for the class; index {@code set * RUN_CLASSES + class}, class 0 = none.
   */
  private final SetGate[] setGates;
  /**
   * Per anchor byte: triples (keyword id, offset of the anchor inside the keyword, the keyword's byte after
   * the anchor, lower-cased for a case-insensitive keyword, or -1 when the anchor is its last byte).
   */
  private final int[][] anchors;
  /**
   * {@link #anchors} split by the byte before the anchor: the entries whose keyword has that byte before its
   * anchor, plus the one-byte keywords, so that a frequent pair does not walk the entries of every keyword
   * that shares only its second byte. The distinct lists, by id; a pair's id is kept in the upper bits of its
   * {@link #hotPair} entry, which the first pass has just loaded, so finding the list costs no cache miss.
   */
  private final int[][] anchorLists;
  /**
   * The lists by (previous byte * 256 + anchor byte), 64 Ki references; only when there are more distinct
   * lists than {@link #LIST_OVERFLOW} ids ({@code null} otherwise).
   */
  private final int[][] anchorsByPair;
  private final byte[][] keywords;
  private final boolean[] keywordCaseInsensitive;
  /** Per keyword: its (rule, keyword) pairs; per keyword: union of the pairs' context tables. */
  private final int[][] keywordPairs;
  private final boolean[][] keywordBefore;
  private final boolean[][] keywordAfter;
  /** Per one-byte keyword: the combined {@link KeywordGate}s of its pairs, or {@code null}. */
  private final KeywordSetGate[] keywordGates;
  /** Per (rule, keyword) pair: the rule (an array of one), the keyword length, the context tables. */
  private final int[][] pairRules;
  private final int[] pairLength;
  /** Whether a pair's events go straight to the sink: all keywords of its rule are anchored at offset 0. */
  private final boolean[] pairInline;
  private final boolean[][] pairBefore;
  private final boolean[][] pairAfter;
  private final boolean[][] pairBeforeInside;
  private final boolean[][] pairAfterAtStart;
  private final int maxKeywordLength;
  private final int ruleCount;

  private Prefilter() {
    none = true;
    hot = new byte[256];
    hotPair = new byte[0];
    startAction = new int[0];
    ruleSets = new int[0][];
    setGates = new SetGate[0];
    anchors = new int[256][];
    anchorsByPair = new int[0][];
    anchorLists = new int[0][];
    keywords = new byte[0][];
    keywordCaseInsensitive = new boolean[0];
    keywordPairs = new int[0][];
    keywordBefore = new boolean[0][];
    keywordAfter = new boolean[0][];
    keywordGates = new KeywordSetGate[0];
    pairRules = new int[0][];
    pairLength = new int[0];
    pairInline = new boolean[0];
    pairBefore = new boolean[0][];
    pairAfter = new boolean[0][];
    pairBeforeInside = new boolean[0][];
    pairAfterAtStart = new boolean[0][];
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
    setGates = new SetGate[ruleSets.length * RUN_CLASSES];
    for (int set = 0; set < ruleSets.length; set++) {
      for (RunGate.RunClass c : RunGate.RunClass.values()) {
        setGates[set * RUN_CLASSES + c.ordinal() + 1] = SetGate.of(ruleSets[set], triggers, c);
      }
    }

    Map<String, List<int[]>> byKeyword = new LinkedHashMap<>();
    List<int[]> pairList = new ArrayList<>();
    List<boolean[]> pairBefore = new ArrayList<>();
    List<boolean[]> pairAfter = new ArrayList<>();
    List<boolean[]> pairBeforeInside = new ArrayList<>();
    List<boolean[]> pairAfterAtStart = new ArrayList<>();
    List<List<KeywordGate>> pairGates = new ArrayList<>();
    for (int r = 0; r < triggers.size(); r++) {
      if (triggers.get(r) instanceof Trigger.Keywords k) {
        for (int i = 0; i < k.keywords().size(); i++) {
          String word = k.keywords().get(i);
          String key = (k.caseInsensitive() ? "i:" + word.toLowerCase(java.util.Locale.ROOT) : "s:" + word);
          pairList.add(new int[] {r});
          pairBefore.add(k.before().get(i));
          pairAfter.add(k.after().get(i));
          boolean refined = k.beforeInside().get(i) != null && k.afterAtStart().get(i) != null;
          pairBeforeInside.add(refined ? k.beforeInside().get(i) : null);
          pairAfterAtStart.add(refined ? k.afterAtStart().get(i) : null);
          pairGates.add(k.gates().get(i));
          byKeyword.computeIfAbsent(key, x -> new ArrayList<>()).add(new int[] {pairList.size() - 1});
        }
      }
    }
    pairRules = pairList.toArray(new int[0][]);
    this.pairBefore = pairBefore.toArray(new boolean[0][]);
    this.pairAfter = pairAfter.toArray(new boolean[0][]);
    this.pairBeforeInside = pairBeforeInside.toArray(new boolean[0][]);
    this.pairAfterAtStart = pairAfterAtStart.toArray(new boolean[0][]);
    pairLength = new int[pairRules.length];
    pairInline = new boolean[pairRules.length];
    boolean[] ruleBuffered = new boolean[triggers.size()];
    int n = byKeyword.size();
    keywords = new byte[n][];
    keywordCaseInsensitive = new boolean[n];
    keywordPairs = new int[n][];
    keywordBefore = new boolean[n][];
    keywordAfter = new boolean[n][];
    keywordGates = new KeywordSetGate[n];
    List<List<Integer>> anchorLists = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      anchorLists.add(new ArrayList<>());
    }
    int id = 0;
    int longest = 0;
    for (Map.Entry<String, List<int[]>> e : byKeyword.entrySet()) {
      boolean ci = e.getKey().startsWith("i:");
      byte[] word = e.getKey().substring(2).getBytes(StandardCharsets.UTF_8);
      keywords[id] = word;
      keywordCaseInsensitive[id] = ci;
      keywordPairs[id] = e.getValue().stream().mapToInt(x -> x[0]).toArray();
      keywordBefore[id] = union(keywordPairs[id], this.pairBefore);
      keywordAfter[id] = union(keywordPairs[id], this.pairAfter);
      if (word.length == 1) {
        keywordGates[id] = KeywordSetGate.of(Arrays.stream(keywordPairs[id]).mapToObj(pairGates::get).toList());
      }
      for (int pair : keywordPairs[id]) {
        pairLength[pair] = word.length;
      }
      longest = Math.max(longest, word.length);
      int anchor = rarestByte(word, ci);
      if (anchor != 0) {
        for (int pair : keywordPairs[id]) {
          ruleBuffered[pairRules[pair][0]] = true;
        }
      }
      int b = word[anchor] & 0xff;
      addAnchor(anchorLists, b, id, anchor);
      if (ci && ByteClasses.isAsciiLetter(b)) {
        addAnchor(anchorLists, b ^ 0x20, id, anchor);
      }
      id++;
    }
    for (int pair = 0; pair < pairRules.length; pair++) {
      pairInline[pair] = !ruleBuffered[pairRules[pair][0]];
    }
    anchors = new int[256][];
    for (int b = 0; b < 256; b++) {
      List<Integer> list = anchorLists.get(b);
      anchors[b] = list.stream().mapToInt(Integer::intValue).toArray();
      if (!list.isEmpty()) {
        hot[b] |= HOT_ANCHOR;
      }
    }
    int[][] byPair = splitByPreviousByte(anchors, keywords, keywordCaseInsensitive);
    Map<String, Integer> listIds = new LinkedHashMap<>();
    List<int[]> distinctLists = new ArrayList<>();
    int[] pairListId = new int[byPair.length];
    for (int pair = 0; pair < byPair.length; pair++) {
      int[] list = byPair[pair];
      pairListId[pair] = listIds.computeIfAbsent(Arrays.toString(list), k -> {
        distinctLists.add(list);
        return distinctLists.size() - 1;
      });
    }
    boolean overflow = distinctLists.size() >= LIST_OVERFLOW;
    this.anchorLists = distinctLists.toArray(new int[0][]);
    anchorsByPair = overflow ? byPair : null;
    maxKeywordLength = longest;
    hotPair = new byte[256 * 256];
    for (int prev = 0; prev < 256; prev++) {
      for (int b = 0; b < 256; b++) {
        int flags = 0;
        if ((hot[b] & HOT_START) != 0 && startAction[(PREV_CLASS[prev] << 8) | b] != 0) {
          flags |= HOT_START;
        }
        int[] list = anchors[b];
        for (int j = 0; j < list.length && (flags & HOT_ANCHOR) == 0; j += ANCHOR_ENTRY) {
          int offset = list[j + 1];
          byte[] word = keywords[list[j]];
          boolean ci = keywordCaseInsensitive[list[j]];
          if (offset == 0 ? keywordBefore[list[j]][prev]
              : (ci ? ByteClasses.foldCase(prev) : prev) == (word[offset - 1] & 0xff)) {
            flags |= HOT_ANCHOR;
          }
        }
        if ((flags & HOT_ANCHOR) != 0) {
          flags |= (overflow ? LIST_OVERFLOW : pairListId[(prev << 8) | b]) << LIST_SHIFT;
        }
        hotPair[(prev << 8) | b] = (byte) flags;
      }
    }
  }

  /**
   * Per (previous byte, anchor byte): the entries of {@code byByte[anchor byte]}, in their order, that can
   * match with that previous byte: one-byte keywords (offset 0) always, longer keywords when the byte before
   * their anchor is the previous byte (either case for a case-insensitive letter).
   */
  private static int[][] splitByPreviousByte(int[][] byByte, byte[][] words, boolean[] caseInsensitive) {
    int[][] split = new int[256 * 256][];
    for (int b = 0; b < 256; b++) {
      int[] list = byByte[b];
      int[] oneByte = select(list, words, caseInsensitive, -1);
      for (int prev = 0; prev < 256; prev++) {
        int[] entries = select(list, words, caseInsensitive, prev);
        split[(prev << 8) | b] = entries.length == oneByte.length ? oneByte : entries;
      }
    }
    return split;
  }

  /** The entries of {@code list} anchored at offset 0, or preceded inside their keyword by {@code prev}. */
  private static int[] select(int[] list, byte[][] words, boolean[] caseInsensitive, int prev) {
    int[] out = new int[list.length];
    int n = 0;
    for (int j = 0; j < list.length; j += ANCHOR_ENTRY) {
      int offset = list[j + 1];
      boolean keep = offset == 0;
      if (!keep && prev >= 0) {
        int before = words[list[j]][offset - 1] & 0xff;
        keep = caseInsensitive[list[j]] ? ByteClasses.foldCase(prev) == before : prev == before;
      }
      if (keep) {
        System.arraycopy(list, j, out, n, ANCHOR_ENTRY);
        n += ANCHOR_ENTRY;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The union of the pairs' tables; all bytes when one of them is {@code null}. */
  private static boolean[] union(int[] pairs, boolean[][] tables) {
    boolean[] u = new boolean[256];
    for (int p : pairs) {
      if (tables[p] == null) {
        Arrays.fill(u, true);
        return u;
      }
      for (int b = 0; b < 256; b++) {
        u[b] |= tables[p][b];
      }
    }
    return u;
  }

  private void addAnchor(List<List<Integer>> lists, int b, int keywordId, int offset) {
    byte[] word = keywords[keywordId];
    lists.get(b).add(keywordId);
    lists.get(b).add(offset);
    lists.get(b).add(offset + 1 < word.length ? word[offset + 1] & 0xff : -1);
  }

  /**
   * The offset of the keyword's anchor. A one-byte keyword anchors on its byte. A longer keyword anchors on
   * the byte at an offset {@code i >= 1}, so that the first pass selects it by the exact pair
   * (byte {@code i-1}, byte {@code i}), and {@link #keywordsAt} compares the byte after it before anything
   * else: the offset whose trigram ({@code i-1, i, i+1}; a pair at the end of the keyword counts as a pair
   * followed by any byte) is estimated rarest in log text by {@link ByteClasses#logFrequency}.
   */
  private static int rarestByte(byte[] word, boolean caseInsensitive) {
    if (word.length == 1) {
      return 0;
    }
    int best = 1;
    double bestFrequency = Double.MAX_VALUE;
    for (int i = 1; i < word.length; i++) {
      double f = frequency(word[i - 1] & 0xff, caseInsensitive) * frequency(word[i] & 0xff, caseInsensitive)
          * (i + 1 < word.length ? frequency(word[i + 1] & 0xff, caseInsensitive) : ANY_BYTE);
      if (f < bestFrequency) {
        best = i;
        bestFrequency = f;
      }
    }
    return best;
  }

  /** {@link #frequency} of "any byte": the sum of the table, in its parts per 100,000. */
  private static final double ANY_BYTE = 100_000;

  private static double frequency(int b, boolean caseInsensitive) {
    int f = ByteClasses.logFrequency(b) + 1;
    if (caseInsensitive && ByteClasses.isAsciiLetter(b)) {
      f += ByteClasses.logFrequency(b ^ 0x20) + 1;
    }
    return f;
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
  public void scan(byte[] bytes, int lo, int from, int to, int keywordTo, int hi, Candidates out, StartSink starts) {
    if (none) {
      throw new IllegalStateException("Prefilter.NONE has no index; run every rule at every position");
    }
    final int stop = Math.min(hi, Math.max(to, keywordTo + Math.max(0, maxKeywordLength - 1)));
    int i = from;
    if (i < stop && i == lo) {
      int b = bytes[i] & 0xff;
      if ((hot[b] & HOT_START) != 0 && i < to && startAction[(PREV_OTHER << 8) | b] != 0) {
        start(bytes, i, b, hi, startAction[(PREV_OTHER << 8) | b] - 1, starts);
      }
      if ((hot[b] & HOT_ANCHOR) != 0) {
        keywordsAt(bytes, lo, i, b, anchors[b], from, keywordTo, hi, out, starts);
      }
      i++;
    }
    final byte[] pairs = hotPair;
    if (i >= stop) {
      return;
    }
    int[] hits = out.hits(stop - i);
    int n = 0;
    int prev = bytes[i - 1] & 0xff;
    for (; i + 8 <= stop; i += 8) {
      int b0 = bytes[i] & 0xff;
      int b1 = bytes[i + 1] & 0xff;
      int b2 = bytes[i + 2] & 0xff;
      int b3 = bytes[i + 3] & 0xff;
      int b4 = bytes[i + 4] & 0xff;
      int b5 = bytes[i + 5] & 0xff;
      int b6 = bytes[i + 6] & 0xff;
      int b7 = bytes[i + 7] & 0xff;
      int f0 = pairs[(prev << 8) | b0];
      int f1 = pairs[(b0 << 8) | b1];
      int f2 = pairs[(b1 << 8) | b2];
      int f3 = pairs[(b2 << 8) | b3];
      int f4 = pairs[(b3 << 8) | b4];
      int f5 = pairs[(b4 << 8) | b5];
      int f6 = pairs[(b5 << 8) | b6];
      int f7 = pairs[(b6 << 8) | b7];
      prev = b7;
      if ((f0 | f1 | f2 | f3 | f4 | f5 | f6 | f7) == 0) {
        continue;
      }
      hits[n] = i;
      n += (f0 | -f0) >>> 31;
      hits[n] = i + 1;
      n += (f1 | -f1) >>> 31;
      hits[n] = i + 2;
      n += (f2 | -f2) >>> 31;
      hits[n] = i + 3;
      n += (f3 | -f3) >>> 31;
      hits[n] = i + 4;
      n += (f4 | -f4) >>> 31;
      hits[n] = i + 5;
      n += (f5 | -f5) >>> 31;
      hits[n] = i + 6;
      n += (f6 | -f6) >>> 31;
      hits[n] = i + 7;
      n += (f7 | -f7) >>> 31;
    }
    for (; i < stop; i++) {
      int b = bytes[i] & 0xff;
      hits[n] = i;
      int f = pairs[(prev << 8) | b];
      n += (f | -f) >>> 31;
      prev = b;
    }
    for (int h = 0; h < n; h++) {
      int p = hits[h];
      int b = bytes[p] & 0xff;
      int before = bytes[p - 1] & 0xff;
      int flags = pairs[(before << 8) | b];
      if ((flags & HOT_START) != 0 && p < to) {
        start(bytes, p, b, hi, startAction[(PREV_CLASS[before] << 8) | b] - 1, starts);
      }
      if ((flags & HOT_ANCHOR) != 0) {
        int id = (flags & 0xff) >>> LIST_SHIFT;
        keywordsAt(bytes, lo, p, b, id == LIST_OVERFLOW ? anchorsByPair[(before << 8) | b] : anchorLists[id], from,
            keywordTo, hi, out, starts);
      }
    }
  }


  /**
   * Passes start position {@code p} (byte {@code b}) to the rules of set {@code set} whose run gates allow
   * it: the run of {@code b}'s class that starts at {@code p} is measured (at most {@link RunGate#MAX_RUN}
   * + 1 bytes) when some rule of the set has a gate for that class.
   */
  private void start(byte[] bytes, int p, int b, int hi, int set, StartSink starts) {
    int cls = RUN_CLASS[b];
    SetGate gate = setGates[set * RUN_CLASSES + cls];
    if (gate == null) {
      starts.startAt(p, ruleSets[set], -1L);
      return;
    }
    int q = p + 1;
    int stop = Math.min(hi, p + RunGate.MAX_RUN + 1);
    while (q < stop && RUN_CLASS[bytes[q] & 0xff] == cls) {
      q++;
    }
    long mask = q >= hi ? -1L : gate.mask(q - p, bytes[q] & 0xff);
    if (mask != 0) {
      starts.startAt(p, ruleSets[set], mask);
    }
  }

  /**
   * The {@link RunGate}s of one rule set for one run class, combined: for a run length and the byte after
   * the run, the bit mask of the set's members that may start a match there (bit {@code j} for member
   * {@code j}; members without a gate always pass; member 64 and later are not gated). Bytes after the run
   * are grouped into classes that every length treats alike, so the table stays small.
   */
  private static final class SetGate {
    private final byte[] nextClass;
    private final int classes;
    private final long[] masks;

    private SetGate(byte[] nextClass, int classes, long[] masks) {
      this.nextClass = nextClass;
      this.classes = classes;
      this.masks = masks;
    }

    /** The combined gate, or {@code null} when no member of {@code set} has a gate for {@code c}. */
    static SetGate of(int[] set, List<Trigger> triggers, RunGate.RunClass c) {
      RunGate[] gates = new RunGate[Math.min(set.length, Long.SIZE)];
      boolean any = false;
      for (int j = 0; j < gates.length; j++) {
        if (triggers.get(set[j]) instanceof Trigger.StartBytes sb) {
          gates[j] = sb.gate(c);
          any |= gates[j] != null;
        }
      }
      if (!any) {
        return null;
      }
      long[][] columns = new long[256][RunGate.MAX_RUN + 1];
      // only the members' bits, so that a mask of 0 means that no member is told
      long members = set.length >= Long.SIZE ? -1L : (1L << set.length) - 1;
      for (int next = 0; next < 256; next++) {
        for (int length = 1; length <= RunGate.MAX_RUN; length++) {
          long mask = members;
          for (int j = 0; j < gates.length; j++) {
            if (gates[j] != null && !gates[j].allows(length, next)) {
              mask &= ~(1L << j);
            }
          }
          columns[next][length] = mask;
        }
      }
      // bytes with equal columns share a class; classes numbered by first byte
      byte[] nextClass = new byte[256];
      List<long[]> distinct = new ArrayList<>();
      int[] hashes = new int[256];
      for (int next = 0; next < 256; next++) {
        long[] column = columns[next];
        int hash = Arrays.hashCode(column);
        int id = -1;
        for (int k = 0; k < distinct.size() && id < 0; k++) {
          if (hashes[k] == hash && Arrays.equals(distinct.get(k), column)) {
            id = k;
          }
        }
        if (id < 0) {
          id = distinct.size();
          hashes[id] = hash;
          distinct.add(column);
        }
        nextClass[next] = (byte) id;
      }
      int classes = distinct.size();
      long[] masks = new long[(RunGate.MAX_RUN + 1) * classes];
      for (int k = 0; k < classes; k++) {
        for (int length = 0; length <= RunGate.MAX_RUN; length++) {
          masks[length * classes + k] = distinct.get(k)[length];
        }
      }
      return new SetGate(nextClass, classes, masks);
    }

    /** The members that may start at a run of {@code length} bytes followed by {@code next}. */
    long mask(int length, int next) {
      if (length > RunGate.MAX_RUN) {
        return -1L;
      }
      return masks[length * classes + (nextClass[next] & 0xff)];
    }
  }

  private void keywordsAt(byte[] bytes, int lo, int i, int b, int[] list, int from, int to, int hi, Candidates out,
      StartSink sink) {
    for (int j = 0; j < list.length; j += ANCHOR_ENTRY) {
      int id = list[j];
      int k = i - list[j + 1];
      byte[] word = keywords[id];
      int after = k + word.length;
      if (k < from || k >= to || after > hi) {
        continue;
      }
      int third = list[j + 2];
      if (third >= 0 && (keywordCaseInsensitive[id] ? ByteClasses.foldCase(bytes[i + 1] & 0xff)
          : bytes[i + 1] & 0xff) != third) {
        continue;
      }
      int prev = k > lo ? bytes[k - 1] & 0xff : -1;
      int next = after < hi ? bytes[after] & 0xff : -1;
      if ((prev >= 0 && !keywordBefore[id][prev]) || (next >= 0 && !keywordAfter[id][next])) {
        continue;
      }
      if (word.length > 1 && !(keywordCaseInsensitive[id] ? equalsFolded(bytes, k, word) : equals(bytes, k, word))) {
        continue;
      }
      KeywordSetGate gate = keywordGates[id];
      long allowed = gate == null ? -1L : gate.mask(bytes, lo, hi, k);
      if (allowed == 0) {
        continue;
      }
      int[] pairs = keywordPairs[id];
      for (int m = 0; m < pairs.length; m++) {
        int pair = pairs[m];
        if (m < Long.SIZE && (allowed & (1L << m)) == 0) {
          continue;
        }
        if ((prev < 0 || pairBefore[pair] == null || pairBefore[pair][prev]) && afterAllowed(pair, prev, next)) {
          if (pairInline[pair]) {
            sink.keywordAt(k, pairRules[pair][0], pairLength[pair]);
          } else {
            out.add(k, KEYWORD_EVENT | pair);
          }
        }
      }
    }
  }

  /** Whether {@code next} may follow a keyword of {@code pair} preceded by {@code prev} (-1: unknown). */
  private boolean afterAllowed(int pair, int prev, int next) {
    if (next < 0 || pairAfter[pair] == null) {
      return true;
    }
    if (prev >= 0 && pairBeforeInside[pair] != null && !pairBeforeInside[pair][prev]) {
      return pairAfterAtStart[pair][next];
    }
    return pairAfter[pair][next];
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

  /** The rule of a keyword event payload. */
  public int ruleOf(int payload) {
    return pairRules[payload & ~KEYWORD_EVENT][0];
  }

  /** The length of the keyword of a keyword event payload. */
  public int keywordLength(int payload) {
    return pairLength[payload & ~KEYWORD_EVENT];
  }

  /**
   * Receives events during {@link #scan}: start-byte candidates, in increasing position order, and the
   * keyword events of rules whose keywords are all anchored on their first byte (so that, per rule, they
   * too come in increasing position order); other keyword events go to the {@link Candidates} buffer.
   */
  public interface StartSink {
    /**
     * Position {@code position} is a candidate start for each rule {@code rules[j]} (do not modify the
     * array) with bit {@code j} of {@code members} set, or {@code j >= 64}.
     */
    void startAt(int position, int[] rules, long members);

    /** A keyword of {@code length} bytes of rule {@code rule} occurs at {@code position}. */
    void keywordAt(int position, int rule, int length);
  }

  /** How one rule is triggered. */
  public sealed interface Trigger permits Trigger.Keywords, Trigger.StartBytes {
    /**
     * Literal keywords, one of which occurs in every match. {@code before.get(i)} / {@code after.get(i)}
     * (256 entries, or {@code null} for any byte) are the bytes that may directly precede / follow an
     * occurrence of keyword {@code i} that lies in a match: a necessary condition checked before the rule
     * runs (see {@code CompiledPattern#bytesBefore}). {@code beforeInside} (the bytes that can precede the
     * keyword inside a match) and {@code afterAtStart} (what can follow it when it starts the match) refine
     * the check: when the byte before is not in {@code beforeInside}, the keyword must start the match, so
     * the byte after must be in {@code afterAtStart}. {@code null} entries disable a check. {@code gates.get(i)}
     * are the {@link KeywordGate}s of one-byte keyword {@code i} (empty for none, and for longer keywords):
     * an occurrence is passed to the rule only where they all allow it.
     */
    record Keywords(List<String> keywords, boolean caseInsensitive, List<boolean[]> before, List<boolean[]> after,
        List<boolean[]> beforeInside, List<boolean[]> afterAtStart, List<List<KeywordGate>> gates) implements Trigger {
      public Keywords {
        keywords = List.copyOf(keywords);
        if (keywords.isEmpty() || keywords.stream().anyMatch(String::isEmpty)) {
          throw new IllegalArgumentException("keywords must be non-empty strings: " + keywords);
        }
        for (List<?> tables : List.of(before, after, beforeInside, afterAtStart, gates)) {
          if (tables.size() != keywords.size()) {
            throw new IllegalArgumentException("one context table and one gate list per keyword");
          }
        }
        before = java.util.Collections.unmodifiableList(new ArrayList<>(before));
        after = java.util.Collections.unmodifiableList(new ArrayList<>(after));
        beforeInside = java.util.Collections.unmodifiableList(new ArrayList<>(beforeInside));
        afterAtStart = java.util.Collections.unmodifiableList(new ArrayList<>(afterAtStart));
        gates = gates.stream().map(List::copyOf).toList();
        for (int i = 0; i < keywords.size(); i++) {
          if (!gates.get(i).isEmpty() && keywords.get(i).getBytes(StandardCharsets.UTF_8).length != 1) {
            throw new IllegalArgumentException("keyword gates are for one-byte keywords, not '" + keywords.get(i) + "'");
          }
        }
      }

      /** Keywords with context tables and without {@link KeywordGate}s. */
      public Keywords(List<String> keywords, boolean caseInsensitive, List<boolean[]> before, List<boolean[]> after,
          List<boolean[]> beforeInside, List<boolean[]> afterAtStart) {
        this(keywords, caseInsensitive, before, after, beforeInside, afterAtStart,
            java.util.Collections.nCopies(keywords.size(), List.of()));
      }

      /** Keywords with before/after tables only. */
      public Keywords(List<String> keywords, boolean caseInsensitive, List<boolean[]> before, List<boolean[]> after) {
        this(keywords, caseInsensitive, before, after, java.util.Collections.nCopies(keywords.size(), null),
            java.util.Collections.nCopies(keywords.size(), null));
      }

      /** Keywords without context tables. */
      public Keywords(List<String> keywords, boolean caseInsensitive) {
        this(keywords, caseInsensitive, java.util.Collections.nCopies(keywords.size(), null),
            java.util.Collections.nCopies(keywords.size(), null));
      }
    }

    /**
     * The bytes a match can start with, the boundary that must hold before the start, and optional
     * {@link RunGate}s (at most one per run class) that candidates must pass.
     */
    record StartBytes(boolean[] bytes, Rule.Boundary boundary, List<RunGate> gates) implements Trigger {
      public StartBytes {
        Objects.requireNonNull(boundary, "boundary");
        if (bytes.length != 256) {
          throw new IllegalArgumentException("start bytes must have 256 entries, not " + bytes.length);
        }
        bytes = bytes.clone();
        gates = List.copyOf(gates);
        if (gates.stream().map(RunGate::runClass).distinct().count() != gates.size()) {
          throw new IllegalArgumentException("at most one run gate per run class");
        }
      }

      /** Start bytes without run gates. */
      public StartBytes(boolean[] bytes, Rule.Boundary boundary) {
        this(bytes, boundary, List.of());
      }

      /** The gate for runs of {@code c}, or {@code null}. */
      public RunGate gate(RunGate.RunClass c) {
        for (RunGate g : gates) {
          if (g.runClass() == c) {
            return g;
          }
        }
        return null;
      }
    }
  }
}
