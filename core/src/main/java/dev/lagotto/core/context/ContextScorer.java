package dev.lagotto.core.context;

import dev.lagotto.core.pattern.ByteLanes;
import dev.lagotto.core.pattern.CompiledPattern;
import dev.lagotto.core.pattern.PatternCompiler;
import dev.lagotto.core.rule.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule's context, compiled: adjusts a match's confidence from the bytes around it. Immutable and
 * thread-safe; runs only on pattern matches and allocates nothing per call.
 *
 * <ul>
 *   <li><b>Hotwords</b> ({@code words}): case-insensitive (ASCII), whole words lying entirely within
 *       {@code window} bytes before or after the match and on the match's line (a window stops at a line
 *       feed: the previous log record says nothing about this one); a word may touch the match itself
 *       ({@code v1.2.3}). Negative words are looked for the same way.
 *   <li><b>Keys</b> ({@code keys}): a key directly before the match, then optional spaces and quote,
 *       {@code :}, {@code =}, {@code =>} or {@code >} (XML element), then optional spaces, quote or
 *       {@code [}: {@code "email": "}, {@code email=}, {@code ip: }, {@code <email>}, {@code lat="}. The key
 *       may be the last part of a longer name ({@code customer_email}, {@code user.email},
 *       {@code billing-email}, {@code userEmail}). Keys are given bare or as written ({@code "email":}):
 *       punctuation around them is ignored.
 *   <li><b>CSV columns</b>: a match in a CSV/TSV column whose header name is one of the keys (whole or as the
 *       last part, {@code -} {@code .} and spaces read as {@code _}: {@code dob}, {@code Date of Birth},
 *       {@code customer_email}) counts as a key; the header is the stream's first line or a header line a few
 *       rows above (see {@link CsvColumns}). Looked for only when no word or key is found first.
 *   <li><b>Negative suffixes</b> ({@code negative_suffix}): patterns of the rule dialect tried on the rest of
 *       the token the match ends inside of: the bytes right after the match up to the first byte that is not
 *       an ASCII letter, digit or one of {@code . _ + ~ -} (at most {@link #MAX_SUFFIX_BYTES}; a longer token
 *       has no suffix). One that matches that tail whole counts as a negative word. This is how a version
 *       number's own tail is told from what may follow an address: {@code 1.2.5.1-2}, {@code 1.2.5.1+dfsg-1}
 *       (tail {@code -2}, {@code +dfsg-1}) against {@code 192.0.2.1-192.0.2.9} (tail {@code -192.0.2.9}),
 *       {@code 192.0.2.1:8080} and {@code 192.0.2.1/24} (no tail).
 *   <li>A word or a key adds {@code boost} once. A <b>negative</b> word in the window or a negative suffix
 *       subtracts {@code penalty} once ({@link #DEFAULT_PENALTY} when the rule gives 0), so the match may fall
 *       below the minimum confidence. With {@code required}, a match without word or key gives {@link #DROP}.
 * </ul>
 * The result is clamped to 0..1. Cost: at most (2·window + key gap) bytes per match, times the words
 * sharing a first byte, plus the tail ({@link #MAX_SUFFIX_BYTES} at most) once per negative suffix.
 */
public final class ContextScorer {
  /** Returned by {@link #score} when the match must be dropped (required context absent). */
  public static final double DROP = -1;
  /** Penalty of a negative word when the rule sets none. */
  public static final double DEFAULT_PENALTY = 0.3;
  /** Most bytes of spaces and quotes looked through on each side of a key's separator. */
  public static final int MAX_KEY_GAP = 8;
  /** Longest token tail after a match that negative suffixes are tried on. */
  public static final int MAX_SUFFIX_BYTES = 64;

  private static final int BYTE_VALUES = 256;
  private static final byte[][] NONE = new byte[0][];
  /** What {@link #near} looks for and found: a word; a negative word. */
  private static final int FOUND_WORD = 1;
  private static final int FOUND_NEGATIVE = 2;
  /** {@link #nonWordFirst}: every word starts with a word byte. */
  private static final int NO_OTHER_FIRST = -1;
  /** {@link #nonWordFirst}: words start with two or more bytes that are not word bytes. */
  private static final int SEVERAL = -2;
  /** ASCII lower case of every byte value (other bytes unchanged). */
  private static final byte[] LOWER = lowerTable();
  /** {@link #isWordByte} of every byte value. */
  private static final boolean[] WORD = wordTable();
  /** Bytes that continue a token after a match (letters, digits, {@code . _ + ~ -}): its tail. */
  private static final boolean[] TAIL = tailTable();
  private static final CompiledPattern[] NO_SUFFIXES = new CompiledPattern[0];

  private final byte[][] words;
  private final byte[][][] wordsByFirst;
  private final byte[][] keys;
  /** {@link #keys} by their last byte (both cases of an ASCII letter); {@code null} where none ends. */
  private final byte[][][] keysByLast;
  private final byte[][] negative;
  private final byte[][][] negativeByFirst;
  private final CompiledPattern[] suffixes;
  private final int window;
  /**
   * The first byte that is not a {@link #isWordByte word byte} of the words and negative words: {@link #NO_OTHER_FIRST}
   * when every one starts with a word byte, {@link #SEVERAL} when two or more such bytes start some.
   */
  private final int nonWordFirst;
  private final double boost;
  private final double penalty;
  private final boolean required;
  private final CsvColumns.NameTest columnTest = this::isKeyColumn;
  /** The word lists that are not empty. */
  private final int kinds;
  /**
   * Per first byte {@code f} and bit {@code c} of {@link #seconds} ({@code f * 64 + c}): which word lists
   * ({@link #FOUND_WORD}, {@link #FOUND_NEGATIVE}) have a word that starts with {@code f} and whose second byte has
   * bit {@code c} (every bit for a word of one byte); see {@link #kindsAt}. In text a word's first letter is common,
   * its first two letters much less so: one load rejects most word starts of a window.
   */
  private final byte[] pairKinds = new byte[BYTE_VALUES * 64];

  private ContextScorer(Rule.RuleContext context) {
    if (context.window() < 0) {
      throw new IllegalArgumentException("context window " + context.window() + " is negative");
    }
    for (List<String> list : List.of(context.words(), context.negative())) {
      if (list.stream().anyMatch(w -> w.strip().indexOf('\n') >= 0)) {
        throw new IllegalArgumentException("a context word holds a line feed, but windows stop at line ends");
      }
    }
    this.words = encode(context.words(), false);
    this.keys = encode(context.keys(), true);
    this.keysByLast = byLastByte(keys);
    this.negative = encode(context.negative(), false);
    this.wordsByFirst = byFirstByte(words);
    this.negativeByFirst = byFirstByte(negative);
    this.suffixes = compileSuffixes(context.negativeSuffix());
    this.window = context.window();
    this.boost = context.boost();
    this.penalty = context.penalty() == 0 ? DEFAULT_PENALTY : context.penalty();
    this.required = context.required();
    this.kinds = (words.length > 0 ? FOUND_WORD : 0) | (negative.length > 0 ? FOUND_NEGATIVE : 0);
    long[] wordSeconds = seconds(words);
    long[] negativeSeconds = seconds(negative);
    int nonWord = NO_OTHER_FIRST;
    for (int b = 0; b < BYTE_VALUES; b++) {
      for (int c = 0; c < 64; c++) {
        pairKinds[b * 64 + c] = (byte) ((wordSeconds[b] >>> c & 1) * FOUND_WORD
            | (negativeSeconds[b] >>> c & 1) * FOUND_NEGATIVE);
      }
      if ((wordSeconds[b] != 0 || negativeSeconds[b] != 0) && !WORD[b]) {
        nonWord = nonWord == NO_OTHER_FIRST ? b : SEVERAL;
      }
    }
    this.nonWordFirst = nonWord;
  }

  /**
   * The scorer of {@code context}.
   *
   * @throws IllegalArgumentException for a negative window, a word holding a line feed or a negative suffix outside
   *     the pattern dialect
   */
  public static ContextScorer compile(Rule.RuleContext context) {
    return new ContextScorer(context);
  }

  /**
   * The confidence of the match {@code bytes[start, end)} given the readable bytes {@code [lo, hi)} around
   * it, starting from {@code confidence}; {@link #DROP} if the match must not be reported.
   */
  public double score(byte[] bytes, int lo, int hi, int start, int end, double confidence) {
    return score(bytes, lo, hi, start, end, confidence, null);
  }

  /**
   * As {@link #score(byte[], int, int, int, int, double)}, with {@code header} the stream's CSV header (or
   * {@code null}) for matches in CSV columns.
   */
  public double score(byte[] bytes, int lo, int hi, int start, int end, double confidence, CsvColumns header) {
    if (words.length == 0 && keys.length == 0 && negative.length == 0 && suffixes.length == 0 && !required) {
      return confidence;
    }
    int from = Math.max(0, lo);
    int to = Math.min(bytes.length, hi);
    if (required) {
      return hasPositive(bytes, from, to, start, end, header) ? adjust(bytes, from, to, start, end, confidence, true)
          : DROP;
    }
    // one pass over the window for the words and the negative words
    boolean keyed = hasKey(bytes, from, start);
    int found = near(bytes, from, to, start, end, (keyed ? 0 : FOUND_WORD) | FOUND_NEGATIVE);
    boolean positive = keyed || (found & FOUND_WORD) != 0
        || keys.length > 0 && start < to && CsvColumns.columnNamed(bytes, from, start, header, columnTest);
    return penalised(confidence + (positive ? boost : 0), (found & FOUND_NEGATIVE) != 0, bytes, end, to);
  }

  /**
   * The confidence after the boost (when {@code positive}: a caller that has already asked
   * {@link #hasPositive} passes its answer) and the negative words; never {@link #DROP}.
   */
  public double adjust(byte[] bytes, int lo, int hi, int start, int end, double confidence, boolean positive) {
    int from = Math.max(0, lo);
    int to = Math.min(bytes.length, hi);
    return penalised(confidence + (positive ? boost : 0), near(bytes, from, to, start, end, FOUND_NEGATIVE) != 0,
        bytes, end, to);
  }

  /** {@code c} less the penalty when {@code negativeWord} or a negative suffix follows {@code end}; clamped. */
  private double penalised(double c, boolean negativeWord, byte[] bytes, int end, int to) {
    if (negativeWord || suffixes.length > 0 && hasNegativeSuffix(bytes, end, to)) {
      c -= penalty;
    }
    return Math.max(0, Math.min(1, c));
  }

  /** Whether a word or key of this context is present around the match (what {@code required} asks for). */
  public boolean hasPositive(byte[] bytes, int lo, int hi, int start, int end) {
    return hasPositive(bytes, lo, hi, start, end, null);
  }

  /** As {@link #hasPositive(byte[], int, int, int, int)}, also looking for a key-named CSV column. */
  public boolean hasPositive(byte[] bytes, int lo, int hi, int start, int end, CsvColumns header) {
    int from = Math.max(0, lo);
    int to = Math.min(bytes.length, hi);
    return hasKey(bytes, from, start) || near(bytes, from, to, start, end, FOUND_WORD) != 0
        || keys.length > 0 && start < to && CsvColumns.columnNamed(bytes, from, start, header, columnTest);
  }

  /**
   * Whether the tail of the token after a match ending at {@code end} (see the class comment), read up to
   * {@code hi}, is matched whole by a negative suffix.
   */
  private boolean hasNegativeSuffix(byte[] b, int end, int hi) {
    int limit = Math.min(hi, end + MAX_SUFFIX_BYTES + 1);
    int t = end;
    while (t < limit && TAIL[b[t] & 0xff]) {
      t++;
    }
    if (t == end || t - end > MAX_SUFFIX_BYTES) {
      return false;
    }
    for (CompiledPattern p : suffixes) {
      if (p.matchesWhole(b, end, t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Patterns of the rule dialect, one of which occurs in the bytes {@code [lo, hi)} wherever {@link #hasPositive}
   * holds for a match in them, unless it holds through the stream's header (see {@link #namesColumn}); the
   * patterns spell both cases of each letter, and a key's {@code _ - .} and spaces each stand for any of the four
   * (as CSV header names compare). {@code whole} needs no ASCII letter or digit right before or after it where it
   * occurs; {@code anywhere} may occur anywhere. {@code null} for a pattern with nothing in it.
   */
  public record PresenceMarkers(String whole, String anywhere) {}

  /**
   * The {@link PresenceMarkers} of this context for a rule whose matches may not touch the bytes {@code forbidden}
   * (its boundary; {@code null} for none). Every word and key is in {@code whole} (keys, words and CSV header
   * names are delimited so), except: a key also appears in {@code anywhere} in its camelCase form (a lower-case
   * letter, then the key with an upper-case first letter: {@code userEmail}), and a word that may touch a match
   * (its first or last byte allowed next to one) is in {@code anywhere} instead. Both {@code null} when there are
   * neither words nor keys (then {@code hasPositive} never holds).
   */
  public PresenceMarkers presenceMarkers(boolean[] forbidden) {
    java.util.Set<String> whole = new java.util.LinkedHashSet<>();
    java.util.Set<String> anywhere = new java.util.LinkedHashSet<>();
    for (byte[] w : words) {
      boolean touches = forbidden == null || !forbidsBothCases(forbidden, w[0]) || !forbidsBothCases(forbidden,
          w[w.length - 1]);
      (touches ? anywhere : whole).add(bothCases(w, 0));
    }
    for (byte[] k : keys) {
      whole.add(bothCases(k, 0));
      if (k[0] >= 'a' && k[0] <= 'z') {
        anywhere.add("[a-z]" + (char) (k[0] - ('a' - 'A')) + bothCases(k, 1));
      }
    }
    return new PresenceMarkers(whole.isEmpty() ? null : String.join("|", whole),
        anywhere.isEmpty() ? null : String.join("|", anywhere));
  }

  private static boolean forbidsBothCases(boolean[] forbidden, byte b) {
    return forbidden[b & 0xff] && forbidden[LOWER[b & 0xff] & 0xff] && forbidden[upper(b) & 0xff];
  }

  private static byte upper(byte b) {
    return b >= 'a' && b <= 'z' ? (byte) (b - ('a' - 'A')) : b;
  }

  /** {@code lowerWord[from..]} as a pattern that matches it in either case of each ASCII letter. */
  private static String bothCases(byte[] lowerWord, int from) {
    StringBuilder sb = new StringBuilder();
    for (char c : new String(lowerWord, from, lowerWord.length - from, StandardCharsets.UTF_8).toCharArray()) {
      if (c == '_' || c == '-' || c == '.' || c == ' ') {
        sb.append("[_\\-. ]");
      } else if (c >= 'a' && c <= 'z') {
        sb.append('[').append(c).append((char) (c - ('a' - 'A'))).append(']');
      } else if (c < 0x80 && !Character.isLetterOrDigit(c)) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether {@code header} (a stream's CSV header, or {@code null}) has a column named by one of the keys. */
  public boolean namesColumn(CsvColumns header) {
    return keys.length > 0 && header != null && header.anyNamed(columnTest);
  }

  /**
   * Whether {@link #hasPositive} reads only the bytes before the match: the context has keys and no words, so
   * a positive is a key right before the match or a key-named CSV column ({@link #keyOrColumnBefore}).
   */
  public boolean positiveReadsOnlyBefore() {
    return words.length == 0;
  }

  /**
   * {@link #hasPositive} of a context without words ({@link #positiveReadsOnlyBefore}), which does not depend
   * on where the match ends: a scanner can ask it before it runs the pattern.
   */
  public boolean keyOrColumnBefore(byte[] bytes, int lo, int start, CsvColumns header) {
    int from = Math.max(0, lo);
    return hasKey(bytes, from, start)
        || keys.length > 0 && start < bytes.length && CsvColumns.columnNamed(bytes, from, start, header, columnTest);
  }

  /**
   * Whether {@link #keyOrColumnBefore} at a position can depend on byte {@code c} right before it other than as
   * part of a key name: a key separator ({@code : = >}), a CSV delimiter, a line feed or a quote.
   */
  public static boolean separatesKeyOrColumn(int c) {
    return c == ':' || c == '=' || c == '>' || c == '\n' || c == '"' || c == ',' || c == '\t' || c == ';' || c == '|';
  }

  /** Whether {@link #keyOrColumnBefore} looks through byte {@code c} between a key's separator and the match. */
  public static boolean skippedBeforeMatch(int c) {
    return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '`' || c == '[' || c == '(';
  }

  /**
   * Whether the header name {@code b[from, to)} (spaces and quotes around it ignored) is a key, whole or as
   * its last part after {@code _ - .} or a space; {@code - .} and spaces compare equal to {@code _}.
   */
  boolean isKeyColumn(byte[] b, int from, int to) {
    while (from < to && (b[from] == ' ' || b[from] == '"')) {
      from++;
    }
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '"')) {
      to--;
    }
    for (byte[] k : keys) {
      int s = to - k.length;
      if (s < from || s > from && columnSeparator(b[s - 1]) != '_') {
        continue;
      }
      int j = 0;
      while (j < k.length && columnSeparator(lower(b[s + j])) == columnSeparator(k[j])) {
        j++;
      }
      if (j == k.length) {
        return true;
      }
    }
    return false;
  }

  private static byte columnSeparator(byte c) {
    return c == '-' || c == '.' || c == ' ' ? (byte) '_' : c;
  }

  /**
   * Which of {@code wanted} ({@link #FOUND_WORD}: a word; {@link #FOUND_NEGATIVE}: a negative word) lie within
   * {@link #window} bytes of the match on its line, as whole words or touching the match. Reads each byte of the
   * window once (words hold no line feed, so a word that starts before the line's end also ends before it).
   */
  private int near(byte[] b, int lo, int hi, int start, int end, int wanted) {
    int want = wanted & kinds;
    if (want == 0) {
      return 0;
    }
    int found = nearBefore(b, lo, hi, start, want);
    return found == want ? found : found | nearAfter(b, lo, hi, start, end, want & ~found);
  }

  /**
   * {@link #near} before the match: word starts in {@code [max(lo, start - window), start)} after the last line
   * feed, eight bytes at a time from the match backwards ({@link #candidateLanes}); each candidate costs a table
   * load, and the words are compared only where that table says one may start.
   */
  private int nearBefore(byte[] b, int lo, int hi, int start, int want) {
    int floor = Math.max(lo, start - window);
    int found = 0;
    int q = start;
    while (q > floor) {
      int base = q - Long.BYTES;
      if (base < 1) {
        return found | scalarBefore(b, lo, hi, floor, q, start, want & ~found);
      }
      long here = ByteLanes.load(b, base);
      long region = lanesFrom(Math.max(0, floor - base));
      long lanes = candidateLanes(here, ByteLanes.load(b, base - 1)) & region;
      if (floor == lo && base <= lo) {
        lanes |= laneOf(lo - base);
      }
      long lineFeeds = ByteLanes.equal(here, '\n') & region;
      if (lineFeeds != 0) {
        // only what follows the last line feed
        lanes &= lanesFrom((63 - Long.numberOfLeadingZeros(lineFeeds) >>> 3) + 1);
      }
      found |= wordsIn(b, hi, base, lanes, start, start, want & ~found);
      if (found == want || lineFeeds != 0) {
        return found;
      }
      q = base;
    }
    return found;
  }

  /** {@link #near} after the match: as {@link #nearBefore}, forwards from {@code end} to the first line feed. */
  private int nearAfter(byte[] b, int lo, int hi, int start, int end, int want) {
    int ceiling = Math.min(hi, end + window);
    int found = 0;
    for (int q = end; q < ceiling; q += Long.BYTES) {
      if (q + Long.BYTES > b.length) {
        return found | scalarAfter(b, lo, hi, q, ceiling, start, end, want & ~found);
      }
      long here = ByteLanes.load(b, q);
      long region = ceiling - q >= Long.BYTES ? -1L : ~lanesFrom(ceiling - q);
      long lanes = candidateLanes(here, ByteLanes.load(b, q - 1)) & region;
      if (q == end) {
        lanes |= laneOf(0);
      }
      long lineFeeds = ByteLanes.equal(here, '\n') & region;
      if (lineFeeds != 0) {
        lanes &= ~lanesFrom(ByteLanes.firstLane(lineFeeds));
      }
      found |= wordsIn(b, hi, q, lanes, ceiling, start, want & ~found);
      if (found == want || lineFeeds != 0) {
        return found;
      }
    }
    return found;
  }

  /**
   * The lanes of {@code here} where a word may start: the byte before (the same lane of {@code before}, loaded one
   * byte earlier) is not a word byte, and the lane's own byte is a word byte or the one other byte that starts a word
   * ({@link #nonWordFirst}; any byte when there are several). ipv4's negative words {@code (<<} and {@code (>=}
   * would otherwise make every byte after a space or punctuation a candidate.
   */
  private long candidateLanes(long here, long before) {
    long lanes = ~wordLanes(before) & ByteLanes.HIGH;
    if (nonWordFirst == SEVERAL) {
      return lanes;
    }
    long starts = wordLanes(here);
    return lanes & (nonWordFirst == NO_OTHER_FIRST ? starts : starts | ByteLanes.equal(here, nonWordFirst));
  }

  /** The lanes holding a word byte ({@link #isWordByte}): an ASCII letter, digit or {@code _}, or any non-ASCII. */
  private static long wordLanes(long word) {
    return ByteLanes.inRange(word | 0x2020202020202020L, 'a', 'z') | ByteLanes.inRange(word, '0', '9')
        | ByteLanes.equal(word, '_') | word & ByteLanes.HIGH;
  }

  /** The high bits of lanes {@code first} (0..8) to 7. */
  private static long lanesFrom(int first) {
    return first >= Long.BYTES ? 0 : ByteLanes.HIGH << 8 * first;
  }

  private static long laneOf(int lane) {
    return 0x80L << 8 * lane;
  }

  /** {@link #wordsAt} at each of {@code lanes} of the word at {@code base}, until every kind of {@code want} is found. */
  private int wordsIn(byte[] b, int hi, int base, long lanes, int to, int start, int want) {
    int found = 0;
    while (lanes != 0) {
      int p = base + ByteLanes.firstLane(lanes);
      lanes &= lanes - 1;
      int k = kindsAt(b, p) & want & ~found;
      if (k != 0) {
        found |= wordsAt(b, hi, p, to, start, k);
        if (found == want) {
          return found;
        }
      }
    }
    return found;
  }

  /** {@link #nearBefore} a byte at a time, for the positions {@code [floor, q)} next to the array's start. */
  private int scalarBefore(byte[] b, int lo, int hi, int floor, int q, int start, int want) {
    int found = 0;
    for (int p = q - 1; p >= floor && b[p] != '\n'; p--) {
      int k = kindsAt(b, p) & want & ~found;
      if (k != 0 && (p == lo || !isWordByte(b[p - 1]))) {
        found |= wordsAt(b, hi, p, start, start, k);
        if (found == want) {
          return found;
        }
      }
    }
    return found;
  }

  /** {@link #nearAfter} a byte at a time, for the positions {@code [q, ceiling)} next to the array's end. */
  private int scalarAfter(byte[] b, int lo, int hi, int q, int ceiling, int start, int end, int want) {
    int found = 0;
    for (int p = q; p < ceiling && b[p] != '\n'; p++) {
      int k = kindsAt(b, p) & want & ~found;
      if (k != 0 && (p == end || p == lo || !isWordByte(b[p - 1]))) {
        found |= wordsAt(b, hi, p, ceiling, start, k);
        if (found == want) {
          return found;
        }
      }
    }
    return found;
  }

  /** Which of the lists {@code k} have a word that starts at {@code p} and ends by {@code to} at a word end. */
  private int wordsAt(byte[] b, int hi, int p, int to, int start, int k) {
    int found = 0;
    if ((k & FOUND_WORD) != 0 && startsWord(b, hi, p, to, start, wordsByFirst[b[p] & 0xff])) {
      found |= FOUND_WORD;
    }
    if ((k & FOUND_NEGATIVE) != 0 && startsWord(b, hi, p, to, start, negativeByFirst[b[p] & 0xff])) {
      found |= FOUND_NEGATIVE;
    }
    return found;
  }

  /**
   * Which word lists may have a word starting at {@code p}, judged by the bytes at {@code p} and {@code p + 1}
   * ({@link #pairKinds}); at the array's last byte only words of one byte fit, and they have every second-byte bit.
   */
  private int kindsAt(byte[] b, int p) {
    return pairKinds[(b[p] & 0xff) << 6 | LOWER[b[Math.min(p + 1, b.length - 1)] & 0xff] & 63];
  }

  /**
   * Per first byte (both cases of an ASCII letter): bit {@code c & 63} for each second byte {@code c} of a word of
   * {@code list} with that first byte, every bit for a word of one byte. Distinct second bytes may share a bit.
   */
  private static long[] seconds(byte[][] list) {
    long[] t = new long[BYTE_VALUES];
    for (int b = 0; b < BYTE_VALUES; b++) {
      for (byte[] w : list) {
        if (LOWER[b] == w[0]) {
          t[b] |= w.length == 1 ? -1L : 1L << (w[1] & 63);
        }
      }
    }
    return t;
  }

  /** Whether a word of {@code list} starts at {@code p} and ends by {@code to} at a word end (or the match start). */
  private static boolean startsWord(byte[] b, int hi, int p, int to, int start, byte[][] list) {
    for (byte[] w : list) {
      int q = p + w.length;
      // the end boundary first: a word start inside a longer word fails there without comparing bytes
      if (q <= to && (q >= hi || q == start || !isWordByte(b[q])) && matchesIgnoreCase(b, p, w)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasKey(byte[] b, int lo, int start) {
    if (keys.length == 0 || start <= lo) {
      return false;
    }
    int i = skipBack(b, lo, start - 1, true);
    if (i < lo) {
      return false;
    }
    byte sep = b[i];
    if (sep == '>' && i > lo && b[i - 1] == '=') {
      i--;
    } else if (sep != ':' && sep != '=' && sep != '>') {
      return false;
    }
    int keyEnd = skipBack(b, lo, i - 1, false) + 1;
    if (keyEnd <= lo) {
      return false;
    }
    byte[][] candidates = keysByLast[b[keyEnd - 1] & 0xff];
    if (candidates == null) {
      return false;
    }
    for (byte[] k : candidates) {
      int keyStart = keyEnd - k.length;
      if (keyStart >= lo && matchesIgnoreCase(b, keyStart, k) && keyBoundary(b, lo, keyStart)) {
        return true;
      }
    }
    return false;
  }

  /** The index of the last byte at or before {@code i} that is not a space, tab or quote (or {@code [}). */
  private static int skipBack(byte[] b, int lo, int i, boolean openers) {
    int limit = Math.max(lo, i - MAX_KEY_GAP + 1);
    while (i >= limit) {
      byte c = b[i];
      if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '`' || openers && (c == '[' || c == '(')) {
        i--;
      } else {
        break;
      }
    }
    return i;
  }

  /** A key starts a name, or follows {@code _ - .} or a lower-case letter when it begins upper-case (camelCase). */
  private static boolean keyBoundary(byte[] b, int lo, int keyStart) {
    if (keyStart == lo) {
      return true;
    }
    byte before = b[keyStart - 1];
    if (!isAlnum(before)) {
      return true;
    }
    byte first = b[keyStart];
    return before >= 'a' && before <= 'z' && first >= 'A' && first <= 'Z';
  }

  private static boolean matchesIgnoreCase(byte[] b, int p, byte[] lowerWord) {
    if (p < 0 || p + lowerWord.length > b.length) {
      return false;
    }
    for (int i = 0; i < lowerWord.length; i++) {
      if (LOWER[b[p + i] & 0xff] != lowerWord[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte lower(byte c) {
    return LOWER[c & 0xff];
  }

  /** ASCII letters, digits, {@code _}, and every non-ASCII byte (a letter of a UTF-8 word, conservatively). */
  static boolean isWordByte(byte c) {
    return WORD[c & 0xff];
  }

  private static boolean isAlnum(byte c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static byte[] lowerTable() {
    byte[] t = new byte[BYTE_VALUES];
    for (int i = 0; i < BYTE_VALUES; i++) {
      t[i] = i >= 'A' && i <= 'Z' ? (byte) (i + ('a' - 'A')) : (byte) i;
    }
    return t;
  }

  private static boolean[] wordTable() {
    boolean[] t = new boolean[BYTE_VALUES];
    for (int i = 0; i < BYTE_VALUES; i++) {
      byte c = (byte) i;
      t[i] = c < 0 || c == '_' || isAlnum(c);
    }
    return t;
  }

  private static boolean[] tailTable() {
    boolean[] t = new boolean[BYTE_VALUES];
    for (int i = 0; i < BYTE_VALUES; i++) {
      byte c = (byte) i;
      t[i] = isAlnum(c) || c == '.' || c == '_' || c == '+' || c == '~' || c == '-';
    }
    return t;
  }

  private static CompiledPattern[] compileSuffixes(List<String> list) {
    if (list.isEmpty()) {
      return NO_SUFFIXES;
    }
    CompiledPattern[] out = new CompiledPattern[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = PatternCompiler.compile(list.get(i), false);
    }
    return out;
  }

  private static byte[][] encode(List<String> list, boolean bareKey) {
    if (list.isEmpty()) {
      return NONE;
    }
    List<byte[]> out = new ArrayList<>(list.size());
    for (String s : list) {
      String t = (bareKey ? bareKey(s) : s.strip()).toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        out.add(t.getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toArray(new byte[0][]);
  }

  /** A key without the punctuation around it: {@code "email":} gives {@code email}, {@code <ip>} gives {@code ip}. */
  static String bareKey(String key) {
    int from = 0;
    int to = key.length();
    while (from < to && !isKeyChar(key.charAt(from))) {
      from++;
    }
    while (to > from && !isKeyChar(key.charAt(to - 1))) {
      to--;
    }
    return key.substring(from, to);
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * The words of {@code list} by the byte a match of them starts with (both cases of an ASCII letter), in list
   * order; {@code null} where none starts, and {@code null} for an empty list.
   */
  private static byte[][][] byFirstByte(byte[][] list) {
    return list.length == 0 ? null : byByte(list, false);
  }

  /** The keys of {@code list} by the byte they end with (both cases of an ASCII letter), in list order. */
  private static byte[][][] byLastByte(byte[][] list) {
    return byByte(list, true);
  }

  private static byte[][][] byByte(byte[][] list, boolean last) {
    byte[][][] t = new byte[BYTE_VALUES][][];
    for (int b = 0; b < BYTE_VALUES; b++) {
      List<byte[]> same = new ArrayList<>();
      for (byte[] w : list) {
        if (LOWER[b] == w[last ? w.length - 1 : 0]) {
          same.add(w);
        }
      }
      t[b] = same.isEmpty() ? null : same.toArray(new byte[0][]);
    }
    return t;
  }
}
