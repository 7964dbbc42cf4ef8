package dev.lagotto.core.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.pattern.CompiledPattern;
import dev.lagotto.core.pattern.PatternCompiler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The union reports exactly the first (rule, end) pairs that running each rule from every allowed start finds. */
class UnionAutomatonTest {
  /** The longest match of the patterns of the test of a long range read in parts. */
  private static final int MAX_SPAN = 15;
  private static final String ALPHABET = "0123456789abcfAB.:-@ _x";
  private static final List<String> PATTERNS = List.of(
      "[0-9]{1,3}(\\.[0-9]{1,3}){3}",
      "[0-9a-f]{2}(:[0-9a-f]{2}){2}",
      "[a-z0-9._]+@[a-z]+(\\.[a-z]{2,3})+",
      "AB[0-9]{2}[0-9A-B]*",
      "-?[0-9]+\\.[0-9]{2,}",
      "x+_?",
      "[0-9]");

  private static boolean[] forbidden(int kind) {
    boolean[] f = new boolean[256];
    for (int b = 0; b < 256; b++) {
      boolean digit = b >= '0' && b <= '9';
      boolean letter = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
      f[b] = switch (kind) {
        case 0 -> digit;
        case 1 -> digit || letter;
        default -> digit || letter || b == '_';
      };
    }
    return f;
  }

  /**
   * Per rule and allowed start {@code p} in [from, hi): the first end where a match from {@code p} ends with the
   * boundary holding, by running each rule from every start; each (rule, end) once, by end then rule.
   */
  private static List<Long> reference(List<CompiledPattern> patterns, List<boolean[]> forbidden, byte[] text, int lo,
      int from, int hi) {
    java.util.SortedSet<Long> ends = new java.util.TreeSet<>();
    for (int r = 0; r < patterns.size(); r++) {
      boolean[] f = forbidden.get(r);
      for (int p = from; p < hi; p++) {
        if (p > lo && f != null && f[text[p - 1] & 0xff]) {
          continue;
        }
        for (int end = p + 1; end <= hi; end++) {
          if ((end == hi || f == null || !f[text[end] & 0xff]) && patterns.get(r).matchesWhole(text, p, end)) {
            ends.add((long) end << 16 | r);
            break;
          }
        }
      }
    }
    return new ArrayList<>(ends);
  }

  private static List<Long> union(UnionAutomaton.Cache cache, byte[] text, int lo, int from, int hi) {
    List<Long> ends = new ArrayList<>();
    cache.scanOne(text, lo, from, hi, (rule, end) -> ends.add((long) end << 16 | rule));
    ends.sort(null);
    return ends;
  }

  @Test
  void reportsWhatEachRuleFindsFromEveryAllowedStartWithAndWithoutCacheFlushes() {
    List<CompiledPattern> patterns = PATTERNS.stream().map(p -> PatternCompiler.compile(p, false)).toList();
    List<boolean[]> forbidden = new ArrayList<>();
    for (int r = 0; r < patterns.size(); r++) {
      forbidden.add(r % 4 == 3 ? null : forbidden(r % 3));
    }
    UnionAutomaton union = UnionAutomaton.of(patterns, forbidden);
    UnionAutomaton.Cache roomy = union.newCache();
    UnionAutomaton.Cache tiny = union.newCache(8);
    long seed = System.nanoTime();
    System.out.println("UnionAutomatonTest seed " + seed);
    Random random = new Random(seed);
    int reported = 0;
    for (int n = 0; n < 3_000; n++) {
      byte[] text = new byte[random.nextInt(60)];
      for (int i = 0; i < text.length; i++) {
        text[i] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
      int lo = text.length == 0 ? 0 : random.nextInt(text.length) / 4;
      int from = lo + (text.length == lo ? 0 : random.nextInt(text.length - lo) / 3);
      int hi = Math.max(from, text.length - random.nextInt(4));
      List<Long> expected = reference(patterns, forbidden, text, lo, from, hi);
      String context = "seed " + seed + ", text '" + new String(text, StandardCharsets.ISO_8859_1) + "' lo " + lo
          + " from " + from + " hi " + hi;
      assertThat(union(roomy, text, lo, from, hi)).as(context).isEqualTo(expected);
      assertThat(union(tiny, text, lo, from, hi)).as("flushing cache, " + context).isEqualTo(expected);
      reported += expected.size();
    }
    assertThat(reported).as("the texts hold matches").isGreaterThan(1_000);
    assertThat(tiny.flushes()).as("the small cache was emptied and refilled").isPositive();
    assertThat(roomy.flushes()).isZero();
  }

  @Test
  void mutedRulesReportNothingAndTheOthersReportWhatTheyDidWithAndWithoutCacheFlushes() {
    List<CompiledPattern> patterns = PATTERNS.stream().map(p -> PatternCompiler.compile(p, false)).toList();
    List<boolean[]> forbidden = new ArrayList<>();
    for (int r = 0; r < patterns.size(); r++) {
      forbidden.add(r % 4 == 3 ? null : forbidden(r % 3));
    }
    UnionAutomaton union = UnionAutomaton.of(patterns, forbidden);
    List<UnionAutomaton.Cache> caches = List.of(union.newCache(), union.newCache(8));
    long seed = System.nanoTime();
    System.out.println("UnionAutomatonTest mute seed " + seed);
    Random random = new Random(seed);
    int reported = 0;
    int dropped = 0;
    for (int n = 0; n < 2_000; n++) {
      boolean[] muted = new boolean[patterns.size()];
      for (int r = 0; r < muted.length; r++) {
        muted[r] = random.nextInt(3) == 0;
      }
      byte[] text = new byte[random.nextInt(60)];
      for (int i = 0; i < text.length; i++) {
        text[i] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
      List<Long> all = reference(patterns, forbidden, text, 0, 0, text.length);
      List<Long> expected = all.stream().filter(e -> !muted[(int) (e & 0xffff)]).toList();
      for (UnionAutomaton.Cache cache : caches) {
        // the caches keep the sets and transitions built under earlier mutes
        cache.mute(muted);
        assertThat(union(cache, text, 0, 0, text.length))
            .as("seed %d, muted %s, text '%s'", seed, Arrays.toString(muted),
                new String(text, StandardCharsets.ISO_8859_1))
            .isEqualTo(expected);
      }
      reported += expected.size();
      dropped += all.size() - expected.size();
    }
    assertThat(reported).as("the texts hold matches of rules not muted").isGreaterThan(500);
    assertThat(dropped).as("and of muted rules").isGreaterThan(500);
    assertThat(caches.get(1).flushes()).as("the small cache was emptied and refilled").isPositive();
  }

  @Test
  void aRuleMutedFromTheStartIsLeftOutOfTheSetsAndOneMutedLaterStaysInThemUntilARebuild() {
    List<CompiledPattern> patterns = List.of(PatternCompiler.compile("[0-9]{3}-[0-9]{4}", false),
        PatternCompiler.compile("[a-z]+@[a-z]+", false));
    UnionAutomaton union = UnionAutomaton.of(patterns, Arrays.asList(null, null));
    byte[] text = "call 555-0100 or 555-0199, write to jane@example, 12-345 67 890-1234 a@b"
        .getBytes(StandardCharsets.ISO_8859_1);
    boolean[] firstMuted = {true, false};
    boolean[] none = {false, false};

    UnionAutomaton.Cache early = union.newCache();
    early.mute(firstMuted);
    union(early, text, 0, 0, text.length);
    UnionAutomaton.Cache late = union.newCache();
    union(late, text, 0, 0, text.length);
    int followingBoth = late.states();
    assertThat(early.states()).as("the digits' threads are not followed").isLessThan(followingBoth);

    // muted after the sets were built: it stays followed, and unmuting it again costs no rebuild
    late.mute(firstMuted);
    assertThat(union(late, text, 0, 0, text.length)).allMatch(e -> (e & 0xffff) == 1);
    late.mute(none);
    assertThat(late.states()).isEqualTo(followingBoth);
    // unmuting a rule that is not followed rebuilds the sets
    early.mute(none);
    assertThat(early.states()).isLessThan(4);
    assertThat(union(early, text, 0, 0, text.length)).isEqualTo(union(late, text, 0, 0, text.length));
  }

  @Test
  void aUnionNumberedFromNReportsItsRulesAsNAndOn() {
    CompiledPattern digits = PatternCompiler.compile("[0-9]+", false);
    CompiledPattern letters = PatternCompiler.compile("[a-z]+", false);
    UnionAutomaton union = UnionAutomaton.of(List.of(digits, letters), Arrays.asList(forbidden(1), forbidden(1)));
    byte[] text = "ab 12 c".getBytes(StandardCharsets.US_ASCII);
    assertThat(union(union.newCache(), text, 0, 0, text.length)).containsExactly(2L << 16 | 1, 5L << 16, 7L << 16 | 1);
    assertThat(union(union.numberedFrom(7).newCache(), text, 0, 0, text.length))
        .containsExactly(2L << 16 | 8, 5L << 16 | 7, 7L << 16 | 8);
  }

  @Test
  void endsComeInIncreasingOrder() {
    CompiledPattern digits = PatternCompiler.compile("[0-9]+", false);
    UnionAutomaton union = UnionAutomaton.of(List.of(digits, digits), Arrays.asList(null, null));
    List<Integer> ends = new ArrayList<>();
    union.newCache().scanOne("a12 345".getBytes(StandardCharsets.US_ASCII), 0, 0, 7, (rule, end) -> ends.add(end));
    assertThat(ends).containsExactly(2, 2, 3, 3, 5, 5, 6, 6, 7, 7);
  }

  @Test
  void aLongRangeReadInPartsAtOnceReportsWhatOneChainReportsInTheSameOrder() {
    // patterns whose matches are at most MAX_SPAN (15) bytes long, so that both ways must report the same ends
    List<CompiledPattern> patterns = List.of("[0-9]{1,3}(\\.[0-9]{1,3}){3}", "[0-9a-f]{2}(:[0-9a-f]{2}){2}",
        "AB[0-9]{2}[0-9A-B]{0,6}", "-?[0-9]{1,4}\\.[0-9]{2,5}", "x{1,5}_?").stream()
        .map(p -> PatternCompiler.compile(p, false)).toList();
    List<boolean[]> forbidden = List.of(forbidden(0), forbidden(1), forbidden(2), forbidden(0), forbidden(2));
    UnionAutomaton union = UnionAutomaton.of(patterns, forbidden);
    UnionAutomaton.Cache tiny = union.newCache(8);
    UnionAutomaton.Cache roomy = union.newCache();
    long seed = System.nanoTime();
    System.out.println("UnionAutomatonTest halves seed " + seed);
    Random random = new Random(seed);
    int reported = 0;
    for (int n = 0; n < 40; n++) {
      byte[] text = new byte[17_000 + random.nextInt(20_000)];
      for (int i = 0; i < text.length; i++) {
        text[i] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
      int lo = random.nextInt(100);
      int from = lo + random.nextInt(100);
      // before each part that a chain takes over, a few matches; then a longest one that ends at each offset from
      // -2 to +2 around the part's start (even n) or around MAX_SPAN bytes into it (odd n), where the chain before
      // hands over
      byte[] planted = " 1.2.3.4 AB12 ".getBytes(StandardCharsets.US_ASCII);
      byte[] longest = " 123.123.123.123 ".getBytes(StandardCharsets.US_ASCII);
      for (int k = 1; k < UnionAutomaton.CHAINS; k++) {
        int partStart = from + k * ((text.length - from) / UnionAutomaton.CHAINS);
        System.arraycopy(planted, 0, text, partStart - 30 - random.nextInt(3), planted.length);
        int end = partStart + (n % 2 == 0 ? 0 : MAX_SPAN) + n % 5 - 2;
        System.arraycopy(longest, 0, text, end - longest.length + 1, longest.length);
      }
      List<Long> one = new ArrayList<>();
      roomy.scanOne(text, lo, from, text.length, (rule, end) -> one.add((long) end << 16 | rule));
      for (UnionAutomaton.Cache cache : List.of(roomy, tiny)) {
        List<Long> halves = new ArrayList<>();
        cache.scan(text, lo, from, text.length, MAX_SPAN, (rule, end) -> halves.add((long) end << 16 | rule));
        assertThat(halves).as("seed %d, text %d, cache of %d sets", seed, n, cache == tiny ? 8 : 0).isEqualTo(one);
      }
      reported += one.size();
    }
    assertThat(reported).as("the texts hold matches").isGreaterThan(1_000);
    assertThat(tiny.flushes()).isPositive();
  }

  @Test
  void moreThan127ByteClassesAreReadAsUnsigned() {
    // "Xz" for every letter and digit X but z and every Latin-1 letter or sign X: more than 127 byte classes
    List<CompiledPattern> patterns = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (char c = '0'; c <= '\u00ff'; c++) {
      if (c != 'z' && (Character.isLetterOrDigit(c) && c < 0x80 || c >= 0xa1)) {
        patterns.add(PatternCompiler.compile(c + "z", false));
        text.append(c).append("z ");
      }
    }
    UnionAutomaton union = UnionAutomaton.of(patterns, java.util.Collections.nCopies(patterns.size(), null));
    assertThat(union.classes()).isGreaterThan(127);
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    List<Integer> rules = new ArrayList<>();
    union.newCache().scanOne(bytes, 0, 0, bytes.length, (rule, end) -> rules.add(rule));
    assertThat(rules).hasSize(patterns.size()).isSorted();
  }
}
