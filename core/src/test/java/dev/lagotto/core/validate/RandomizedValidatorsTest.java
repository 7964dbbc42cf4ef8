package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import dev.lagotto.core.scan.ScanSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Property and differential tests with a printed seed; reproduce with -Dtests.seed=N. */
class RandomizedValidatorsTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());
  private static final int ROUNDS = 2_000;

  private static Random random() {
    System.out.println("RandomizedValidatorsTest seed: " + SEED + " (-Dtests.seed=" + SEED + ")");
    return new Random(SEED);
  }

  @Test
  void ipv6CanonicalTextAgreesWithGuavaAndRoundTrips() throws UnknownHostException {
    Random r = random();
    for (int i = 0; i < ROUNDS; i++) {
      byte[] a = new byte[16];
      for (int k = 0; k < 16; k++) {
        // mostly zero groups, so that compression is exercised
        a[k] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : 0;
      }
      a[0] = (byte) (0x20 + r.nextInt(2));
      String canonical = IpAddresses.canonical(a);
      assertThat(IpAddresses.parse(canonical)).as("seed %d: %s", SEED, canonical).isEqualTo(a);
      assertThat(canonical).as("seed %d", SEED).isEqualTo(InetAddresses.toAddrString(InetAddress.getByAddress(a)));
      assertThat(IpAddresses.parse(expanded(a))).as("seed %d", SEED).isEqualTo(a);
    }
  }

  private static String expanded(byte[] a) {
    int[] g = IpAddresses.groups(a);
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      out.append(k == 0 ? "" : ":").append(String.format("%04X", g[k]));
    }
    return out.toString();
  }

  @Test
  void everySingleDigitErrorBreaksLuhn() {
    Random r = random();
    for (int i = 0; i < ROUNDS; i++) {
      StringBuilder body = new StringBuilder("4");
      for (int k = 0; k < 14; k++) {
        body.append(r.nextInt(10));
      }
      String number = null;
      for (int d = 0; d < 10 && number == null; d++) {
        number = Luhn.valid(body + "" + d) ? body + "" + d : null;
      }
      assertThat(number).as("seed %d: one check digit fits", SEED).isNotNull();
      int pos = r.nextInt(number.length());
      char wrong = (char) ('0' + (number.charAt(pos) - '0' + 1 + r.nextInt(9)) % 10);
      String broken = number.substring(0, pos) + wrong + number.substring(pos + 1);
      assertThat(Luhn.valid(broken)).as("seed %d: %s", SEED, broken).isFalse();
      assertThat(CardValidator.brand(number)).isEqualTo("visa");
    }
  }

  @Test
  void validatorsGiveTheSameAnswersFromManyThreads() throws Exception {
    List<String> samples = List.of("+1 202-555-0143", "12:34:56", "jane@example.com", "logo@2x.png",
        "2001:db8::1", "10.0.0.1", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "48.8566, 2.3522");
    List<Validator> validators = new ArrayList<>();
    for (String name : Validators.names()) {
      validators.add(Validators.create(name, ScanSettings.DEFAULTS));
    }
    double[] expected = answers(validators, samples);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> answers(validators, samples)));
      }
      for (Future<double[]> f : futures) {
        assertThat(f.get()).containsExactly(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected).contains(0.0, 1.0, 0.6);
  }

  private static double[] answers(List<Validator> validators, List<String> samples) {
    double[] out = new double[validators.size() * samples.size()];
    int i = 0;
    for (Validator v : validators) {
      for (String s : samples) {
        out[i++] = Check.factor(v, s);
      }
    }
    return out;
  }

  /** The regular expression the hand-written {@link PhoneValidator#separatedDate} replaced: the oracle. */
  private static final java.util.regex.Pattern SEPARATED_DATE = java.util.regex.Pattern.compile(
      "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})|(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}|\\d{2})");

  @Test
  void separatedDateShapeAgreesWithTheRegex() {
    Random r = random();
    String alphabet = "0123456789-/. +";
    int dates = 0;
    for (int i = 0; i < ROUNDS * 20; i++) {
      StringBuilder s = new StringBuilder();
      int n = 1 + r.nextInt(12);
      for (int k = 0; k < n; k++) {
        s.append(r.nextInt(3) == 0 ? alphabet.charAt(10 + r.nextInt(5)) : alphabet.charAt(r.nextInt(10)));
      }
      boolean expected = SEPARATED_DATE.matcher(s).matches();
      dates += expected ? 1 : 0;
      assertThat(PhoneValidator.separatedDate(s)).as("seed %d: %s", SEED, s).isEqualTo(expected);
    }
    assertThat(dates).as("seed %d: some inputs are dates", SEED).isPositive();
  }

  @Test
  void tldDomainFromBytesAgreesWithTheStringPath() {
    Random r = random();
    String[] parts = {"a", "B", "x", ".", "@", "%40", "%4", "0", "-", "_", "com", "Example", ".org", " ", "\t"};
    for (int i = 0; i < ROUNDS * 5; i++) {
      StringBuilder s = new StringBuilder();
      int n = 1 + r.nextInt(8);
      for (int k = 0; k < n; k++) {
        s.append(parts[r.nextInt(parts.length)]);
      }
      byte[] b = s.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      int from = TldValidator.asciiDomainStart(b, 0, b.length);
      if (from >= 0) {
        int to = b.length > from && b[b.length - 1] == '.' ? b.length - 1 : b.length;
        String fast = new String(b, from, to - from, java.nio.charset.StandardCharsets.US_ASCII)
            .toLowerCase(java.util.Locale.ROOT);
        assertThat(fast).as("seed %d: %s", SEED, s).isEqualTo(TldValidator.domainOf(s.toString()));
      } else {
        assertThat(s.charAt(0) <= ' ' || s.charAt(s.length() - 1) <= ' ').as("seed %d: %s", SEED, s).isTrue();
      }
    }
  }
}
