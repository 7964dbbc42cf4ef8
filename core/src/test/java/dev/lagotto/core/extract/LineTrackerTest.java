package dev.lagotto.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineTrackerTest {
  private static final byte[] ALPHABET = {'a', ' ', '\n', '\n', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82,
      (byte) 0xAC, (byte) 0xF0, (byte) 0x9D, (byte) 0x84, (byte) 0x9E, (byte) 0xFF, (byte) 0x80, (byte) 0x8A, 0x0A, 0x0B, 0x09};

  @Test
  void matchesAByteByByteCountOnRandomBytesAndSteps() {
    long seed = System.nanoTime();
    System.out.println("LineTrackerTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[random.nextInt(400)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
      }
      LineTracker tracker = new LineTracker();
      long expectedLine = 1;
      long expectedColumn = 1;
      int pos = 0;
      while (pos < bytes.length) {
        int next = Math.min(bytes.length, pos + random.nextInt(40));
        for (int i = pos; i < next; i++) {
          if (bytes[i] == '\n') {
            expectedLine++;
            expectedColumn = 1;
          } else if ((bytes[i] & 0xC0) != 0x80) {
            expectedColumn++;
          }
        }
        tracker.advanceTo(bytes, 0, next);
        assertThat(tracker.line()).as("seed %d round %d at %d", seed, round, next).isEqualTo(expectedLine);
        assertThat(tracker.column()).as("seed %d round %d at %d", seed, round, next).isEqualTo(expectedColumn);
        assertThat(tracker.offset()).isEqualTo(next);
        pos = next;
      }
    }
  }

  @Test
  void countsEveryNewlineInALongWordAlignedRun() {
    byte[] bytes = new byte[64];
    java.util.Arrays.fill(bytes, (byte) '\n');
    LineTracker tracker = new LineTracker();
    tracker.advanceTo(bytes, 0, 64);
    assertThat(tracker.line()).isEqualTo(65);
    assertThat(tracker.column()).isEqualTo(1);
    assertThat(LineTracker.codePoints("é€𝄞a".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 10)).isEqualTo(4);
  }
}
