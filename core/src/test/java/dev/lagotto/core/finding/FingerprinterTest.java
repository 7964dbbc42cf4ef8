package dev.lagotto.core.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class FingerprinterTest {
  private static final byte[] KEY = new byte[20];

  static {
    Arrays.fill(KEY, (byte) 0x0b);
  }

  /** A fresh {@link Mac} per value: the form the fingerprinter had before it kept one per thread. */
  private static String reference(byte[] key, String value) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void givesTheRfc4231Hmac() {
    // RFC 4231 test case 1: key 20 x 0x0b, data "Hi There"
    assertThat(new Fingerprinter(KEY).fingerprint("Hi There"))
        .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  }

  @Test
  void hashesAKeyLongerThanABlockFirst() {
    // RFC 4231 test case 6: key 131 x 0xaa
    byte[] key = new byte[131];
    Arrays.fill(key, (byte) 0xaa);
    assertThat(new Fingerprinter(key).fingerprint("Test Using Larger Than Block-Size Key - Hash Key First"))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }

  @Test
  void matchesTheJdkMacOnRandomKeysAndValues() throws Exception {
    long seed = System.nanoTime();
    System.out.println("FingerprinterTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 300; i++) {
      byte[] key = new byte[Fingerprinter.MIN_KEY_BYTES + random.nextInt(150)];
      random.nextBytes(key);
      Fingerprinter f = new Fingerprinter(key);
      StringBuilder value = new StringBuilder();
      int n = random.nextInt(i % 10 == 0 ? 300 : 60);
      for (int j = 0; j < n; j++) {
        value.appendCodePoint(random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f));
      }
      assertThat(f.fingerprint(value.toString())).as("seed %d, case %d", seed, i)
          .isEqualTo(reference(key, value.toString()));
    }
  }

  @Test
  void repeatedCallsDoNotCarryStateOver() throws Exception {
    Fingerprinter f = new Fingerprinter(KEY);
    for (String v : List.of("jane.doe@example.com", "", "203.0.113.7", "jane.doe@example.com", "zoë@example.org")) {
      assertThat(f.fingerprint(v)).as(v).isEqualTo(reference(KEY, v));
    }
  }

  @Test
  void givesEveryThreadTheSameFingerprints() throws Exception {
    Fingerprinter f = new Fingerprinter(KEY);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      values.add("user" + i + "@example.com");
    }
    List<String> expected = new ArrayList<>();
    for (String v : values) {
      expected.add(reference(KEY, v));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> values.stream().map(f::fingerprint).toList()));
      }
      for (Future<List<String>> r : results) {
        assertThat(r.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keysDifferFingerprintsDiffer() {
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertThat(new Fingerprinter(KEY).fingerprint("203.0.113.7"))
        .isNotEqualTo(new Fingerprinter(other).fingerprint("203.0.113.7"));
  }

  @Test
  void refusesAShortKey() {
    assertThatThrownBy(() -> new Fingerprinter(new byte[Fingerprinter.MIN_KEY_BYTES - 1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15 bytes");
  }
}
