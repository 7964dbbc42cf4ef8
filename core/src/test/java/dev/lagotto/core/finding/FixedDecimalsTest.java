package dev.lagotto.core.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FixedDecimals} against its oracle, {@code String.format(Locale.ROOT, "%.Nf")}. */
class FixedDecimalsTest {
  private static String oracle(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static void check(double v, int decimals) {
    assertThat(FixedDecimals.format(v, decimals)).as("%s with %d decimals", Double.toString(v), decimals)
        .isEqualTo(oracle(v, decimals));
  }

  @Test
  void matchesFormatOnEdgeValues() {
    double[] values = {0.0, -0.0, 0.05, -0.05, 0.04, -0.04, 0.95, 9.95, 9.99995, -9.99995, 99.99995, 179.99996,
        48.85665, 48.85655, -33.86882, 151.20929, 0.001, 0.00099, 0.0005, 1e-9, 1e7, 1.5e300, 123456.78,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE,
        0.125, 0.375, 2.5, 1.45, 1.55, 1.0000000000000002};
    for (double v : values) {
      for (int d = 0; d <= 8; d++) {
        check(v, d);
      }
    }
  }

  @Test
  void matchesFormatOnRandomCoordinates() {
    long seed = System.nanoTime();
    System.out.println("FixedDecimalsTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 50_000; i++) {
      double v;
      switch (i % 4) {
        case 0 -> v = (random.nextDouble() * 360) - 180;
        case 1 -> v = Double.parseDouble(String.format(Locale.ROOT, "%.5f", random.nextDouble() * 180 - 90));
        case 2 -> v = (random.nextInt(3_600_000) - 1_800_000) / 10_000.0 + 0.00005;
        default -> v = Double.longBitsToDouble(random.nextLong());
      }
      check(v, 1 + i % 6);
    }
  }
}
