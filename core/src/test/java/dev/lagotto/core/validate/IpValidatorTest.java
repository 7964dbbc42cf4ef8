package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpValidatorTest {
  private final Validator ip = new IpValidator(true);

  @ParameterizedTest
  @CsvSource({
      "8.8.8.8, PUBLIC", "1.1.1.1, PUBLIC", "203.0.113.7, DOCUMENTATION", "198.51.100.23, DOCUMENTATION",
      "192.0.2.1, DOCUMENTATION", "10.0.0.1, PRIVATE", "172.16.5.4, PRIVATE", "172.31.255.255, PRIVATE",
      "172.32.0.1, PUBLIC", "192.168.1.1, PRIVATE", "100.64.0.1, PRIVATE", "100.128.0.1, PUBLIC",
      "127.0.0.1, LOOPBACK", "0.0.0.0, UNSPECIFIED", "0.1.2.3, RESERVED", "169.254.10.20, LINK_LOCAL",
      "224.0.0.251, MULTICAST", "239.255.255.250, MULTICAST", "255.255.255.255, BROADCAST",
      "240.0.0.1, RESERVED", "198.18.0.1, RESERVED", "198.19.255.1, RESERVED", "198.20.0.1, PUBLIC",
      "192.0.0.8, RESERVED", "192.88.99.1, RESERVED",
      "2001:db8::1, DOCUMENTATION", "2001:DB8:0:0:0:0:0:1, DOCUMENTATION", "3fff::42, DOCUMENTATION",
      "2606:4700:4700::1111, PUBLIC", "::, UNSPECIFIED", "::1, LOOPBACK", "fe80::1, LINK_LOCAL",
      "fe80::1%eth0, LINK_LOCAL", "fd12:3456:789a::1, PRIVATE", "ff02::1, MULTICAST",
      "::ffff:192.0.2.1, DOCUMENTATION", "::ffff:10.1.2.3, PRIVATE", "::ffff:127.0.0.1, LOOPBACK",
      "64:ff9b::203.0.113.9, DOCUMENTATION", "64:ff9b:1::1, PRIVATE", "100::1, RESERVED", "2001::1, RESERVED",
      "2002:c000:204::1, PUBLIC", "dead::beef, RESERVED", "::192.0.2.1, RESERVED", "[2001:db8::7], DOCUMENTATION"})
  void classifiesByTheIanaRegistries(String text, IpClass expected) {
    assertThat(IpValidator.classify(text)).isEqualTo(expected);
  }

  @Test
  void theByteReadingOfIpv4AgreesWithTheTextReading() {
    long seed = System.nanoTime();
    System.out.println("IpValidatorTest seed " + seed);
    java.util.Random random = new java.util.Random(seed);
    String alphabet = "0123456789.....:a";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(17);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      if (t.charAt(0) < '0' || t.charAt(0) > '9' || t.indexOf(':') >= 0) {
        continue;
      }
      byte[] padded = ("x" + t + "y").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(IpAddresses.classifyIpv4(padded, 1, padded.length - 1)).as("seed %d: %s", seed, t)
          .isEqualTo(IpAddresses.classify(t));
    }
  }

  @ParameterizedTest
  @CsvSource({"203.0.113.7, 1.0", "8.8.8.8, 1.0", "10.0.0.1, 0.6", "169.254.1.1, 0.6", "240.1.2.3, 0.3",
      "127.0.0.1, 0", "0.0.0.0, 0", "::, 0", "::1, 0", "255.255.255.255, 0", "224.0.0.1, 0",
      "2001:db8::1, 1.0", "fe80::1%eth0, 0.6",
      "a9ba:4e20:a67e:234c:5b82:976e:a0b3:7ed7, 0.7", "a9ba::7ed7, 0.3", "0000:0000:0000:0000:0000:0000:c000:0201, 0.3",
      "0100:0000:0000:0000:0000:0000:0000:0001, 0.3", "52:54:00:12:34:56:52:54, 0.3"})
  void factorFollowsTheClass(String text, double factor) {
    assertThat(Check.factor(ip, text)).isEqualTo(factor);
  }

  @Test
  void privateAddressesDropWhenNotReported() {
    Validator noPrivate = new IpValidator(false);
    assertThat(Check.factor(noPrivate, "192.168.0.10")).isZero();
    assertThat(Check.factor(noPrivate, "fd00::1")).isZero();
    assertThat(Check.factor(noPrivate, "203.0.113.7")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3", "1.2.3.4.5", "1.3.6.1.4.1.2021", "6.1.7601.17514", "256.1.1.1", "01.02.03.04",
      "1.2.3.04", "12:34:56", "12:34:56:78:90:ab", "Foo::bar", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7:8::", "2001:db8::1%", "2001:db8::1%eth 0", "2001:db8:::1", "12345::1", ":1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:", "::ffff:192.0.2", "::ffff:192.0.2.256", "1.2.3.4 ", "abc"})
  void nonAddressesAreDropped(String text) {
    assertThat(IpAddresses.parse(text)).isNull();
    assertThat(Check.factor(ip, text)).isZero();
  }

  @ParameterizedTest
  @CsvSource({"2001:DB8:0:0:0:0:0:1, 2001:db8::1", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:0db8:0000:0000:0000:ff00:0042:8329, 2001:db8::ff00:42:8329", "0:0:0:0:0:0:0:0, ::",
      "0:0:0:0:0:0:0:1, ::1", "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1", "fe80:0:0:0:0:0:0:0, fe80::",
      "::FFFF:C000:0201, ::ffff:192.0.2.1", "203.0.113.7, 203.0.113.7", "1:0:0:2:0:0:0:3, 1:0:0:2::3"})
  void canonicalTextIsRfc5952(String text, String canonical) {
    assertThat(IpAddresses.canonical(IpAddresses.parse(text))).isEqualTo(canonical);
  }
}
