package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lagotto.core.finding.ValueForms;
import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link PhoneNumbers} (and so of {@link PhoneValidator} and {@code ValueForms} phone
 * normalisation) against plain libphonenumber, on generated inputs with a printed seed; reproduce with
 * {@code -Dtests.seed=N}. Inputs: random digit runs with random separators, {@code +CC} forms of every calling
 * code's example numbers with random digits, national forms of the example numbers of every region, trunk
 * {@code (0)} forms, NANP shapes, and the phone rule examples of the default pack.
 */
class PhoneNumbersEquivalenceTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String[] DEFAULT_REGIONS = {"US", "GB", "FR", "DE", "IN", "BR", "CA", "IT", "AR", "MX", "AU",
      "JP", "NL", "ES", "RU", "CN", "AG", "001", "XX", "us"};
  private static final String SEPARATORS = " .-()";
  private static final String[] RULE_FILES = {"phone_digits", "phone_e164", "phone_fr_national",
      "phone_international", "phone_nanp"};
  private static final PhoneNumberType[] TYPES = PhoneNumberType.values();
  private static final Pattern PHONE_LIKE = Pattern.compile("[+(]?[0-9][0-9 .()\\-]{5,30}[0-9]");
  private static final int RANDOM_RUNS = 8_000;
  private static final int VARIANTS_PER_EXAMPLE = 3;
  private static final int NSN_PER_CODE = 150;

  private static Random random(String test) {
    System.out.println("PhoneNumbersEquivalenceTest." + test + " seed: " + SEED + " (-Dtests.seed=" + SEED + ")");
    return new Random(SEED);
  }

  @Test
  void parseValidityFactorAndE164AgreeWithLibphonenumber() throws IOException {
    Random r = random("parse");
    List<String> inputs = new ArrayList<>(ruleExamples());
    int everyRegion = inputs.size();
    for (int i = 0; i < RANDOM_RUNS; i++) {
      inputs.add(randomRun(r));
      inputs.add(nanp(r));
    }
    for (String region : UTIL.getSupportedRegions()) {
      for (PhoneNumberType type : TYPES) {
        PhoneNumber example = UTIL.getExampleNumberForType(region, type);
        if (example != null) {
          for (int k = 0; k < VARIANTS_PER_EXAMPLE; k++) {
            inputs.add(written(mutated(example, r), r));
          }
        }
      }
    }
    for (int cc : UTIL.getSupportedGlobalNetworkCallingCodes()) {
      PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(cc);
      for (int k = 0; example != null && k < VARIANTS_PER_EXAMPLE; k++) {
        inputs.add(written(mutated(example, r), r));
      }
    }
    int fast = 0;
    int parsedUs = 0;
    int valid = 0;
    int compared = 0;
    for (String region : DEFAULT_REGIONS) {
      PhoneNumbers phones = PhoneNumbers.forRegion(region);
      PhoneValidator validator = new PhoneValidator(region);
      for (int i = 0; i < inputs.size(); i++) {
        // every region sees the rule examples and a seeded share of the generated inputs
        String s = inputs.get(i);
        if (i >= everyRegion && r.nextInt(4) != 0 && !"US".equals(region)) {
          continue;
        }
        PhoneNumber expected = libParse(s, region);
        PhoneNumber actual = phones.parse(s);
        String what = "seed " + SEED + ", region " + region + ", input '" + s + "'";
        assertSame(actual, expected, what);
        compared++;
        if ("US".equals(region) && expected != null) {
          parsedUs++;
          fast += phones.parseCommonShape(s) != null ? 1 : 0;
        }
        if (expected != null) {
          boolean v = UTIL.isValidNumber(expected);
          assertThat(phones.isValid(actual)).as(what).isEqualTo(v);
          assertThat(phones.isPossible(actual)).as(what).isEqualTo(UTIL.isPossibleNumber(expected));
          valid += v ? 1 : 0;
        }
        assertThat(validator.factor(s)).as(what).isEqualTo(referenceFactor(s, region));
        if ("US".equals(region)) {
          assertThat(ValueForms.normalise(Category.PHONE, s)).as(what).isEqualTo(referenceE164(s));
        }
      }
    }
    System.out.println("PhoneNumbersEquivalenceTest: " + compared + " parses compared over " + inputs.size()
        + " inputs and " + DEFAULT_REGIONS.length + " default regions, " + valid + " valid; in US " + fast + " of "
        + parsedUs + " parsed numbers took the fast path");
    assertThat(valid).isGreaterThan(compared / 20);
    assertThat(fast).isGreaterThan(parsedUs * 3 / 4);
  }

  @Test
  void validityAndPossibilityAgreeForEveryCallingCode() {
    Random r = random("validity");
    PhoneNumbers phones = PhoneNumbers.forRegion("US");
    int compared = 0;
    int valid = 0;
    for (int cc : new TreeSet<>(UTIL.getSupportedCallingCodes())) {
      List<PhoneNumber> numbers = new ArrayList<>();
      for (String region : UTIL.getRegionCodesForCountryCode(cc)) {
        for (PhoneNumberType type : TYPES) {
          PhoneNumber example = "001".equals(region) ? UTIL.getExampleNumberForNonGeoEntity(cc)
              : UTIL.getExampleNumberForType(region, type);
          if (example != null) {
            numbers.add(example);
            for (int k = 0; k < VARIANTS_PER_EXAMPLE; k++) {
              numbers.add(mutated(example, r));
            }
          }
        }
      }
      for (int k = 0; k < NSN_PER_CODE; k++) {
        numbers.add(number(cc, randomDigits(r, 2 + r.nextInt(16))));
      }
      for (PhoneNumber n : numbers) {
        String what = "seed " + SEED + ", +" + cc + " " + PhoneNumbers.nationalSignificantNumber(n);
        boolean v = UTIL.isValidNumber(n);
        assertThat(phones.isValid(n)).as(what).isEqualTo(v);
        assertThat(phones.isPossible(n)).as(what).isEqualTo(UTIL.isPossibleNumber(n));
        valid += v ? 1 : 0;
        compared++;
      }
    }
    System.out.println("PhoneNumbersEquivalenceTest: " + compared + " numbers compared over "
        + UTIL.getSupportedCallingCodes().size() + " calling codes, " + valid + " valid");
    assertThat(valid).isGreaterThan(compared / 20);
  }

  @Test
  void commonShapesTakeTheFastPathAndUnusualOnesStillAgree() {
    for (String s : new String[] {"(201) 555-0123", "+1 201-555-0123", "+12015550123", "201.555.0123",
        "+44 20 7946 0018", "+44 (0)20 7946 0018", "+33 1 99 00 12 34", "+49 30 901820", "12015550123"}) {
      PhoneNumber fast = PhoneNumbers.forRegion("US").parseCommonShape(s);
      assertThat(fast).as(s).isNotNull();
      assertSame(fast, libParse(s, "US"), s);
    }
    for (String s : new String[] {"+1 201 555 0123 ext. 7", "tel:+1-201-555-0123", "201-555-CALL",
        "011 44 20 7946 0018", "+0 201 555 0123", "+999 1234 5678", "(+44) 20 7946 0018", "0044 20 7946 0018",
        "+1 201 555 0123;ext=12", "201/555/0123", "\uff0b1 201 555 0123", "+1 201 555 0123#"}) {
      for (String region : DEFAULT_REGIONS) {
        assertSame(PhoneNumbers.forRegion(region).parse(s), libParse(s, region), region + " '" + s + "'");
      }
    }
  }

  private static void assertSame(PhoneNumber actual, PhoneNumber expected, String what) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
      return;
    }
    assertThat(actual).as(what).isNotNull();
    assertThat(actual.exactlySameAs(expected)).as(what + ": " + actual + " vs " + expected).isTrue();
    assertThat(actual.hasItalianLeadingZero()).as(what).isEqualTo(expected.hasItalianLeadingZero());
    assertThat(actual.hasNumberOfLeadingZeros()).as(what).isEqualTo(expected.hasNumberOfLeadingZeros());
    assertThat(actual.hasCountryCode()).as(what).isEqualTo(expected.hasCountryCode());
    assertThat(actual.hasExtension()).as(what).isEqualTo(expected.hasExtension());
  }

  private static PhoneNumber libParse(String s, String region) {
    try {
      return UTIL.parse(s, region);
    } catch (NumberParseException e) {
      return null;
    }
  }

  /**
   * {@link PhoneValidator#factor} as it was written on plain libphonenumber calls (the structural rejects,
   * which do not call libphonenumber, are the validator's own).
   */
  private static double referenceFactor(String text, String region) {
    String s = text.strip();
    if (PhoneValidator.rejected(s)) {
      return 0;
    }
    PhoneNumber n = libParse(s, region);
    if (n == null) {
      return 0;
    }
    if (UTIL.isValidNumber(n)) {
      return 1;
    }
    return PhoneValidator.phoneShaped(s) && UTIL.isPossibleNumber(n) && PhoneValidator.nanpStructure(n)
        ? PhoneValidator.POSSIBLE_FACTOR : 0;
  }

  /** {@code ValueForms} phone normalisation as it was written on plain libphonenumber calls. */
  private static String referenceE164(String raw) {
    String s = raw.strip();
    try {
      return UTIL.format(UTIL.parse(s, ValueForms.PHONE_REGION), PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      String digits = s.replaceAll("[^0-9]", "");
      return s.startsWith("+") ? "+" + digits : digits;
    }
  }

  /** The match and no-match texts of the phone rules, and the phone-like runs inside them. */
  private static List<String> ruleExamples() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String> out = new ArrayList<>();
    for (String name : RULE_FILES) {
      try (InputStream in = PhoneNumbersEquivalenceTest.class.getResourceAsStream(
          "/dev/lagotto/rules/contact/" + name + ".yaml")) {
        assertThat(in).as(name).isNotNull();
        JsonNode examples = yaml.readTree(in).get("examples");
        for (String kind : new String[] {"match", "nomatch"}) {
          for (JsonNode e : examples.get(kind)) {
            String text = e.get("text").asText();
            out.add(text);
            if (e.has("find")) {
              out.add(e.get("find").asText());
            }
            Matcher m = PHONE_LIKE.matcher(text);
            while (m.find()) {
              out.add(m.group());
            }
          }
        }
      }
    }
    assertThat(out).hasSizeGreaterThan(40);
    return out;
  }

  /** 5-17 random digits in groups, random separators, maybe a leading {@code +}, {@code (}, or a trunk {@code (0)}. */
  private static String randomRun(Random r) {
    String digits = randomDigits(r, 5 + r.nextInt(13));
    StringBuilder out = new StringBuilder();
    switch (r.nextInt(8)) {
      case 0, 1 -> out.append('+');
      case 2 -> out.append('(');
      case 3 -> out.append("1-");
      default -> { }
    }
    int i = 0;
    while (i < digits.length()) {
      int group = 1 + r.nextInt(4);
      out.append(digits, i, Math.min(digits.length(), i + group));
      i += group;
      if (i < digits.length()) {
        int kind = r.nextInt(10);
        if (kind == 0) {
          out.append(" (0)");
        } else if (kind < 4) {
          out.append(SEPARATORS.charAt(r.nextInt(SEPARATORS.length())));
        } else if (kind == 4) {
          out.append(") ");
        }
      }
    }
    if (r.nextInt(20) == 0) {
      out.append(SEPARATORS.charAt(r.nextInt(SEPARATORS.length())));
    }
    return out.toString();
  }

  /** A North American shape: {@code (NXX) NXX-XXXX}, {@code NXX-NXX-XXXX}, {@code NXX.NXX.XXXX}, maybe a 1 first. */
  private static String nanp(Random r) {
    String a = randomDigits(r, 3);
    String b = randomDigits(r, 3);
    String c = randomDigits(r, 4);
    String prefix = r.nextInt(5) == 0 ? "1 " : r.nextInt(5) == 0 ? "+1 " : "";
    return prefix + switch (r.nextInt(4)) {
      case 0 -> "(" + a + ") " + b + "-" + c;
      case 1 -> a + "-" + b + "-" + c;
      case 2 -> a + "." + b + "." + c;
      default -> a + b + c;
    };
  }

  /** An example number with some of its last digits replaced, one dropped, or one added. */
  private static PhoneNumber mutated(PhoneNumber example, Random r) {
    StringBuilder nsn = new StringBuilder(UTIL.getNationalSignificantNumber(example));
    switch (r.nextInt(4)) {
      case 0 -> {
        int k = 1 + r.nextInt(Math.min(4, nsn.length()));
        for (int i = nsn.length() - k; i < nsn.length(); i++) {
          nsn.setCharAt(i, (char) ('0' + r.nextInt(10)));
        }
      }
      case 1 -> {
        if (nsn.length() > 3) {
          nsn.deleteCharAt(1 + r.nextInt(nsn.length() - 1));
        }
      }
      case 2 -> nsn.insert(1 + r.nextInt(nsn.length()), (char) ('0' + r.nextInt(10)));
      default -> nsn.setCharAt(r.nextInt(nsn.length()), (char) ('0' + r.nextInt(10)));
    }
    return number(example.getCountryCode(), nsn.toString());
  }

  /** A number as libphonenumber would hold national significant number {@code nsn}. */
  private static PhoneNumber number(int cc, String nsn) {
    PhoneNumber n = new PhoneNumber().setCountryCode(cc);
    if (nsn.length() > 1 && nsn.charAt(0) == '0') {
      n.setItalianLeadingZero(true);
      int zeros = 1;
      while (zeros < nsn.length() - 1 && nsn.charAt(zeros) == '0') {
        zeros++;
      }
      if (zeros != 1) {
        n.setNumberOfLeadingZeros(zeros);
      }
    }
    return n.setNationalNumber(Long.parseLong(nsn));
  }

  /** A number written as people write it: E.164, international or national format, or with a trunk (0). */
  private static String written(PhoneNumber n, Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> UTIL.format(n, PhoneNumberFormat.E164);
      case 1 -> UTIL.format(n, PhoneNumberFormat.INTERNATIONAL);
      case 2 -> UTIL.format(n, PhoneNumberFormat.NATIONAL);
      case 3 -> "+" + n.getCountryCode() + " (0)" + UTIL.getNationalSignificantNumber(n);
      default -> UTIL.format(n, PhoneNumberFormat.INTERNATIONAL).replace(' ', SEPARATORS.charAt(r.nextInt(3)));
    };
  }

  private static String randomDigits(Random r, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) ('0' + r.nextInt(10)));
    }
    return out.toString();
  }
}
