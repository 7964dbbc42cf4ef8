package dev.lagotto.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scanner: indexed == reference, chunk boundaries, the rulesRun counter, overlaps, boundaries. */
class ScannerTest {
  private static final ScanSettings ALL = ScanSettings.DEFAULTS.withMinConfidence(0);

  record Found(String rule, int start, int end, double confidence) {}

  static List<Found> scan(Scanner scanner, Chunk chunk) {
    List<Found> out = new ArrayList<>();
    scanner.scan(chunk, (rule, start, end, confidence) -> out.add(new Found(rule.id(), start, end, confidence)));
    return out;
  }

  static List<String> texts(Scanner scanner, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return scan(scanner, Chunk.of(bytes)).stream()
        .map(f -> f.rule() + ":" + new String(bytes, f.start(), f.end() - f.start(), StandardCharsets.UTF_8)).toList();
  }

  private static final String[] FRAGMENTS = {
      "jane.doe@example.com", "a%40example.org", "x@y", "@@", "203.0.113.7", "198.51.100.23", "1.2.3.4.5",
      "version 6.1.72.48", "999.1.1.1", "2001:db8::1", "fe80::1%eth0", "::", "12:34:56", "2001:db8:0:0:0:0:2:1",
      "00:1A:2B:3C:4D:5E", "52:54:00:12:34:56:52:54:00:65:43:21:08:00", "0011.2233.4455", "48.8566, 2.3522",
      "\"lat\": 48.85, \"lng\": 2.35", "-33.8688,151.2093", "+44 20 7946 0958", "(555) 010-0123", "555-0100",
      "+14155550100", "01 23 45 67 89", "4111 1111 1111 1111", "4111-1111-1111-1111", "1700000000000",
      "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "123-45-6789", "078-05-1120", "deadbeefcafe",
      "550e8400-e29b-41d4-a716-446655440000", "°", "é", "\t", "\n", " ", " ", ",", ".", ":", "-", "=", "\"",
      "INFO", "ERROR", "user", "id=", "ip=", "GET /index.html?q=", "_", "a", "0", "9", "A", "F", "Z"};

  static String logLike(Random random, int fragments) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fragments; i++) {
      if (random.nextInt(8) == 0) {
        int n = random.nextInt(6);
        for (int k = 0; k < n; k++) {
          sb.append((char) (0x20 + random.nextInt(0x5f)));
        }
      } else {
        sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      }
    }
    return sb.toString();
  }

  /** Pieces of CSV rows, header lines and keyed values around capitalised words (key contexts). */
  private static final String[] KEYED = {"id,first_name,last_name,dob\n", "1,Jane,Roe,1990-04-12\n", "first_name=",
      "\"surname\": \"", "O'Brien", "\"", "Smith-Jones", "McDonald", "\tRoe\t", "Kundennr;Nachname;Vorname\n",
      "7;Mustermann;Erika\n", " Will ", "(", "[", "'", ":", "=", ">", "=>", " ", "Erika", "Ärger", ",", ";", "|",
      "<surname>", "name: ", "\n", " born ", "DOB ", "12/04/1985", "geb. "};

  static String keyedLike(Random random, int fragments) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fragments; i++) {
      sb.append(KEYED[random.nextInt(KEYED.length)]);
    }
    return sb.toString();
  }

  static byte[] randomBytes(Random random, int length, String alphabet) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return b;
  }

  /** Small rules over a small alphabet: many near-matches, keywords, all boundaries. */
  static RulePack smallRules() {
    return new RulePack(List.of(
        TestRules.rule("k1", Category.EMAIL, "[ab.]+@[ab]+(\\.[ab]+)*", Rule.Boundary.WORD, "@"),
        TestRules.rule("k2", Category.IPV4, "([0-9]{1,2}\\.){2}[0-9]{1,2}", Rule.Boundary.DIGIT, "."),
        TestRules.rule("k3", Category.SESSION_ID, "(ab|ba)+-?[0-9]+", Rule.Boundary.NONE, "ab", "ba"),
        TestRules.rule("c1", Category.PHONE, "[0-9][0-9 .-]{2,8}[0-9]", Rule.Boundary.ALNUM),
        TestRules.rule("c2", Category.IBAN, "[A-B]{2}[0-9]{2}[a-b0-9]*", Rule.Boundary.WORD),
        TestRules.rule("c3", Category.PERSON_NAME, "b+a?", Rule.Boundary.NONE),
        TestRules.rule("ci", Category.DEVICE_ID, "aB[0-9]", Rule.Boundary.NONE, "aB")));
  }

  private static RulePack caseInsensitiveRule() {
    return new RulePack(List.of(new Rule("cookie", Category.SESSION_ID, "cookie", "cookie: [a-z0-9]+", null,
        Rule.Boundary.WORD, List.of("cookie:"), null, List.of(), null, 0.9, null, null, "test", true)));
  }

  @Test
  void indexedFindsExactlyWhatTheReferenceFinds() throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("ScannerTest seed: -Dtests.seed=" + seed);
    Random random = new Random(seed);
    List<RulePack> packs = List.of(TestRules.bench(), RulePackLoader.loadDefault(), smallRules(),
        caseInsensitiveRule(), TestRules.bench().with(smallRules()));
    for (RulePack pack : packs) {
      Scanner indexed = Scanner.build(pack, ALL);
      Scanner indexOnly = Scanner.build(pack, ALL.withPrefilter(ScanSettings.PrefilterMode.INDEX_ONLY));
      Scanner reference = Scanner.build(pack, ALL.withPrefilter(ScanSettings.PrefilterMode.NONE));
      for (int round = 0; round < 300; round++) {
        byte[] bytes = switch (round % 60 == 59 ? 4 : round % 4) {
          // long enough for the union automaton to read the range as two halves
          case 4 -> logLike(random, 3_000).getBytes(StandardCharsets.UTF_8);
          case 0 -> logLike(random, 1 + random.nextInt(40)).getBytes(StandardCharsets.UTF_8);
          case 1 -> randomBytes(random, random.nextInt(300), "ab.@-0123456789 AB:eE%4");
          case 2 -> keyedLike(random, 1 + random.nextInt(30)).getBytes(StandardCharsets.UTF_8);
          default -> randomBytes(random, random.nextInt(300), "aAbB.:-_ 019fF,\"cookie:COOKIE");
        };
        int start = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1) / 4;
        int end = bytes.length - (bytes.length - start) / (1 + random.nextInt(8));
        int reportFrom = start + random.nextInt(end - start + 1) / 3;
        int reportTo = reportFrom + (end - reportFrom) * random.nextInt(4) / 3;
        reportTo = Math.min(reportTo, end);
        for (Chunk chunk : List.of(Chunk.of(bytes), new Chunk(bytes, start, reportFrom, reportTo, end))) {
          List<Found> expected = scan(reference, chunk);
          assertThat(scan(indexed, chunk))
              .as("seed %d, pack %s, text '%s', chunk %s", seed, pack.rules().get(0).id(),
                  new String(bytes, StandardCharsets.ISO_8859_1), chunk)
              .isEqualTo(expected);
          assertThat(scan(indexOnly, chunk))
              .as("INDEX_ONLY: seed %d, pack %s, text '%s', chunk %s", seed, pack.rules().get(0).id(),
                  new String(bytes, StandardCharsets.ISO_8859_1), chunk)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void moreKeywordListsThanThePairTableCanNameAreLookedUpInTheOverflowTable() {
    // 64 two-byte keywords anchored on 'q' with 64 different bytes before it: more distinct anchor lists than
    // the ids the first pass's pair table holds, so the prefilter falls back to its table of lists by pair
    String before = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnoprstuvwxyz0123456789!#%";
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < before.length(); i++) {
      String keyword = before.charAt(i) + "q";
      rules.add(TestRules.rule("o" + i, Category.SESSION_ID, keyword + "[0-9]+", Rule.Boundary.NONE, keyword));
    }
    RulePack pack = new RulePack(rules);
    Scanner indexed = Scanner.build(pack, ALL);
    Scanner reference = Scanner.build(pack, ALL.withPrefilter(ScanSettings.PrefilterMode.NONE));
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("ScannerTest overflow seed: -Dtests.seed=" + seed);
    Random random = new Random(seed);
    int found = 0;
    for (int round = 0; round < 200; round++) {
      byte[] bytes = randomBytes(random, random.nextInt(400), before + "qqqq0123456789 ");
      List<Found> expected = scan(reference, Chunk.of(bytes));
      assertThat(scan(indexed, Chunk.of(bytes))).as("seed %d, text '%s'", seed,
          new String(bytes, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).as("the texts hold matches").isPositive();
  }

  @Test
  void aMatchAcrossChunkBoundariesIsReportedOnce() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("ScannerTest chunks seed: -Dtests.seed=" + seed);
    Random random = new Random(seed);
    Scanner scanner = Scanner.build(TestRules.bench(), ALL);
    for (int round = 0; round < 50; round++) {
      byte[] bytes = logLike(random, 200).getBytes(StandardCharsets.UTF_8);
      List<Found> whole = scan(scanner, Chunk.of(bytes));
      List<Found> pieces = new ArrayList<>();
      int size = 20 + random.nextInt(200);
      int overlap = Scanner.CHUNK_OVERLAP;
      for (int from = 0; from < bytes.length; from += size) {
        int to = Math.min(bytes.length, from + size);
        Chunk c = new Chunk(bytes, Math.max(0, from - overlap), from, to, Math.min(bytes.length, to + overlap));
        pieces.addAll(scan(scanner, c));
      }
      assertThat(pieces).as("seed %d, chunk size %d", seed, size).isEqualTo(whole);
    }
  }

  @Test
  void theIndexRunsFarFewerRulesOnTextWithoutTriggers() {
    byte[] text = "the quick brown fox jumps over the lazy dog while nobody is watching; "
        .repeat(200).getBytes(StandardCharsets.US_ASCII);
    int indexed = Scanner.build(TestRules.bench(), ALL).scan(Chunk.of(text), (r, s, e, c) -> { });
    int reference = Scanner.build(TestRules.bench(), ALL.withPrefilter(ScanSettings.PrefilterMode.NONE))
        .scan(Chunk.of(text), (r, s, e, c) -> { });
    assertThat(reference).isGreaterThan(text.length);
    assertThat(indexed).isZero();
    byte[] one = ("the quick brown fox jane@example.com jumps").getBytes(StandardCharsets.US_ASCII);
    int runs = Scanner.build(TestRules.bench(), ALL).scan(Chunk.of(one), (r, s, e, c) -> { });
    assertThat(runs).isBetween(1, 3);
  }

  @Test
  void oneSpanGetsOneFindingTheMostSpecific() {
    Scanner scanner = Scanner.build(TestRules.bench(), ALL);
    assertThat(texts(scanner, "mail to ops@host.192.0.2.1.example.com now"))
        .containsExactly("email:ops@host.192.0.2.1.example.com");
    assertThat(texts(scanner, "iban GB82 WEST 1234 5698 7654 32 end")).containsExactly("iban:GB82 WEST 1234 5698 7654 32");
    RulePack same = new RulePack(List.of(
        TestRules.rule("v6", Category.IPV6, "[0-9a-f]{2}(:[0-9a-f]{2}){5}", Rule.Boundary.WORD, ":"),
        TestRules.rule("mac", Category.MAC_ADDRESS, "[0-9a-f]{2}(:[0-9a-f]{2}){5}", Rule.Boundary.WORD, ":"),
        TestRules.triggered("short", Category.PHONE, "[0-9]{4}", Rule.Boundary.NONE, "digit"),
        TestRules.triggered("long", Category.PHONE, "[0-9]{8}", Rule.Boundary.NONE, "digit")));
    Scanner s2 = Scanner.build(same, ALL);
    assertThat(texts(s2, "hw 00:1a:2b:3c:4d:5e")).containsExactly("mac:00:1a:2b:3c:4d:5e");
    assertThat(texts(s2, "n 12345678 x")).containsExactly("long:12345678");
    assertThat(texts(s2, "n 123456789012 x")).containsExactly("long:12345678", "short:9012");
  }

  @Test
  void boundariesAreCheckedOnBothSides() {
    Scanner scanner = Scanner.build(TestRules.bench(), ALL.withCategories(EnumSet.of(Category.IPV4)));
    assertThat(texts(scanner, "ip=203.0.113.7;")).containsExactly("ipv4:203.0.113.7");
    assertThat(texts(scanner, "x1203.0.113.7")).isEmpty();
    assertThat(texts(scanner, "203.0.113.7a")).isEmpty();
    assertThat(texts(scanner, "203.0.113.7_")).isEmpty();
    RulePack digits = new RulePack(List.of(
        TestRules.triggered("d", Category.PHONE, "[0-9]{3}", Rule.Boundary.DIGIT, "digit"),
        TestRules.triggered("a", Category.CREDIT_CARD, "[0-9]{4}", Rule.Boundary.ALNUM, "digit")));
    Scanner s2 = Scanner.build(digits, ALL);
    assertThat(texts(s2, "x123y 1234 _5678_ 9999a")).containsExactly("d:123", "a:1234", "a:5678");
  }

  @Test
  void aDroppedMatchConsumesItsBytesSoNoShorterMatchInsideItIsReported() throws Exception {
    Rule even = new Rule("even", Category.PHONE, "even", "[0-9]+", null, Rule.Boundary.NONE, List.of(), null,
        List.of(), null, 0.9, new Rule.Exclude(List.of("12345"), List.of()), null, "test");
    for (ScanSettings.PrefilterMode mode : ScanSettings.PrefilterMode.values()) {
      Scanner scanner = Scanner.build(new RulePack(List.of(even)), ALL.withPrefilter(mode));
      assertThat(texts(scanner, "a 12345 b 678")).as(mode.name()).containsExactly("even:678");
    }
    Scanner pack = Scanner.build(RulePackLoader.loadDefault(), ALL.withCategories(EnumSet.of(Category.IPV4)));
    assertThat(texts(pack, "snmp oid 1.3.6.1.4.1.2021.10.1.3.1 = 0.42")).isEmpty();
  }

  @Test
  void onlySelectedCategoriesAreCompiledAndReported() {
    Scanner scanner = Scanner.build(TestRules.bench(), ALL.withCategories(EnumSet.of(Category.EMAIL)));
    assertThat(scanner.ruleCount()).isEqualTo(1);
    assertThat(texts(scanner, "a@example.com 203.0.113.7")).containsExactly("email:a@example.com");
  }

  @Test
  void urlEncodedEmailIsFoundAndExcludesApply() {
    Rule email = new Rule("email", Category.EMAIL, "e-mail", "[a-z.]+(@|%40)[a-z]+\\.[a-z]{2,}", null,
        Rule.Boundary.WORD, List.of("@", "%40"), null, List.of(), null, 0.9,
        new Rule.Exclude(List.of("Root@Example.com"), List.of("noreply@.*")), null, "test");
    Scanner scanner = Scanner.build(new RulePack(List.of(email)), ALL);
    assertThat(texts(scanner, "?to=jane%40example.org&cc=root@example.com noreply@example.com"))
        .containsExactly("email:jane%40example.org");
  }

  @Test
  void keywordsThatDoNotCoverEveryMatchAreRejected() {
    RulePack bad = new RulePack(List.of(
        TestRules.rule("e", Category.EMAIL, "[a-z]+(@|%40)[a-z]+", Rule.Boundary.WORD, "@")));
    assertThatThrownBy(() -> Scanner.build(bad, ALL)).isInstanceOf(RuleCompileException.class)
        .hasMessageContaining("keywords");
    RulePack badTrigger = new RulePack(List.of(
        TestRules.triggered("p", Category.PHONE, "\\+?[0-9]+", Rule.Boundary.WORD, "sparkle")));
    assertThatThrownBy(() -> Scanner.build(badTrigger, ALL)).hasMessageContaining("unknown trigger 'sparkle'");
    RulePack narrowTrigger = new RulePack(List.of(
        TestRules.triggered("p", Category.PHONE, "\\+?[0-9]{3}", Rule.Boundary.NONE, "digit")));
    assertThat(texts(Scanner.build(narrowTrigger, ALL), "call +123 now")).containsExactly("p:+123");
  }

  @Test
  void manySegmentsAndRepeatedScansGiveTheSameResult() {
    Random random = new Random(42);
    byte[] bytes = logLike(random, 40_000).getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isGreaterThan(2 * Scanner.SEGMENT);
    Scanner indexed = Scanner.build(TestRules.bench(), ALL);
    Scanner reference = Scanner.build(TestRules.bench(), ALL.withPrefilter(ScanSettings.PrefilterMode.NONE));
    List<Found> first = scan(indexed, Chunk.of(bytes));
    assertThat(first).isNotEmpty().isEqualTo(scan(reference, Chunk.of(bytes)));
    assertThat(scan(indexed, Chunk.of(bytes))).isEqualTo(first);
  }
}
