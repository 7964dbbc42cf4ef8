package dev.lagotto.core.scan;

import java.util.Arrays;

/**
 * Sorts keys that arrive as a few ascending runs: a scan's matches, collected rule by rule, each rule's in the order
 * of their starts. Stateless; the caller passes the scratch space.
 */
final class AscendingRuns {
  /** Most runs merged here; beyond, {@link Arrays#sort(long[], int, int)}. */
  static final int MAX_RUNS = 64;

  private AscendingRuns() {}

  /**
   * Sorts {@code a[0, n)} ascending, using {@code tmp} (at least {@code n} long) and {@code bounds} (at least
   * {@link #MAX_RUNS} + 1 ints) as scratch space. Cost: one pass to find the runs, then, for {@code r} runs,
   * {@code ceil(log2 r)} merging passes over the keys; more than {@link #MAX_RUNS} runs are left to
   * {@link Arrays#sort(long[], int, int)}.
   */
  static void sort(long[] a, int n, long[] tmp, int[] bounds) {
    int runs = 0;
    bounds[0] = 0;
    for (int i = 1; i < n; i++) {
      if (a[i] < a[i - 1]) {
        if (++runs == MAX_RUNS) {
          Arrays.sort(a, 0, n);
          return;
        }
        bounds[runs] = i;
      }
    }
    bounds[++runs] = n;
    long[] from = a;
    long[] to = tmp;
    while (runs > 1) {
      int merged = 0;
      for (int r = 0; r < runs; r += 2) {
        int lo = bounds[r];
        int mid = bounds[Math.min(r + 1, runs)];
        int hi = bounds[Math.min(r + 2, runs)];
        merge(from, lo, mid, hi, to);
        bounds[merged++] = lo;
      }
      bounds[merged] = n;
      runs = merged;
      long[] swap = from;
      from = to;
      to = swap;
    }
    if (from != a) {
      System.arraycopy(from, 0, a, 0, n);
    }
  }

  /** Merges the ascending {@code from[lo, mid)} and {@code from[mid, hi)} into {@code to[lo, hi)}. */
  private static void merge(long[] from, int lo, int mid, int hi, long[] to) {
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      to[k++] = from[i] <= from[j] ? from[i++] : from[j++];
    }
    System.arraycopy(from, i, to, k, mid - i);
    System.arraycopy(from, j, to, k + mid - i, hi - j);
  }
}
