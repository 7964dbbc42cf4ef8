package dev.lagotto.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-wide tests against a byte-by-byte reference, on random words biased to the bounds. */
class ByteLanesTest {
  private static final int ROUNDS = 50_000;

  /** The high bit of each lane whose byte passes {@code test}. */
  private static long reference(byte[] lanes, java.util.function.IntPredicate test) {
    long out = 0;
    for (int k = 0; k < 8; k++) {
      if (test.test(lanes[k] & 0xff)) {
        out |= 0x80L << (8 * k);
      }
    }
    return out;
  }

  /** Eight bytes, each one of the given values, a neighbour of one, a high byte or any byte. */
  private static byte[] lanes(Random random, int... near) {
    byte[] b = new byte[8];
    for (int k = 0; k < 8; k++) {
      int v = near[random.nextInt(near.length)];
      b[k] = (byte) switch (random.nextInt(5)) {
        case 0 -> v;
        case 1 -> v - 1;
        case 2 -> v + 1;
        case 3 -> 128 + random.nextInt(128);
        default -> random.nextInt(256);
      };
    }
    return b;
  }

  @Test
  void loadPutsTheFirstByteInTheLowestLane() {
    byte[] b = {9, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xff};
    assertThat(ByteLanes.load(b, 1)).isEqualTo(0x0807060504030201L);
    assertThat(ByteLanes.load(b, 2) >>> 56).isEqualTo(0xffL);
  }

  @Test
  void laneTestsAreExactForEveryBound() {
    Random random = new Random(5);
    for (int round = 0; round < ROUNDS; round++) {
      int min = random.nextInt(128);
      int max = min + random.nextInt(128 - min);
      int atLeast = random.nextInt(129);
      int value = random.nextInt(256);
      byte[] b = lanes(random, min, max, atLeast, value);
      long word = ByteLanes.load(b, 0);
      String what = Arrays.toString(b);
      assertThat(ByteLanes.inRange(word, min, max)).as("%s in [%d, %d]", what, min, max)
          .isEqualTo(reference(b, v -> v >= min && v <= max));
      assertThat(ByteLanes.atLeast(word, atLeast)).as("%s >= %d", what, atLeast)
          .isEqualTo(reference(b, v -> v >= atLeast));
      assertThat(ByteLanes.equal(word, value)).as("%s == %d", what, value)
          .isEqualTo(reference(b, v -> v == value));
      long lanes = reference(b, v -> v == value);
      if (lanes != 0) {
        int first = 0;
        while ((b[first] & 0xff) != value) {
          first++;
        }
        assertThat(ByteLanes.firstLane(lanes)).isEqualTo(first);
      }
    }
  }
}
