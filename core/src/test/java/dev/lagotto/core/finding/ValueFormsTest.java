package dev.lagotto.core.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.lagotto.core.rule.Category;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueFormsTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // category, raw, normalised, masked
        arguments(Category.EMAIL, " Jane.Doe@Example.COM ", "jane.doe@example.com", "j***@example.com"),
        arguments(Category.EMAIL, "jane.doe%40example.com", "jane.doe@example.com", "j***@example.com"),
        arguments(Category.EMAIL, "mailto:J@example.org", "j@example.org", "***@example.org"),
        arguments(Category.EMAIL, "<jane%2Bnews@Example.org>", "jane+news@example.org", "j***@example.org"),
        arguments(Category.IPV4, "203.0.113.7", "203.0.113.7", "203.0.113.x"),
        arguments(Category.IPV6, "2001:DB8:0:0:0:0:0:1", "2001:db8::1", "2001:db8:x:..."),
        arguments(Category.IPV6, "fe80::0001%eth0", "fe80::1", "fe80:0:x:..."),
        arguments(Category.IPV6, "::FFFF:192.0.2.1", "::ffff:192.0.2.1", "0:0:x:..."),
        arguments(Category.PHONE, "(202) 555-0143", "+12025550143", "(***) ***-**43"),
        arguments(Category.PHONE, "+44 20 7946 0018", "+442079460018", "+** ** **** **18"),
        arguments(Category.CREDIT_CARD, "4111-1111-1111-1111", "4111111111111111", "4111 **** **** 1111"),
        arguments(Category.CREDIT_CARD, "3782 822463 10005", "378282246310005", "3782 **** **** 0005"),
        arguments(Category.IBAN, "gb82 west 1234 5698 7654 32", "GB82WEST12345698765432", "GB82****************32"),
        arguments(Category.MAC_ADDRESS, "00-1A-2B-3C-4D-5E", "00:1a:2b:3c:4d:5e", "0***************E"),
        arguments(Category.MAC_ADDRESS, "001a.2b3c.4d5e", "00:1a:2b:3c:4d:5e", "0************e"),
        arguments(Category.GEO_COORDINATES, "48°51'24\"N 2°21'08\"E", "48.8567,2.3522", "48.9,2.4"),
        arguments(Category.GEO_COORDINATES, "-33.86882, 151.20929", "-33.8688,151.2093", "-33.9,151.2"),
        arguments(Category.PERSON_NAME, "  Jane   Roe ", "jane roe", "J*** R***"),
        arguments(Category.NATIONAL_ID, "536-22-1234", "536221234", "5*********4"),
        arguments(Category.NATIONAL_ID, "ab 12 34 56 c", "AB123456C", "a***********c"),
        arguments(Category.DATE_OF_BIRTH, " 1985-03-12 ", "1985-03-12", "1********2"),
        arguments(Category.SESSION_ID, "JSESSIONID=abc", "JSESSIONID=abc", "J************c"),
        arguments(Category.DEVICE_ID, "ab", "ab", "***"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void normalisesAndMasksEachCategory(Category category, String raw, String normalised, String masked) {
    assertThat(ValueForms.normalise(category, raw)).isEqualTo(normalised);
    assertThat(ValueForms.mask(category, raw)).isEqualTo(masked);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void maskNeverRevealsTheValue(Category category, String raw, String normalised, String masked) {
    String m = ValueForms.mask(category, raw);
    assertThat(m).isNotEqualToIgnoringCase(raw.strip()).doesNotContainIgnoringCase(normalised);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void normalisingIsIdempotent(Category category, String raw, String normalised, String masked) {
    assertThat(ValueForms.normalise(category, normalised)).isEqualTo(normalised);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void bothFormsAtOnceAreTheFormsOneByOne(Category category, String raw, String normalised, String masked) {
    assertThat(ValueForms.forms(category, raw)).isEqualTo(new ValueForms.Forms(normalised, masked));
  }

  @ParameterizedTest
  @MethodSource("unparsable")
  void bothFormsAtOnceFallBackLikeTheFormsOneByOne(Category category, String raw) {
    assertThat(ValueForms.forms(category, raw))
        .isEqualTo(new ValueForms.Forms(ValueForms.normalise(category, raw), ValueForms.mask(category, raw)));
  }

  @Test
  void anEmptyValueHasEmptyForms() {
    for (Category c : Category.values()) {
      assertThat(ValueForms.forms(c, "  ").masked()).as(c.id()).isEmpty();
      assertThat(ValueForms.forms(c, null)).as(c.id())
          .isEqualTo(new ValueForms.Forms(ValueForms.normalise(c, null), ValueForms.mask(c, null)));
    }
  }

  /** The forms the loops replaced regular expressions for, against those expressions. */
  @Test
  void whiteSpaceAndCharacterClassFormsMatchTheirRegexes() {
    String[] samples = {"gb82 west\t1234\u000B5698\f7654\r32", "Jane \t\n Roe  de\u000BVries", "ab-12.34/56 c",
        "4111\u00a01111 1111-1111", "Zoë  Ünal", "İlker Şahin"};
    for (String raw : samples) {
      String s = raw.strip();
      assertThat(ValueForms.normalise(Category.IBAN, raw)).isEqualTo(s.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
      assertThat(ValueForms.normalise(Category.PERSON_NAME, raw))
          .isEqualTo(s.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
      assertThat(ValueForms.normalise(Category.NATIONAL_ID, raw))
          .isEqualTo(s.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT));
      assertThat(ValueForms.normalise(Category.CREDIT_CARD, raw)).isEqualTo(s.replaceAll("[^0-9]", ""));
      StringBuilder initials = new StringBuilder();
      for (String part : s.split("\\s+")) {
        initials.append(initials.length() > 0 ? " " : "").appendCodePoint(part.codePointAt(0)).append("***");
      }
      assertThat(ValueForms.mask(Category.PERSON_NAME, raw)).isEqualTo(initials.toString());
    }
  }

  /** {@link ValueForms#forms} against {@link ValueForms#normalise} and {@link ValueForms#mask} on random look-alikes. */
  @Test
  void bothFormsAtOnceMatchTheFormsOneByOneOnRandomValues() {
    long seed = System.nanoTime();
    System.out.println("ValueFormsTest seed " + seed);
    Random random = new Random(seed);
    String[] alphabets = {"0123456789.", "0123456789.[]%e", "0123456789abcdefABCDEF:.%[]", "ab.@%4012<>mailto:XZ ",
        "0123456789., -+NSEW°'\"latlon=&"};
    Category[] categories = {Category.IPV4, Category.IPV4, Category.IPV6, Category.EMAIL, Category.GEO_COORDINATES};
    for (int i = 0; i < 20_000; i++) {
      int which = i % alphabets.length;
      StringBuilder raw = new StringBuilder();
      int n = 1 + random.nextInt(24);
      for (int j = 0; j < n; j++) {
        raw.append(alphabets[which].charAt(random.nextInt(alphabets[which].length())));
      }
      if (which == 0 && random.nextBoolean()) {
        raw.setLength(0);
        raw.append(random.nextInt(300)).append('.').append(random.nextInt(300)).append('.')
            .append(random.nextInt(256)).append('.').append(random.nextInt(10) == 0 ? "0" + random.nextInt(9) : random.nextInt(256));
      }
      String value = raw.toString();
      for (Category c : new Category[] {categories[which], Category.CREDIT_CARD, Category.IBAN}) {
        assertThat(ValueForms.forms(c, value)).as("%s %s (seed %d)", c, value, seed)
            .isEqualTo(new ValueForms.Forms(ValueForms.normalise(c, value), ValueForms.mask(c, value)));
      }
    }
  }

  static Stream<Arguments> unparsable() {
    return Stream.of(arguments(Category.IPV4, "not an ip"), arguments(Category.PHONE, "call me"),
        arguments(Category.CREDIT_CARD, "4111"), arguments(Category.GEO_COORDINATES, "north pole"),
        arguments(Category.IBAN, "GB82"), arguments(Category.EMAIL, "@"), arguments(Category.MAC_ADDRESS, "x"));
  }

  @ParameterizedTest
  @MethodSource("unparsable")
  void unparsableValuesFallBackToTheGenericForms(Category category, String raw) {
    assertThat(ValueForms.mask(category, raw)).isNotEqualTo(raw).doesNotContain(raw);
    assertThat(ValueForms.normalise(category, raw)).isNotNull();
  }
}
