package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.validate.reference.RefCardValidator;
import dev.lagotto.core.validate.reference.RefDateValidator;
import dev.lagotto.core.validate.reference.RefGeoLonLatValidator;
import dev.lagotto.core.validate.reference.RefGeoValidator;
import dev.lagotto.core.validate.reference.RefImeiValidator;
import dev.lagotto.core.validate.reference.RefIpValidator;
import dev.lagotto.core.validate.reference.RefMacValidator;
import dev.lagotto.core.validate.reference.RefMod97Validator;
import dev.lagotto.core.validate.reference.RefNifEsValidator;
import dev.lagotto.core.validate.reference.RefNinoValidator;
import dev.lagotto.core.validate.reference.RefPhoneValidator;
import dev.lagotto.core.validate.reference.RefSsnValidator;
import dev.lagotto.core.validate.reference.RefTldValidator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Differential tests of the validators' byte paths against the String logic they replaced (the frozen copies in
 * {@code reference}): the same factor for generated values in each validator's shapes (valid, near-valid, bad
 * checksums, odd separators, non-ASCII and invalid UTF-8 bytes, white space), embedded at a random offset in a
 * larger array with random bytes around, and for sub-spans of them. Each test also asserts that both kept and
 * dropped values occurred, so a generator that drifts off the shape fails. Seed printed; reproduce with
 * {@code -Dtests.seed=N}.
 */
class ByteValidatorsEquivalenceTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());
  private static final int ROUNDS = 20_000;
  /** Bytes mutations draw from besides the shape's own: separators, white space, non-ASCII, invalid UTF-8. */
  private static final String[] ODD = {" ", "-", ":", ".", ",", "/", "%", "+", "\t", "\n", "_", "@", "(", ")",
      "\u00e9", "\u00a0", "\u2003", "\uff11", "\u017f", "\u0131", "\u00b0", "'", "\"", "x", "Z", "0", "9"};
  private static final byte[][] RAW = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0x80}};

  private static Random random(String test) {
    System.out.println("ByteValidatorsEquivalenceTest." + test + " seed: " + SEED + " (-Dtests.seed=" + SEED + ")");
    return new Random(SEED ^ test.hashCode());
  }

  /** Outcomes of one test: how many values each side kept and dropped. */
  private static final class Tally {
    int kept;
    int dropped;

    void assertBoth(String what) {
      assertThat(kept).as("seed %d: %s: some values kept", SEED, what).isPositive();
      assertThat(dropped).as("seed %d: %s: some values dropped", SEED, what).isPositive();
    }
  }

  /**
   * Runs {@code rounds} values of {@code shape} (mutated one time in three) through both validators, embedded
   * in random bytes, and a random sub-span of each.
   */
  private static Tally compare(String test, Validator fresh, Validator reference, Function<Random, String> shape) {
    Random r = random(test);
    Tally tally = new Tally();
    for (int i = 0; i < ROUNDS; i++) {
      byte[] value = bytes(shape.apply(r));
      if (r.nextInt(3) == 0) {
        value = mutate(value, r);
      }
      byte[] before = filler(r);
      byte[] after = filler(r);
      byte[] all = new byte[before.length + value.length + after.length];
      System.arraycopy(before, 0, all, 0, before.length);
      System.arraycopy(value, 0, all, before.length, value.length);
      System.arraycopy(after, 0, all, before.length + value.length, after.length);
      int start = before.length;
      int end = start + value.length;
      double expected = reference.check(all, start, end);
      assertThat(fresh.check(all, start, end)).as("seed %d: %s", SEED, show(all, start, end)).isEqualTo(expected);
      if (expected > 0) {
        tally.kept++;
      } else {
        tally.dropped++;
      }
      int s = start + r.nextInt(3) - 1;
      int e = end + r.nextInt(3) - 1;
      if (s >= 0 && e <= all.length) {
        assertThat(fresh.check(all, s, e)).as("seed %d: %s", SEED, show(all, s, e))
            .isEqualTo(reference.check(all, s, e));
      }
    }
    return tally;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] filler(Random r) {
    byte[] out = new byte[r.nextInt(6)];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : (byte) (' ' + r.nextInt(95));
    }
    return out;
  }

  /** One to three edits: replace, insert or delete a byte, swap the case of a letter, or add white space. */
  private static byte[] mutate(byte[] value, Random r) {
    byte[] v = value;
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int at = v.length == 0 ? 0 : r.nextInt(v.length + 1);
      byte[] piece = r.nextInt(8) == 0 ? RAW[r.nextInt(RAW.length)] : bytes(ODD[r.nextInt(ODD.length)]);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      switch (r.nextInt(6)) {
        case 0 -> {
          out.write(v, 0, at);
          out.writeBytes(piece);
          out.write(v, Math.min(at + 1, v.length), v.length - Math.min(at + 1, v.length));
        }
        case 1 -> {
          out.write(v, 0, at);
          out.writeBytes(piece);
          out.write(v, at, v.length - at);
        }
        case 2 -> {
          out.write(v, 0, at);
          out.write(v, Math.min(at + 1, v.length), v.length - Math.min(at + 1, v.length));
        }
        case 3 -> {
          out.writeBytes(v);
          byte[] w = out.toByteArray();
          if (at < w.length && Character.isLetter(w[at])) {
            w[at] ^= 0x20;
          }
          out.reset();
          out.writeBytes(w);
        }
        case 4 -> {
          out.writeBytes(bytes(r.nextBoolean() ? " " : "\t"));
          out.writeBytes(v);
        }
        default -> {
          out.writeBytes(v);
          out.writeBytes(bytes(r.nextBoolean() ? " " : "\u2003"));
        }
      }
      v = out.toByteArray();
    }
    return v;
  }

  private static String show(byte[] b, int start, int end) {
    StringBuilder out = new StringBuilder("[" + start + "," + end + ") of '");
    for (byte c : b) {
      out.append(c >= ' ' && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c & 0xff));
    }
    return out.append('\'').toString();
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  private static String digits(Random r, int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append((char) ('0' + r.nextInt(10)));
    }
    return out.toString();
  }

  private static String hex(Random r, int n, boolean upper) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append((upper ? "0123456789ABCDEF" : "0123456789abcdef").charAt(r.nextInt(16)));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- tld

  private static String email(Random r) {
    StringBuilder s = new StringBuilder();
    if (r.nextInt(4) > 0) {
      s.append(pick(r, "jane.doe", "J.Smith+news", "a", "x_y", "info", "%2Bme", "user-1")).append(pick(r, "@", "@",
          "%40", "%40", "@a@", "%4"));
    }
    int labels = r.nextInt(4);
    for (int i = 0; i < labels; i++) {
      s.append(pick(r, "mail", "Example", "a-b", "x", "my_host", "123", "sub", "")).append('.');
    }
    s.append(pick(r, "com", "org", "co.uk", "example", "png", "local", "PNG", "js", "42", "invalid", "de", "Com",
        "app", "json", "zz", "museum", "c0m", "", "ZIP", "Map", "MOV", "App", "LOCAL"));
    if (r.nextInt(8) == 0) {
      s.append('.');
    }
    return s.toString();
  }

  @Test
  void tldAgreesWithTheStringPath() {
    compare("tld", new TldValidator(), new RefTldValidator(), ByteValidatorsEquivalenceTest::email).assertBoth("tld");
  }

  // ---------------------------------------------------------------- ip

  private static String ip(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> ipv4(r);
      default -> ipv6(r);
    };
  }

  private static String ipv4(Random r) {
    int[] firsts = {0, 10, 100, 127, 169, 172, 192, 198, 203, 224, 240, 255, 8, 1, 2};
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < 4; k++) {
      int v = k == 0 ? firsts[r.nextInt(firsts.length)] : r.nextInt(4) == 0 ? pickInt(r, 0, 2, 51, 64, 88, 99, 100,
          113, 168, 254, 255, 18, 19, 16, 31) : r.nextInt(256);
      s.append(k == 0 ? "" : ".").append(r.nextInt(40) == 0 ? "0" + v : String.valueOf(v));
    }
    if (r.nextInt(10) == 0) {
      s.append('.').append(r.nextInt(300));
    }
    return r.nextInt(10) == 0 ? "[" + s + "]" : s.toString();
  }

  private static int pickInt(Random r, int... options) {
    return options[r.nextInt(options.length)];
  }

  private static String ipv6(Random r) {
    byte[] a = new byte[16];
    int[] firsts = {0x2001, 0x2001, 0x3fff, 0xfc00, 0xfd12, 0xfe80, 0xff02, 0x0064, 0x0100, 0x2a00, 0x0000, 0x4000,
        0xdead, 0x1234, 0x0001};
    int first = firsts[r.nextInt(firsts.length)];
    a[0] = (byte) (first >>> 8);
    a[1] = (byte) first;
    int second = pickInt(r, 0x0db8, 0x0000, 0x01ff, 0xff9b, 0x0fff, r.nextInt(0x10000));
    a[2] = (byte) (second >>> 8);
    a[3] = (byte) second;
    for (int k = 4; k < 16; k++) {
      a[k] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : 0;
    }
    if (r.nextInt(6) == 0) {
      java.util.Arrays.fill(a, 0, 10, (byte) 0);
      a[10] = (byte) 0xff;
      a[11] = (byte) 0xff;
    }
    if (r.nextInt(10) == 0) {
      java.util.Arrays.fill(a, 0, 15, (byte) 0);
      a[15] = (byte) r.nextInt(3);
    }
    String text;
    switch (r.nextInt(5)) {
      case 0 -> text = IpAddresses.canonical(a);
      case 1, 2 -> {
        boolean upper = r.nextBoolean();
        int[] g = IpAddresses.groups(a);
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 8; k++) {
          String h = Integer.toHexString(g[k]);
          if (r.nextBoolean()) {
            h = "0".repeat(4 - h.length()) + h;
          }
          s.append(k == 0 ? "" : ":").append(upper ? h.toUpperCase(java.util.Locale.ROOT) : h);
        }
        text = s.toString();
      }
      case 3 -> {
        int[] g = IpAddresses.groups(a);
        StringBuilder s = new StringBuilder();
        int gapAt = r.nextInt(8);
        for (int k = 0; k < 6; k++) {
          s.append(k == gapAt ? ":" : "").append(Integer.toHexString(g[k])).append(':');
        }
        text = s.append(a[12] & 0xff).append('.').append(a[13] & 0xff).append('.').append(a[14] & 0xff).append('.')
            .append(a[15] & 0xff).toString();
      }
      default -> {
        StringBuilder s = new StringBuilder();
        int groups = r.nextInt(10);
        for (int k = 0; k < groups; k++) {
          s.append(k == 0 ? "" : r.nextInt(5) == 0 ? "::" : ":").append(hex(r, 1 + r.nextInt(5), r.nextBoolean()));
        }
        text = r.nextInt(4) == 0 ? "::" + s : s.toString();
      }
    }
    if (r.nextInt(10) == 0) {
      text += "%" + pick(r, "eth0", "1", "", "en_0.x-y", "a/b");
    }
    return r.nextInt(10) == 0 ? "[" + text + "]" : text;
  }

  @Test
  void ipAgreesWithTheStringPath() {
    compare("ip", new IpValidator(), new RefIpValidator(), ByteValidatorsEquivalenceTest::ip).assertBoth("ip");
    compare("ipNoPrivate", new IpValidator(false), new RefIpValidator(false), ByteValidatorsEquivalenceTest::ip)
        .assertBoth("ip without private addresses");
  }

  // ---------------------------------------------------------------- geo

  private static String number(Random r, int maxInt) {
    String sign = pick(r, "", "", "", "-", "+");
    String whole = r.nextInt(8) == 0 ? digits(r, 1 + r.nextInt(16)) : String.valueOf(r.nextInt(maxInt + 2));
    int decimals = pickInt(r, 0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 16);
    String frac = r.nextInt(5) == 0 ? "0".repeat(decimals) : r.nextInt(5) == 0 ? "5" + "0".repeat(Math.max(0,
        decimals - 1)) : digits(r, decimals);
    return sign + whole + (decimals == 0 && r.nextBoolean() ? "" : "." + frac);
  }

  private static String geo(Random r) {
    StringBuilder s = new StringBuilder();
    if (r.nextInt(10) == 0) {
      s.append(pick(r, "lat=", "\"lng\": ", "N ", "geo:", "@", "("));
    }
    s.append(number(r, 91));
    if (r.nextInt(15) == 0) {
      s.append(pick(r, "\u00b0", "N", "'", ".5"));
    }
    s.append(pick(r, ",", ", ", " ,", " , ", "\t", ";", "|", "; ", " ", ",,"));
    s.append(number(r, 181));
    if (r.nextInt(8) == 0) {
      s.append(pick(r, ",", ", ")).append(number(r, 200));
    }
    if (r.nextInt(15) == 0) {
      s.append(pick(r, "E", "W", "\u00b0", ".1.2", "z"));
    }
    return s.toString();
  }

  @Test
  void geoAgreesWithTheStringPath() {
    compare("geo", new GeoValidator(), new RefGeoValidator(), ByteValidatorsEquivalenceTest::geo).assertBoth("geo");
    compare("geoLonLat", new GeoLonLatValidator(), new RefGeoLonLatValidator(), ByteValidatorsEquivalenceTest::geo)
        .assertBoth("geo_lonlat");
  }

  @Test
  void geoNumbersReadFromBytesAreTheParsedDoubles() {
    Random r = random("geoNumbers");
    for (int i = 0; i < ROUNDS; i++) {
      String lat = (r.nextBoolean() ? "-" : "") + r.nextInt(90) + "." + digits(r, 2 + r.nextInt(11));
      String lon = r.nextInt(180) + "." + digits(r, 2 + r.nextInt(11));
      String pair = lat + "," + lon;
      byte[] b = bytes(pair);
      assertThat(GeoCoordinates.decideAscii(b, 0, b.length, false)).as("seed %d: %s", SEED, pair)
          .isEqualTo(new RefGeoValidator().check(b, 0, b.length) > 0 ? GeoCoordinates.PRESENT : GeoCoordinates.ABSENT);
    }
  }

  // ---------------------------------------------------------------- mac

  private static String mac(Random r) {
    boolean upper = r.nextBoolean();
    String[] pairs = new String[6];
    int kind = r.nextInt(4);
    for (int k = 0; k < 6; k++) {
      pairs[k] = kind == 0 ? digits(r, 2) : kind == 1 && k > 0 ? pairs[0] : hex(r, 2, upper);
    }
    if (r.nextInt(10) == 0) {
      java.util.Arrays.fill(pairs, pick(r, "00", "ff", "FF", "11", "12"));
    }
    return switch (r.nextInt(4)) {
      case 0 -> String.join(":", pairs);
      case 1 -> String.join("-", pairs);
      case 2 -> pairs[0] + pairs[1] + "." + pairs[2] + pairs[3] + "." + pairs[4] + pairs[5];
      default -> String.join(pick(r, ":", "-", "."), pairs) + (r.nextBoolean() ? ":" + hex(r, 2, upper) : "");
    };
  }

  @Test
  void macAgreesWithTheStringPath() {
    compare("mac", new MacValidator(), new RefMacValidator(), ByteValidatorsEquivalenceTest::mac).assertBoth("mac");
  }

  // ---------------------------------------------------------------- mod97

  /** An IBAN of a listed country with its check digits computed, or a near miss of one. */
  private static String iban(Random r) {
    String[] countries = {"GB", "DE", "FR", "NL", "NO", "RU", "ES", "IT", "BE", "XX", "QQ", "gb"};
    String country = countries[r.nextInt(countries.length)];
    int length = switch (country.toUpperCase(java.util.Locale.ROOT)) {
      case "GB", "DE" -> 22;
      case "FR", "IT" -> 27;
      case "NL" -> 18;
      case "NO" -> 15;
      case "RU" -> 33;
      case "ES" -> 24;
      case "BE" -> 16;
      default -> 10 + r.nextInt(20);
    };
    StringBuilder bban = new StringBuilder();
    for (int k = 4; k < length + r.nextInt(10) / 9; k++) {
      bban.append(r.nextInt(3) == 0 ? (char) ('A' + r.nextInt(26)) : (char) ('0' + r.nextInt(10)));
    }
    String upper = country.toUpperCase(java.util.Locale.ROOT);
    int check = 98 - remainder(bban + upper + "00");
    if (r.nextInt(6) == 0) {
      check = pickInt(r, 0, 1, 99, (check + 1) % 100);
    }
    String iban = country + (check < 10 ? "0" : "") + check + bban;
    if (r.nextBoolean()) {
      StringBuilder spaced = new StringBuilder();
      for (int k = 0; k < iban.length(); k++) {
        spaced.append(k > 0 && k % 4 == 0 ? pick(r, " ", " ", " ", "", "  ") : "").append(iban.charAt(k));
      }
      iban = spaced.toString();
    }
    return r.nextInt(5) == 0 ? iban.toLowerCase(java.util.Locale.ROOT) : iban;
  }

  private static int remainder(String s) {
    int m = 0;
    for (char c : s.toCharArray()) {
      m = c <= '9' ? (m * 10 + c - '0') % 97 : (m * 100 + c - 'A' + 10) % 97;
    }
    return m;
  }

  @Test
  void mod97AgreesWithTheStringPath() {
    compare("mod97", new Mod97Validator(), new RefMod97Validator(), ByteValidatorsEquivalenceTest::iban)
        .assertBoth("mod97");
  }

  // ---------------------------------------------------------------- card, ssn, imei

  /** Digits with a Luhn check digit appended (or a wrong one), grouped by one or two separator kinds. */
  private static String luhnNumber(Random r, String prefix, int length, String separators) {
    StringBuilder body = new StringBuilder(prefix);
    while (body.length() < length - 1) {
      body.append((char) ('0' + r.nextInt(10)));
    }
    int digit = 0;
    while (!RefLuhnCheck.valid(body.toString() + digit)) {
      digit++;
    }
    if (r.nextInt(5) == 0) {
      digit = (digit + 1 + r.nextInt(9)) % 10;
    }
    String number = body.toString() + digit;
    if (r.nextInt(3) == 0) {
      return number;
    }
    char sep = separators.charAt(r.nextInt(separators.length()));
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < number.length(); k++) {
      if (k > 0 && k % 4 == 0) {
        out.append(r.nextInt(12) == 0 ? separators.charAt(r.nextInt(separators.length())) : sep);
      }
      out.append(number.charAt(k));
    }
    return out.toString();
  }

  /** The Luhn check, written out here so that the generator does not depend on the code under test. */
  private static final class RefLuhnCheck {
    static boolean valid(String digits) {
      int sum = 0;
      for (int i = 0; i < digits.length(); i++) {
        int d = digits.charAt(digits.length() - 1 - i) - '0';
        sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
      }
      return sum % 10 == 0;
    }
  }

  private static String card(Random r) {
    String prefix = pick(r, "4", "4", "51", "55", "2221", "2720", "34", "37", "6011", "644", "65", "3528", "300",
        "3095", "36", "38", "62", "81", "5018", "6304", "6761", "1", "99", "4444444444444444");
    int length = pickInt(r, 12, 13, 14, 15, 16, 16, 16, 17, 18, 19, 20);
    return r.nextInt(20) == 0 ? prefix.repeat(4) : luhnNumber(r, prefix, Math.max(length, prefix.length() + 1), " -");
  }

  @Test
  void cardAgreesWithTheStringPath() {
    compare("card", new CardValidator(), new RefCardValidator(), ByteValidatorsEquivalenceTest::card)
        .assertBoth("card");
  }

  private static String ssn(Random r) {
    String area = pick(r, "000", "666", "900", "999", "078", "219", "123", String.format("%03d", r.nextInt(1000)),
        String.format("%03d", r.nextInt(900)));
    String group = pick(r, "00", "05", "09", "45", String.format("%02d", r.nextInt(100)));
    String serial = pick(r, "0000", "1120", "9999", "6789", String.format("%04d", r.nextInt(10000)));
    String sep = pick(r, "-", "-", " ", "", "--", "/");
    return r.nextInt(20) == 0 ? digits(r, 1).repeat(9) : area + sep + group + (r.nextInt(10) == 0 ? " " : sep)
        + serial;
  }

  @Test
  void ssnAgreesWithTheStringPath() {
    compare("ssn", new SsnValidator(), new RefSsnValidator(), ByteValidatorsEquivalenceTest::ssn).assertBoth("ssn");
  }

  private static String imei(Random r) {
    String prefix = pick(r, "35", "49", "00", "01", "99");
    int length = pickInt(r, 14, 15, 15, 15, 16);
    String number = luhnNumber(r, prefix, length, " -/");
    return r.nextInt(20) == 0 ? digits(r, 1).repeat(15) : number;
  }

  @Test
  void imeiAgreesWithTheStringPath() {
    compare("imei", new ImeiValidator(), new RefImeiValidator(), ByteValidatorsEquivalenceTest::imei)
        .assertBoth("imei");
  }

  // ---------------------------------------------------------------- nino, nif_es

  private static String nino(Random r) {
    String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    String prefix = r.nextInt(8) == 0 ? pick(r, "BG", "GB", "KN", "NK", "NT", "TN", "ZZ", "QQ", "AO")
        : "" + letters.charAt(r.nextInt(26)) + letters.charAt(r.nextInt(26));
    String six = r.nextInt(15) == 0 ? digits(r, 1).repeat(6) : digits(r, 6);
    String sep = pick(r, "", " ", "  ");
    String suffix = pick(r, "", "A", "B", "C", "D", "E", "a", "d", "1");
    String text = prefix + sep + six.substring(0, 2) + sep + six.substring(2, 4) + sep + six.substring(4) + sep
        + suffix;
    return r.nextInt(5) == 0 ? text.toLowerCase(java.util.Locale.ROOT) : text;
  }

  @Test
  void ninoAgreesWithTheStringPath() {
    compare("nino", new NinoValidator(), new RefNinoValidator(), ByteValidatorsEquivalenceTest::nino)
        .assertBoth("nino");
  }

  private static String nif(Random r) {
    String letters = "TRWAGMYFPDXBNJZSQVHLCKE";
    boolean nie = r.nextBoolean();
    String lead = nie ? pick(r, "X", "Y", "Z", "x", "W") : "";
    String number = digits(r, nie ? 7 : 8);
    if (r.nextInt(20) == 0) {
      number = "0".repeat(number.length());
    }
    long n = Long.parseLong(("XYZ".indexOf(lead.toUpperCase(java.util.Locale.ROOT)) >= 0
        ? "XYZ".indexOf(lead.toUpperCase(java.util.Locale.ROOT)) : 0) + number);
    char letter = letters.charAt((int) (n % 23));
    if (r.nextInt(5) == 0) {
      letter = letters.charAt(r.nextInt(23));
    }
    String l = r.nextInt(5) == 0 ? String.valueOf(Character.toLowerCase(letter)) : String.valueOf(letter);
    return lead + pick(r, "", "", "-") + number + pick(r, "", "", "-", " ", "--") + l;
  }

  @Test
  void nifEsAgreesWithTheStringPath() {
    compare("nif_es", new NifEsValidator(), new RefNifEsValidator(), ByteValidatorsEquivalenceTest::nif)
        .assertBoth("nif_es");
  }

  // ---------------------------------------------------------------- phone

  private static String phone(Random r) {
    String area = pick(r, "202", "415", "212", "555", "100", "911", String.valueOf(200 + r.nextInt(800)));
    String exchange = pick(r, "555", "010", "456", String.valueOf(100 + r.nextInt(900)));
    String line = pick(r, "0143", "0199", digits(r, 4));
    return switch (r.nextInt(12)) {
      case 0 -> "(" + area + ") " + exchange + "-" + line;
      case 1 -> area + pick(r, ".", "-", " ", "") + exchange + pick(r, ".", "-", " ") + line;
      case 2 -> pick(r, "+1 ", "+1-", "1 ", "1-", "+1", "1") + area + pick(r, " ", "-", ".") + exchange + pick(r,
          " ", "-") + line;
      case 3 -> pick(r, "+", "") + digits(r, 9 + r.nextInt(7));
      case 4 -> "+" + pick(r, "44", "33", "49", "39", "34", "31", "61", "81", "86", "91", "7", "352", "800", "882",
          "0", "999") + pick(r, " ", "-", ".", " (0) ", "") + digits(r, 1 + r.nextInt(4)) + pick(r, " ", "-", ".")
          + digits(r, 2 + r.nextInt(6)) + (r.nextBoolean() ? pick(r, " ", "-") + digits(r, 2 + r.nextInt(4)) : "");
      case 5 -> pick(r, "0", "00", "011", "0044", "0033") + digits(r, 6 + r.nextInt(8));
      case 6 -> pick(r, "2024-03-12", "12.03.1985", "20240312", "12031985", "03121985", "1985/3/12", "12:34:56",
          "31-12-99", "2024-13-45", "19991231", "20250229");
      case 7 -> "0" + digits(r, 1) + pick(r, " ", ".", "") + digits(r, 2) + pick(r, " ", ".", "") + digits(r, 2)
          + pick(r, " ", ".", "") + digits(r, 2) + pick(r, " ", ".", "") + digits(r, 2);
      case 8 -> "+" + digits(r, 1 + r.nextInt(3)) + " " + digits(r, 3) + " " + digits(r, 3) + " " + digits(r, 4);
      case 9 -> digits(r, 1).repeat(10);
      case 10 -> pick(r, "+1 (202) 555-0143", "+44 20 7946 0958", "+33 1 23 45 67 89", "+49 30 901820",
          "+1 800 555 0199", "0800 123 4567", "020 7946 0958", "01 23 45 67 89", "+1 202 555 0143 ext. 12",
          "1-800-FLOWERS", "+00 123 456 789");
      default -> digits(r, 10 + r.nextInt(6));
    };
  }

  @Test
  void phoneAgreesWithTheStringPath() {
    for (String region : new String[] {"US", "FR", "GB", "DE"}) {
      compare("phone" + region, new PhoneValidator(region), new RefPhoneValidator(region),
          ByteValidatorsEquivalenceTest::phone).assertBoth("phone " + region);
    }
  }

  @Test
  void phoneAgreesWithLibphonenumber() {
    compare("phoneLibphonenumber", new PhoneValidator("US"),
        new RefPhoneValidator(PhoneNumbers.libphonenumberOnly("US")), ByteValidatorsEquivalenceTest::phone)
        .assertBoth("phone against libphonenumber");
  }

  // ---------------------------------------------------------------- date

  private static String date(Random r) {
    String sep = pick(r, "-", "/", ".", "-", " ", "_");
    String sep2 = r.nextInt(10) == 0 ? pick(r, "-", "/", ".") : sep;
    String year = pick(r, "1985", "1900", "1899", "2000", "2026", "2027", "2099", "0000", "85", digits(r, 4));
    String month = pick(r, "1", "01", "02", "12", "13", "0", "00", "9", String.valueOf(r.nextInt(14)));
    String day = pick(r, "1", "01", "29", "30", "31", "32", "0", "28", "12", String.valueOf(r.nextInt(33)));
    return switch (r.nextInt(6)) {
      case 0, 1 -> year + sep + month + sep2 + day;
      case 2, 3 -> day + sep + month + sep2 + year;
      case 4 -> month + sep + day + sep2 + year;
      default -> pick(r, "12 March 1985", "March 12, 1985", "12th Mar 1985", "1 Sept 1999", "12 Foo 1985",
          "Mar 30, 2030", " 1985-03-12", "1985-03-12 ", "29 February 2000");
    };
  }

  @Test
  void dateAgreesWithTheStringPath() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    compare("date", new DateValidator(clock), new RefDateValidator(clock), ByteValidatorsEquivalenceTest::date)
        .assertBoth("date");
    Clock tokyo = Clock.fixed(Instant.parse("2026-11-30T20:00:00Z"), ZoneId.of("Asia/Tokyo"));
    compare("dateTokyo", new DateValidator(tokyo), new RefDateValidator(tokyo), ByteValidatorsEquivalenceTest::date)
        .assertBoth("date in Tokyo");
  }

  // ---------------------------------------------------------------- the byte paths decide the common shapes

  @Test
  void commonPhoneShapesAreDecidedFromTheBytes() {
    PhoneValidator us = new PhoneValidator("US");
    for (String text : new String[] {"(202) 555-0143", "202-555-0143", "202.555.0143", "+1 202 555 0143",
        "+44 20 7946 0958", "+33 1 23 45 67 89", "2025550143", "+12025550143", "12025550143", "9876543210"}) {
      byte[] b = bytes("x " + text + " y");
      assertThat(us.factorAscii(b, 2, 2 + text.length())).as(text).isNotEqualTo(PhoneNumbers.UNDECIDED)
          .isEqualTo(new RefPhoneValidator("US").check(b, 2, 2 + text.length()));
    }
  }

  @Test
  void numericDatesAreDecidedFromTheBytes() {
    int today = 2026_11_30;
    for (String text : new String[] {"1985-03-12", "12/03/1985", "03/12/1985", "12.03.1985", "2026-12-01",
        "1899-12-31", "31-02-1990"}) {
      byte[] b = bytes(text);
      assertThat(BirthDates.plausibleAscii(b, 0, b.length, today)).as(text).isNotEqualTo(BirthDates.UNDECIDED);
    }
    assertThat(BirthDates.plausibleAscii(bytes("1985-03-12"), 0, 10, today)).isEqualTo(BirthDates.PLAUSIBLE);
    assertThat(BirthDates.plausibleAscii(bytes("2026-12-01"), 0, 10, today)).isEqualTo(BirthDates.IMPLAUSIBLE);
  }
}
