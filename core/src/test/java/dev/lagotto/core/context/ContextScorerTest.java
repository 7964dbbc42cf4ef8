package dev.lagotto.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lagotto.core.rule.Rule.RuleContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContextScorerTest {
  private static final double BASE = 0.6;
  private static final String VALUE = "jane@example.com";

  private static RuleContext context(List<String> words, List<String> keys, List<String> negative, int window,
      boolean required) {
    return new RuleContext(words, keys, negative, window, 0.2, 0.4, required);
  }

  /** Scores the first occurrence of {@code value} in {@code text}, with the whole text readable. */
  private static double score(ContextScorer scorer, String text, String value) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int start = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(value);
    assertThat(start).as("value in text").isGreaterThanOrEqualTo(0);
    return scorer.score(bytes, 0, bytes.length, start, start + value.length(), BASE);
  }

  private final ContextScorer email = ContextScorer.compile(
      context(List.of("email", "e-mail", "contact"), List.of("\"email\":", "mail", "from"), List.of(), 40, false));

  /** Whether a word of {@code words} lies in the match's window as the class comment says, by brute force. */
  private static boolean naiveNear(byte[] b, int lo, int hi, int start, int end, int window, List<String> words) {
    int from = Math.max(lo, start - window);
    for (int p = start - 1; p >= from; p--) {
      if (b[p] == '\n') {
        from = p + 1;
        break;
      }
    }
    int to = Math.min(hi, end + window);
    for (int p = end; p < to; p++) {
      if (b[p] == '\n') {
        to = p;
        break;
      }
    }
    for (String word : words) {
      byte[] w = word.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
      for (int[] range : new int[][] {{from, start}, {end, to}}) {
        for (int p = range[0]; p + w.length <= range[1]; p++) {
          int q = p + w.length;
          boolean same = true;
          for (int i = 0; i < w.length && same; i++) {
            int c = b[p + i] & 0xff;
            same = (c >= 'A' && c <= 'Z' ? c + 32 : c) == (w[i] & 0xff);
          }
          boolean startsWord = p == lo || p == end || !ContextScorer.isWordByte(b[p - 1]);
          boolean endsWord = q == hi || q == start || !ContextScorer.isWordByte(b[q]);
          if (same && startsWord && endsWord) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Test
  void wordsAndNegativeWordsAreFoundExactlyWhereABruteForceSearchFindsThem() {
    // "#id" starts with a byte that is not a word byte: the scorer then reads every position after a non-word byte
    List<String> words = List.of("ip", "host", "from", "a b", "é");
    List<String> negative = List.of("version", "ver", "v", "1.3.6", "x-y");
    List<String> negativeWithSymbol = List.of("version", "ver", "v", "1.3.6", "x-y", "#id");
    String[] pieces = {"ip", "IP", "Host", "from", "version", "VER", "v", "1.3.6", "x-y", "a b", "é", " ", " ",
        "\n", "\t", "x", "1", "-", ".", "_", "\"", "=", "hostname", "ipv", "#id", "x#id", "address "};
    long seed = System.nanoTime();
    java.util.Random random = new java.util.Random(seed);
    int positives = 0;
    int negatives = 0;
    for (int round = 0; round < 20_000; round++) {
      int window = random.nextInt(random.nextBoolean() ? 30 : 90);
      List<String> negativeList = random.nextBoolean() ? negative : negativeWithSymbol;
      ContextScorer scorer = ContextScorer.compile(new RuleContext(words, List.of(), negativeList, window, 0.25, 0.5,
          false, List.of()));
      StringBuilder before = new StringBuilder();
      StringBuilder after = new StringBuilder();
      for (int i = random.nextInt(random.nextBoolean() ? 10 : 30); i > 0; i--) {
        before.append(pieces[random.nextInt(pieces.length)]);
      }
      for (int i = random.nextInt(random.nextBoolean() ? 10 : 30); i > 0; i--) {
        after.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = (before + "203.0.113.7" + after).getBytes(StandardCharsets.UTF_8);
      int start = before.toString().getBytes(StandardCharsets.UTF_8).length;
      int end = start + 11;
      int lo = random.nextInt(start + 1);
      int hi = end + random.nextInt(bytes.length - end + 1);
      boolean positive = naiveNear(bytes, lo, hi, start, end, window, words);
      boolean penalty = naiveNear(bytes, lo, hi, start, end, window, negativeList);
      double expected = Math.max(0, Math.min(1, BASE + (positive ? 0.25 : 0) - (penalty ? 0.5 : 0)));
      String as = "seed " + seed + ", window " + window + ", text '" + new String(bytes, StandardCharsets.UTF_8)
          + "' [" + lo + ", " + hi + ")";
      assertThat(scorer.score(bytes, lo, hi, start, end, BASE)).as(as).isCloseTo(expected, within(1e-12));
      assertThat(scorer.hasPositive(bytes, lo, hi, start, end)).as(as).isEqualTo(positive);
      positives += positive ? 1 : 0;
      negatives += penalty ? 1 : 0;
    }
    assertThat(positives).as("seed %d: positives", seed).isGreaterThan(1_000);
    assertThat(negatives).as("seed %d: negatives", seed).isGreaterThan(1_000);
  }

  @Test
  void aContextWordWithALineFeedIsRejected() {
    assertThatThrownBy(() -> ContextScorer.compile(context(List.of("date\nof birth"), List.of(), List.of(), 10,
        false))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line feed");
  }

  @Test
  void scoreLooksForWordsAndNegativeWordsInOnePassAsEachLookedForAlone() {
    // score reads the window once for both lists; hasPositive then adjust read it once per list
    List<RuleContext> contexts = List.of(
        context(List.of("ip", "host", "from"), List.of("ip=", "\"addr\":"), List.of("version", "ver", "oid"), 12,
            false),
        context(List.of("email", "mail"), List.of(), List.of("message-id", "id"), 30, false),
        context(List.of(), List.of("dob"), List.of("v", "build"), 8, false),
        context(List.of("contact"), List.of("from"), List.of(), 40, false),
        new RuleContext(List.of("ip"), List.of(), List.of("ver"), 10, 0.2, 0.4, false, List.of("[0-9]+")));
    String[] pieces = {"ip", "IP", "host", "from", "version", "ver", "oid", "email", "mail", "message-id", "id",
        "dob", "v", "build", "contact", "addr", "=", ":", "\"", " ", " ", "\n", "x", "1", "-", ".", "_", "é"};
    long seed = System.nanoTime();
    java.util.Random random = new java.util.Random(seed);
    int boosted = 0;
    int penalised = 0;
    for (int round = 0; round < 20_000; round++) {
      ContextScorer scorer = ContextScorer.compile(contexts.get(random.nextInt(contexts.size())));
      StringBuilder before = new StringBuilder();
      StringBuilder after = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        before.append(pieces[random.nextInt(pieces.length)]);
      }
      for (int i = random.nextInt(12); i > 0; i--) {
        after.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = (before + "1.2.3.4" + after).getBytes(StandardCharsets.UTF_8);
      int start = before.toString().getBytes(StandardCharsets.UTF_8).length;
      int end = start + 7;
      int lo = random.nextInt(start + 1);
      int hi = end + random.nextInt(bytes.length - end + 1);
      double expected = scorer.adjust(bytes, lo, hi, start, end, BASE, scorer.hasPositive(bytes, lo, hi, start, end));
      assertThat(scorer.score(bytes, lo, hi, start, end, BASE))
          .as("seed %d, text '%s' [%d, %d)", seed, new String(bytes, StandardCharsets.UTF_8), lo, hi)
          .isEqualTo(expected);
      boosted += expected > BASE ? 1 : 0;
      penalised += expected < BASE ? 1 : 0;
    }
    assertThat(boosted).as("seed %d: boosted", seed).isGreaterThan(400);
    assertThat(penalised).as("seed %d: penalised", seed).isGreaterThan(400);
  }

  @Test
  void windowsStopAtTheLineEnd() {
    ContextScorer scorer = ContextScorer.compile(
        context(List.of("contact"), List.of(), List.of("message-id"), 40, false));
    assertThat(score(scorer, "To: jane@example.com\nMessage-ID: <x1@example.org>", VALUE)).isEqualTo(BASE);
    assertThat(score(scorer, "contact\njane@example.com", VALUE)).isEqualTo(BASE);
    assertThat(score(scorer, "To: jane@example.com Message-ID: <x1@example.org>", VALUE))
        .isCloseTo(BASE - 0.4, within(1e-9));
    assertThat(score(scorer, "contact jane@example.com", VALUE)).isCloseTo(BASE + 0.2, within(1e-9));
  }

  @Test
  void noContextLeavesConfidenceAlone() {
    ContextScorer none = ContextScorer.compile(RuleContext.NONE);
    assertThat(score(none, "x " + VALUE + " y", VALUE)).isEqualTo(BASE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Contact: jane@example.com", "send EMAIL to jane@example.com now",
      "jane@example.com (e-mail)", "jane@example.com is my email."})
  void hotwordsBoost(String text) {
    assertThat(score(email, text, VALUE)).isCloseTo(BASE + 0.2, within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"contacts jane@example.com", "emailing jane@example.com", "xemail jane@example.com",
      "reply to jane@example.com", "Kontakt jane@example.com"})
  void partialWordsDoNotBoost(String text) {
    assertThat(score(email, text, VALUE)).isEqualTo(BASE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"email\":\"jane@example.com\"}", "{\"email\": \"jane@example.com\"}", "mail=jane@example.com",
      "MAIL = 'jane@example.com'", "<mail>jane@example.com</mail>", "From: jane@example.com",
      "customer_mail=jane@example.com", "user.mail: jane@example.com", "userMail=jane@example.com",
      "{mail => 'jane@example.com'}", "mail=[jane@example.com]"})
  void keysDirectlyBeforeTheMatchBoost(String text) {
    ContextScorer keysOnly = ContextScorer.compile(context(List.of(), List.of("\"email\":", "mail", "from"), List.of(), 40, false));
    assertThat(score(keysOnly, text, VALUE)).isCloseTo(BASE + 0.2, within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"email jane@example.com", "gmail=jane@example.com", "mail=x, jane@example.com",
      "mailbox: jane@example.com", "mail jane@example.com"})
  void keysElsewhereDoNotCount(String text) {
    ContextScorer keysOnly = ContextScorer.compile(context(List.of(), List.of("mail"), List.of(), 40, false));
    assertThat(score(keysOnly, text, VALUE)).isEqualTo(BASE);
  }

  @Test
  void negativeWordsLowerBelowTheMinimum() {
    ContextScorer ip = ContextScorer.compile(context(List.of("ip"), List.of(), List.of("version", "v", "build", "oid"), 20, false));
    String v = "1.2.3.4";
    assertThat(score(ip, "version 1.2.3.4", v)).isCloseTo(BASE - 0.4, within(1e-9));
    assertThat(score(ip, "v1.2.3.4", v)).as("a word touching the match").isCloseTo(BASE - 0.4, within(1e-9));
    assertThat(score(ip, "OID: 1.2.3.4", v)).isCloseTo(BASE - 0.4, within(1e-9));
    assertThat(score(ip, "1.2.3.4 (build)", v)).isCloseTo(BASE - 0.4, within(1e-9));
    assertThat(score(ip, "conversion 1.2.3.4", v)).isEqualTo(BASE);
    assertThat(score(ip, "ip 1.2.3.4 version", v)).isCloseTo(BASE + 0.2 - 0.4, within(1e-9));
    assertThat(score(ip, "client ip 1.2.3.4", v)).isCloseTo(BASE + 0.2, within(1e-9));
  }

  @Test
  void penaltyDefaultsWhenTheRuleGivesNone() {
    ContextScorer s = ContextScorer.compile(new RuleContext(List.of(), List.of(), List.of("version"), 20, 0, 0, false));
    assertThat(score(s, "version 1.2.3.4", "1.2.3.4")).isCloseTo(BASE - ContextScorer.DEFAULT_PENALTY, within(1e-9));
  }

  @Test
  void resultIsClampedToZeroAndOne() {
    ContextScorer s = ContextScorer.compile(new RuleContext(List.of("ip"), List.of(), List.of("sha"), 20, 0.9, 0.9, false));
    assertThat(score(s, "ip 1.2.3.4", "1.2.3.4")).isEqualTo(1);
    assertThat(score(s, "sha 1.2.3.4", "1.2.3.4")).isZero();
  }

  @Test
  void requiredDropsWithoutWordOrKey() {
    ContextScorer dob = ContextScorer.compile(context(List.of("born", "date of birth"), List.of("dob"), List.of(), 30, true));
    String d = "1985-03-12";
    assertThat(score(dob, "updated 1985-03-12", d)).isEqualTo(ContextScorer.DROP);
    assertThat(score(dob, "Date of Birth: 1985-03-12", d)).isCloseTo(BASE + 0.2, within(1e-9));
    assertThat(score(dob, "dob=1985-03-12", d)).isCloseTo(BASE + 0.2, within(1e-9));
    assertThat(score(dob, "1985-03-12, born in Lyon", d)).isCloseTo(BASE + 0.2, within(1e-9));
  }

  @Test
  void windowEdgeIsExact() {
    ContextScorer s = ContextScorer.compile(context(List.of("ip"), List.of(), List.of(), 10, false));
    String v = "203.0.113.7";
    // "ip" ends exactly at the window's first byte boundary: 8 bytes of gap + 2 of word = 10.
    assertThat(score(s, "ip        " + v, v)).isCloseTo(BASE + 0.2, within(1e-9));
    assertThat(score(s, "ip         " + v, v)).isEqualTo(BASE);
    assertThat(score(s, v + "        ip", v)).isCloseTo(BASE + 0.2, within(1e-9));
    assertThat(score(s, v + "         ip", v)).isEqualTo(BASE);
  }

  @Test
  void readableRangeBoundsTheSearch() {
    ContextScorer s = ContextScorer.compile(context(List.of("ip"), List.of(), List.of(), 40, true));
    byte[] bytes = "ip 203.0.113.7 ip".getBytes(StandardCharsets.UTF_8);
    assertThat(s.score(bytes, 3, 14, 3, 14, BASE)).isEqualTo(ContextScorer.DROP);
    assertThat(s.score(bytes, 0, 14, 3, 14, BASE)).isCloseTo(BASE + 0.2, within(1e-9));
    assertThat(s.score(bytes, 3, bytes.length, 3, 14, BASE)).isCloseTo(BASE + 0.2, within(1e-9));
  }

  @Test
  void nonAsciiNeighboursAreWordBytes() {
    ContextScorer s = ContextScorer.compile(context(List.of("mail"), List.of(), List.of(), 40, false));
    assertThat(score(s, "émail jane@example.com", VALUE)).isEqualTo(BASE);
    assertThat(score(s, "« mail » jane@example.com", VALUE)).isCloseTo(BASE + 0.2, within(1e-9));
  }

  @Test
  void negativeWindowIsRejected() {
    assertThatThrownBy(() -> ContextScorer.compile(new RuleContext(List.of(), List.of(), List.of(), -1, 0, 0, false)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  private static final List<String> VERSION_TAILS = List.of("-[0-9]+(\\.[0-9]+)?",
      "-[0-9]+(\\.[0-9]+)?[A-Za-z_+~][A-Za-z0-9_.+~-]*", "[+~][A-Za-z0-9][A-Za-z0-9_.+~-]*");

  private final ContextScorer versions = ContextScorer.compile(
      new RuleContext(List.of("ip"), List.of(), List.of("version"), 40, 0.2, 0.4, false, VERSION_TAILS));

  @ParameterizedTest
  @ValueSource(strings = {"libfoo 1.2.5.1-2", "(1.2.5.1-2, automatic)", "1.2.5.1-2.1 over", "1.2.5.1+dfsg-1.1)",
      "1.2.5.1~rc1 ", "1.2.5.1-1ubuntu0.22.04.1\n", "1.2.5.1-1+deb12u1", ".../libfoo_1.2.5.1-2_amd64.deb"})
  void aVersionTailIsANegative(String text) {
    assertThat(score(versions, text, "1.2.5.1")).isCloseTo(BASE - 0.4, within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"range 1.2.5.1-192.0.2.9", "1.2.5.1:8080", "1.2.5.1/24", "1.2.5.1, next", "1.2.5.1",
      "1.2.5.1-gateway", "1.2.5.1\n-2", "1.2.5.1 -2", "1.2.5.1-"})
  void otherTailsAreNot(String text) {
    assertThat(score(versions, text, "1.2.5.1")).isEqualTo(BASE);
  }

  @Test
  void aSuffixAndANegativeWordCostOnePenaltyAndAHotwordStillCounts() {
    assertThat(score(versions, "version 1.2.5.1-2", "1.2.5.1")).isCloseTo(BASE - 0.4, within(1e-9));
    assertThat(score(versions, "ip 1.2.5.1-2", "1.2.5.1")).isCloseTo(BASE + 0.2 - 0.4, within(1e-9));
  }

  @Test
  void theTailIsReadOnlyUpToTheReadableEndAndTheLengthLimit() {
    byte[] b = "1.2.5.1-2".getBytes(StandardCharsets.UTF_8);
    assertThat(versions.score(b, 0, 7, 0, 7, BASE)).isEqualTo(BASE);
    assertThat(versions.score(b, 0, 8, 0, 7, BASE)).as("tail '-' only").isEqualTo(BASE);
    assertThat(versions.score(b, 0, 9, 0, 7, BASE)).isCloseTo(BASE - 0.4, within(1e-9));
    String longest = "+" + "a".repeat(ContextScorer.MAX_SUFFIX_BYTES - 1);
    assertThat(score(versions, "1.2.5.1" + longest + " x", "1.2.5.1")).isCloseTo(BASE - 0.4, within(1e-9));
    assertThat(score(versions, "1.2.5.1" + longest + "a x", "1.2.5.1")).as("a longer token has no suffix")
        .isEqualTo(BASE);
  }

  @Test
  void aSuffixOutsideTheDialectIsRejected() {
    RuleContext bad = new RuleContext(List.of(), List.of(), List.of(), 40, 0, 0, false, List.of("(?<=x)-1"));
    assertThatThrownBy(() -> ContextScorer.compile(bad)).isInstanceOf(IllegalArgumentException.class);
  }
}
