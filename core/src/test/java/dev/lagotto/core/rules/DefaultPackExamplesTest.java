package dev.lagotto.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.ScanSettings.PrefilterMode;
import dev.lagotto.core.scan.Scanner;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example of the default rule pack through the real {@link Scanner}: each rule alone (in both
 * prefilter modes, so the index provably keeps every true example) and the whole pack together. Rule by
 * rule, a match example must be reported with exactly its {@code find} span; in the whole pack a finding of
 * the rule's category must cover that span (overlap resolution may let a same-category rule with a longer
 * or shorter span win, e.g. {@code geo_uri} over {@code geo_decimal_pair}). A no-match example must yield
 * nothing of its rule in either setting. Also checks that every rule has at least two examples of each kind
 * and that the values found are synthetic or reserved.
 */
class DefaultPackExamplesTest {
  static final int MIN_EXAMPLES = 2;

  private static RulePack pack;
  private static final Map<String, Scanner> SCANNERS = new HashMap<>();

  /** One reported match, with byte offsets into the example's UTF-8 text. */
  record Hit(String rule, Category category, int start, int end) {}

  @BeforeAll
  static void load() throws Exception {
    pack = RulePackLoader.loadDefault();
  }

  private static Scanner scanner(String key, RulePack rules, PrefilterMode mode) {
    return SCANNERS.computeIfAbsent(key + "/" + mode, k -> Scanner.build(rules, ScanSettings.DEFAULTS.withPrefilter(mode)));
  }

  static List<Hit> scan(Scanner scanner, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Hit> hits = new ArrayList<>();
    scanner.scan(Chunk.of(bytes), (rule, start, end, confidence) -> hits.add(new Hit(rule.id(), rule.category(), start, end)));
    return hits;
  }

  /** The byte span {start, end} of the first occurrence of {@code find} in {@code text}. */
  static int[] byteSpan(String text, String find) {
    int at = text.indexOf(find);
    assertThat(at).as("find '%s' occurs in text '%s'", find, text).isNotNegative();
    int start = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    return new int[] {start, start + find.getBytes(StandardCharsets.UTF_8).length};
  }

  @Test
  void everyRuleHasAtLeastTwoExamplesOfEachKind() {
    assertThat(pack.rules()).isNotEmpty();
    for (Rule r : pack.rules()) {
      assertThat(r.examples().match()).as("%s match examples", r.id()).hasSizeGreaterThanOrEqualTo(MIN_EXAMPLES);
      assertThat(r.examples().nomatch()).as("%s nomatch examples", r.id()).hasSizeGreaterThanOrEqualTo(MIN_EXAMPLES);
      for (Rule.MatchExample m : r.examples().match()) {
        assertThat(m.find()).as("%s: find of '%s'", r.id(), m.text()).isNotBlank();
        assertThat(m.text()).as("%s: text contains its find", r.id()).contains(m.find());
      }
      for (Rule.NoMatchExample n : r.examples().nomatch()) {
        assertThat(n.why()).as("%s: why of '%s'", r.id(), n.text()).isNotBlank();
      }
    }
  }

  @Test
  void everyRuleHasTriggersOrAMatcher() {
    for (Rule r : pack.rules()) {
      assertThat(!r.keywords().isEmpty() || r.trigger() != null)
          .as("%s declares keywords or a trigger", r.id()).isTrue();
    }
  }

  /** Trigger byte classes the engine knows (the brief of issue 3). */
  static final Set<String> TRIGGERS = Set.of("digit", "hex", "upper", "alpha");
  /** Constructs outside the engine's dialect: word boundaries, lookaround, anchors, backreferences, lazy quantifiers. */
  static final Pattern OUTSIDE_DIALECT =
      Pattern.compile("\\\\[bBAzZG1-9]|\\(\\?[=!<]|(?<![\\\\\\[])\\^|(?<!\\\\)\\$|[*+?}]\\?");

  @Test
  void patternsUseOnlyTheEngineDialectAndKnownTriggers() {
    for (Rule r : pack.rules()) {
      if (r.pattern() != null) {
        assertThat(OUTSIDE_DIALECT.matcher(r.pattern()).find()).as("%s pattern uses a construct outside the dialect", r.id())
            .isFalse();
      }
      if (r.trigger() != null) {
        assertThat(TRIGGERS).as("%s trigger", r.id()).contains(r.trigger());
      }
    }
    assertThat(OUTSIDE_DIALECT.matcher("a\\bc").find()).isTrue();
    assertThat(OUTSIDE_DIALECT.matcher("(?=x)").find()).isTrue();
    assertThat(OUTSIDE_DIALECT.matcher("^ab").find()).isTrue();
    assertThat(OUTSIDE_DIALECT.matcher("ab$").find()).isTrue();
    assertThat(OUTSIDE_DIALECT.matcher("a+?").find()).isTrue();
    assertThat(OUTSIDE_DIALECT.matcher("[^ab]\\$x?(a|b)+").find()).isFalse();
  }

  @Test
  void matchValuesAreSyntheticOrReserved() {
    Map<Category, Predicate<String>> synthetic = syntheticChecks();
    for (Rule r : pack.rules()) {
      Predicate<String> ok = synthetic.get(r.category());
      if (ok == null) {
        continue;
      }
      for (Rule.MatchExample m : r.examples().match()) {
        assertThat(ok.test(m.find())).as("%s: '%s' is a synthetic/reserved %s value", r.id(), m.find(), r.category()).isTrue();
      }
    }
  }

  @Test
  void syntheticChecksRejectRealLookingValues() {
    Map<Category, Predicate<String>> synthetic = syntheticChecks();
    assertThat(synthetic.get(Category.EMAIL).test("jane@gmail.com")).isFalse();
    assertThat(synthetic.get(Category.IPV4).test("8.8.8.8")).isFalse();
    assertThat(synthetic.get(Category.IPV6).test("2a00:1450::1")).isFalse();
    assertThat(synthetic.get(Category.CREDIT_CARD).test("4111 1111 1111 1129")).isFalse();
    assertThat(synthetic.get(Category.PHONE).test("+1 212 736 5000")).isFalse();
    assertThat(synthetic.get(Category.PERSON_NAME).test("Angela Merkel")).isFalse();
    assertThat(synthetic.get(Category.MAC_ADDRESS).test("00:1a:2b:3c:4d:5e")).isFalse();
  }

  @TestFactory
  Stream<DynamicNode> eachRuleAloneFindsItsExamples() {
    return pack.rules().stream().map(r -> DynamicContainer.dynamicContainer(r.id(), examplesAlone(r)));
  }

  private static Stream<DynamicNode> examplesAlone(Rule r) {
    RulePack single = new RulePack(List.of(r));
    List<DynamicNode> tests = new ArrayList<>();
    for (PrefilterMode mode : PrefilterMode.values()) {
      for (Rule.MatchExample m : r.examples().match()) {
        tests.add(dynamicTest(mode + " match: " + m.text(), () -> {
          int[] span = byteSpan(m.text(), m.find());
          List<Hit> hits = scan(scanner(r.id(), single, mode), m.text());
          assertThat(hits).as("%s [%s] in '%s' must find exactly '%s'", r.id(), mode, m.text(), m.find())
              .contains(new Hit(r.id(), r.category(), span[0], span[1]));
        }));
      }
      for (Rule.NoMatchExample n : r.examples().nomatch()) {
        tests.add(dynamicTest(mode + " nomatch: " + n.text(), () -> {
          List<Hit> hits = scan(scanner(r.id(), single, mode), n.text());
          assertThat(hits).as("%s [%s] must find nothing in '%s' (%s)", r.id(), mode, n.text(), n.why()).isEmpty();
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicNode> wholePackFindsEveryExample() {
    return pack.rules().stream().map(r -> DynamicContainer.dynamicContainer(r.id(), examplesInPack(r)));
  }

  private static Stream<DynamicNode> examplesInPack(Rule r) {
    List<DynamicNode> tests = new ArrayList<>();
    for (Rule.MatchExample m : r.examples().match()) {
      tests.add(dynamicTest("match: " + m.text(), () -> {
        int[] span = byteSpan(m.text(), m.find());
        List<Hit> hits = scan(scanner("*", pack, PrefilterMode.INDEXED), m.text());
        assertThat(hits).as("whole pack: a %s finding covering '%s' in '%s'", r.category(), m.find(), m.text())
            .anyMatch(h -> h.category() == r.category() && h.start() < span[1] && span[0] < h.end());
      }));
    }
    for (Rule.NoMatchExample n : r.examples().nomatch()) {
      tests.add(dynamicTest("nomatch: " + n.text(), () -> {
        List<Hit> hits = scan(scanner("*", pack, PrefilterMode.INDEXED), n.text());
        assertThat(hits).as("whole pack: no %s finding in '%s' (%s)", r.id(), n.text(), n.why())
            .noneMatch(h -> h.rule().equals(r.id()));
      }));
    }
    return tests.stream();
  }

  // ---- what counts as a synthetic or reserved value, per category ----

  private static final Set<String> TEST_CARDS = Set.of("4111111111111111", "4012888888881881", "4222222222222",
      "5555555555554444", "5105105105105100", "378282246310005", "371449635398431", "6011111111111117");
  private static final Set<String> TEST_IBANS =
      Set.of("GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606");
  /** Documentation numbers: NANP 555-01xx, UK drama 020 7946 0xxx, French fiction 01 99 00 xx xx / 06 39 98 xx xx. */
  private static final Pattern TEST_PHONE =
      Pattern.compile("1?[2-9][0-9]{2}55501[0-9]{2}|(440?|0)2079460[0-9]{3}|(330?|0)19900[0-9]{4}|(330?|0)63998[0-9]{4}");
  private static final Set<String> TEST_NATIONAL_IDS = Set.of("123456789", "078051120", "123456780", "123456781", "AB123456C", "CE123456D",
      "12345678Z", "00000001R", "X1234567L", "Y1234567X");
  private static final Set<String> TEST_IMEIS = Set.of("490154203237518", "352099001761481");
  private static final Pattern UUID =
      Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
  private static final Set<String> PLACEHOLDER_NAMES =
      Set.of("Jane", "John", "Richard", "Joe", "Max", "Erika", "Doe", "Roe", "Bloggs", "Mustermann", "J", "M");

  static Map<Category, Predicate<String>> syntheticChecks() {
    Map<Category, Predicate<String>> m = new EnumMap<>(Category.class);
    m.put(Category.EMAIL, DefaultPackExamplesTest::reservedEmail);
    m.put(Category.IPV4, v -> reservedIp(v));
    m.put(Category.IPV6, v -> reservedIp(v));
    m.put(Category.MAC_ADDRESS, DefaultPackExamplesTest::documentationMac);
    m.put(Category.CREDIT_CARD, v -> TEST_CARDS.contains(v.replaceAll("[^0-9]", "")));
    m.put(Category.IBAN, v -> TEST_IBANS.contains(v.replace(" ", "")));
    m.put(Category.PHONE, v -> TEST_PHONE.matcher(v.replaceAll("[^0-9]", "")).matches());
    m.put(Category.NATIONAL_ID, v -> TEST_NATIONAL_IDS.contains(v.replaceAll("[ \\-]", "").toUpperCase(Locale.ROOT)));
    m.put(Category.DEVICE_ID, v -> TEST_IMEIS.contains(v.replace("-", "")) || UUID.matcher(v).matches());
    m.put(Category.PERSON_NAME, v -> Stream.of(v.split("[^A-Za-z]+")).filter(t -> !t.isEmpty())
        .filter(t -> !Character.isLowerCase(t.charAt(0))).allMatch(PLACEHOLDER_NAMES::contains));
    return m;
  }

  static boolean reservedEmail(String value) {
    String v = value.toLowerCase(Locale.ROOT).replace("%40", "@");
    String domain = v.substring(v.lastIndexOf('@') + 1);
    for (String reserved : List.of("example.com", "example.org", "example.net")) {
      if (domain.equals(reserved) || domain.endsWith("." + reserved)) {
        return true;
      }
    }
    return domain.endsWith(".example") || domain.endsWith(".test") || domain.endsWith(".invalid");
  }

  /** Documentation (RFC 5737, RFC 3849) and private/link-local ranges only. */
  static boolean reservedIp(String value) {
    byte[] a;
    try {
      if (!value.matches("[0-9A-Fa-f:.]+")) {
        return false;
      }
      a = InetAddress.getByName(value).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    if (a.length == 16) {
      int b0 = a[0] & 0xff;
      int b1 = a[1] & 0xff;
      return (b0 == 0x20 && b1 == 0x01 && a[2] == 0x0d && (a[3] & 0xff) == 0xb8)
          || (b0 == 0xfe && (b1 & 0xc0) == 0x80)
          || (b0 & 0xfe) == 0xfc;
    }
    int o0 = a[0] & 0xff;
    int o1 = a[1] & 0xff;
    int o2 = a[2] & 0xff;
    return (o0 == 192 && o1 == 0 && o2 == 2) || (o0 == 198 && o1 == 51 && o2 == 100) || (o0 == 203 && o1 == 0 && o2 == 113)
        || o0 == 10 || (o0 == 172 && o1 >= 16 && o1 <= 31) || (o0 == 192 && o1 == 168);
  }

  /** RFC 7042 documentation block 00-00-5E-00-53-xx, or a locally administered address. */
  static boolean documentationMac(String value) {
    String hex = value.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
    return hex.length() == 12 && (hex.startsWith("00005e0053") || "26ae".indexOf(hex.charAt(1)) >= 0);
  }
}
