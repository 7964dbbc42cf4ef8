package dev.lagotto.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AscendingRunsTest {
  @Test
  void sortsWhatArraysSortSortsFromOneRunToManyMoreThanItMerges() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("AscendingRunsTest seed: -Dtests.seed=" + seed);
    Random random = new Random(seed);
    int[] bounds = new int[AscendingRuns.MAX_RUNS + 1];
    for (int round = 0; round < 3_000; round++) {
      int n = random.nextInt(400);
      long[] a = new long[n];
      // runs of random lengths, each ascending (ties included), up to past MAX_RUNS of them
      int runLength = 1 + random.nextInt(Math.max(1, n / (1 + random.nextInt(2 * AscendingRuns.MAX_RUNS))));
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = i % runLength == 0 ? random.nextInt(1000) : v + random.nextInt(3);
        a[i] = v;
      }
      long[] expected = a.clone();
      Arrays.sort(expected);
      long[] tmp = new long[n];
      AscendingRuns.sort(a, n, tmp, bounds);
      assertThat(a).as("seed %d, round %d", seed, round).isEqualTo(expected);
    }
  }

  @Test
  void sortsOnlyTheFirstNKeys() {
    long[] a = {5, 6, 1, 2, 9, 0};
    AscendingRuns.sort(a, 4, new long[4], new int[AscendingRuns.MAX_RUNS + 1]);
    assertThat(a).containsExactly(1, 2, 5, 6, 9, 0);
  }
}
