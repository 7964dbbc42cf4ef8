package dev.lagotto.core.prefilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link KeywordGate}s of all (rule, keyword) pairs of one one-byte keyword, combined so that an
 * occurrence is judged once for every rule that shares the keyword ({@code .} is a keyword of the IPv4, MAC
 * and geo rules): the run of each class (digits, hex digits) on either side of the occurrence is measured
 * once, and one table load per side and class gives the bit mask of the pairs that may hold the occurrence
 * in a match. Bit {@code j} stands for pair {@code j} of the keyword; a pair without a gate for a class, and
 * pairs 64 and later, always pass. Exactly the conjunction of the pairs' own {@link KeywordGate#allows}.
 *
 * <p>Immutable and thread-safe. Cost per occurrence: the runs' bytes (at most {@link KeywordGate#MAX_RUN} + 1
 * each way per class) and two loads per class. Memory: per class, {@code MAX_RUN + 1} masks before and
 * {@code (MAX_RUN + 1) x} (classes of following bytes) masks after.
 */
final class KeywordSetGate {
  private static final int LENGTHS = KeywordGate.MAX_RUN + 1;

  /** Per byte: bit {@code c} when the byte belongs to run class {@code c} (at most 8 classes). */
  private final byte[] membership;
  private final int allClasses;
  /** Per class: mask of pairs allowing a run of length L (index) right before the keyword. */
  private final long[][] before;
  /** Per class: byte after the run → its column in {@link #after}. */
  private final byte[][] nextClass;
  private final int[] nextClasses;
  /** Per class: mask of pairs allowing a run of length L followed by a byte of column C, at L * columns + C. */
  private final long[][] after;

  private KeywordSetGate(boolean[][] classes, long[][] before, byte[][] nextClass, int[] nextClasses, long[][] after) {
    if (classes.length > Byte.SIZE - 1) {
      throw new IllegalArgumentException("at most 7 run classes per keyword, not " + classes.length);
    }
    membership = new byte[256];
    for (int c = 0; c < classes.length; c++) {
      for (int b = 0; b < 256; b++) {
        if (classes[c][b]) {
          membership[b] |= (byte) (1 << c);
        }
      }
    }
    allClasses = (1 << classes.length) - 1;
    this.before = before;
    this.nextClass = nextClass;
    this.nextClasses = nextClasses;
    this.after = after;
  }

  /** The combined gate of the pairs' gate lists ({@code gates.get(j)} for pair {@code j}), or {@code null} if none. */
  static KeywordSetGate of(List<List<KeywordGate>> gates) {
    List<boolean[]> classList = new ArrayList<>();
    for (int j = 0; j < Math.min(gates.size(), Long.SIZE); j++) {
      for (KeywordGate g : gates.get(j)) {
        if (classList.stream().noneMatch(c -> Arrays.equals(c, g.classBytes))) {
          classList.add(g.classBytes);
        }
      }
    }
    if (classList.isEmpty()) {
      return null;
    }
    int n = classList.size();
    long[][] before = new long[n][];
    byte[][] nextClass = new byte[n][];
    int[] nextClasses = new int[n];
    long[][] after = new long[n][];
    for (int c = 0; c < n; c++) {
      boolean[] cls = classList.get(c);
      before[c] = new long[LENGTHS];
      long[][] columns = new long[256][LENGTHS];
      Arrays.fill(before[c], -1L);
      for (long[] column : columns) {
        Arrays.fill(column, -1L);
      }
      for (int j = 0; j < Math.min(gates.size(), Long.SIZE); j++) {
        for (KeywordGate g : gates.get(j)) {
          if (!Arrays.equals(g.classBytes, cls)) {
            continue;
          }
          for (int length = 0; length < LENGTHS; length++) {
            if (!g.before[length]) {
              before[c][length] &= ~(1L << j);
            }
            for (int next = 0; next < 256; next++) {
              if (!g.after[length][next]) {
                columns[next][length] &= ~(1L << j);
              }
            }
          }
        }
      }
      Map<String, Integer> ids = new LinkedHashMap<>();
      List<long[]> distinct = new ArrayList<>();
      nextClass[c] = new byte[256];
      for (int next = 0; next < 256; next++) {
        long[] column = columns[next];
        nextClass[c][next] = (byte) (int) ids.computeIfAbsent(Arrays.toString(column), k -> {
          distinct.add(column);
          return distinct.size() - 1;
        });
      }
      nextClasses[c] = distinct.size();
      after[c] = new long[LENGTHS * nextClasses[c]];
      for (int k = 0; k < nextClasses[c]; k++) {
        for (int length = 0; length < LENGTHS; length++) {
          after[c][length * nextClasses[c] + k] = distinct.get(k)[length];
        }
      }
    }
    return new KeywordSetGate(classList.toArray(new boolean[0][]), before, nextClass, nextClasses, after);
  }

  /**
   * The pairs that may hold the keyword occurrence at {@code k}, judged from {@code bytes[lo, hi)}. One walk
   * each way measures the runs of every class at once: it goes on while the byte belongs to some class whose
   * run is still open.
   */
  long mask(byte[] bytes, int lo, int hi, int k) {
    final byte[] member = membership;
    long mask = -1L;
    int open = allClasses;
    int stop = Math.max(lo, k - KeywordGate.MAX_RUN - 1);
    int p = k;
    while (open != 0) {
      int still = p > stop ? member[bytes[p - 1] & 0xff] & open : 0;
      int closed = open & ~still;
      if (closed != 0 && p > lo) {
        int run = k - p;
        for (int c = 0; c < before.length; c++) {
          if ((closed & (1 << c)) != 0 && run < LENGTHS) {
            mask &= before[c][run];
          }
        }
      }
      open = still;
      p--;
    }
    open = allClasses;
    int end = Math.min(hi, k + KeywordGate.MAX_RUN + 2);
    int q = k + 1;
    while (open != 0 && mask != 0) {
      int still = q < end ? member[bytes[q] & 0xff] & open : 0;
      int closed = open & ~still;
      if (closed != 0 && q < hi) {
        int run = q - k - 1;
        int next = bytes[q] & 0xff;
        for (int c = 0; c < after.length; c++) {
          if ((closed & (1 << c)) != 0 && run < LENGTHS) {
            mask &= after[c][run * nextClasses[c] + (nextClass[c][next] & 0xff)];
          }
        }
      }
      open = still;
      q++;
    }
    return mask;
  }
}
