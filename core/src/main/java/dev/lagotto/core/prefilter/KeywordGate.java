package dev.lagotto.core.prefilter;

import dev.lagotto.core.pattern.CompiledPattern;

/**
 * A necessary condition on an occurrence of a one-byte keyword ({@code .}, {@code :}, {@code -}) lying
 * inside a match of a rule: the length of the run of class bytes (digits, or hex digits) that ends just
 * before it, and the length of the run that starts just after it together with the byte after that run.
 * Immutable and thread-safe; checking costs the two runs' bytes (at most {@link #MAX_RUN} + 1 each).
 *
 * <p>Sound when every class byte is forbidden next to a match by the rule's boundary: then a class run that
 * touches the keyword cannot extend past the match on either side, so the match itself reads exactly those
 * runs around the keyword. The allowed lengths are computed from the DFA over every way a match can read
 * the keyword (the pattern's states paired with the length of the class run read last). So a timestamp's
 * {@code 2026-11-29} never reaches the US SSN rule ({@code ddd-dd-dddd}) and {@code v0.123456} never
 * reaches the IPv4 rule.
 */
public final class KeywordGate {
  /** Longest run the gate knows; a longer run always passes. */
  public static final int MAX_RUN = 24;

  final boolean[] classBytes;
  /** Whether a run of this length (index 0..MAX_RUN) can end right before the keyword. */
  final boolean[] before;
  /** Whether a run of length L (row) followed by byte {@code next} (column) can follow the keyword. */
  final boolean[][] after;

  private KeywordGate(boolean[] classBytes, boolean[] before, boolean[][] after) {
    this.classBytes = classBytes;
    this.before = before;
    this.after = after;
  }

  /**
   * The gate of {@code keyword} (one byte, not a class byte) in {@code pattern} for runs of
   * {@code classBytes}, or {@code null} when it never rejects anything. {@code forbidden} is the rule's
   * boundary table, which must contain every class byte (checked by the caller).
   */
  public static KeywordGate of(CompiledPattern pattern, int keyword, boolean[] classBytes, boolean[] forbidden) {
    int n = pattern.stateCount();
    int cap = MAX_RUN + 1;
    boolean[][] seen = new boolean[n][cap + 1];
    int[] queue = new int[n * (cap + 1)];
    int head = 0;
    int tail = 0;
    seen[0][0] = true;
    queue[tail++] = 0;
    while (head < tail) {
      int item = queue[head++];
      int state = item / (cap + 1);
      int run = item % (cap + 1);
      for (int b = 0; b < 256; b++) {
        int t = pattern.step(state, b);
        if (t < 0) {
          continue;
        }
        int r = classBytes[b] ? Math.min(run + 1, cap) : 0;
        if (!seen[t][r]) {
          seen[t][r] = true;
          queue[tail++] = t * (cap + 1) + r;
        }
      }
    }
    boolean[] before = new boolean[cap + 1];
    boolean[] level = new boolean[n];
    for (int state = 0; state < n; state++) {
      int t = pattern.step(state, keyword);
      if (t < 0) {
        continue;
      }
      for (int run = 0; run <= cap; run++) {
        if (seen[state][run]) {
          before[run] = true;
          level[t] = true;
        }
      }
    }
    boolean[][] after = new boolean[MAX_RUN + 1][256];
    boolean rejects = false;
    for (int run = 0; run <= MAX_RUN; run++) {
      rejects |= !before[run];
      boolean[] row = after[run];
      boolean accepting = false;
      boolean[] nextLevel = new boolean[n];
      for (int state = 0; state < n; state++) {
        if (level[state]) {
          accepting |= pattern.isAccepting(state);
          for (int b = 0; b < 256; b++) {
            int t = pattern.step(state, b);
            if (t >= 0) {
              row[b] = true;
              if (classBytes[b]) {
                nextLevel[t] = true;
              }
            }
          }
        }
      }
      for (int next = 0; next < 256; next++) {
        row[next] |= accepting && !forbidden[next];
        rejects |= !row[next] && !classBytes[next];
      }
      level = nextLevel;
    }
    return rejects ? new KeywordGate(classBytes, before, after) : null;
  }

  /**
   * Whether the keyword at {@code k} can lie in a match, judged from {@code bytes[lo, hi)}; runs that reach
   * {@code lo} or {@code hi} or are longer than {@link #MAX_RUN} pass.
   */
  boolean allows(byte[] bytes, int lo, int hi, int k) {
    final boolean[] cls = classBytes;
    int stop = Math.max(lo, k - MAX_RUN - 1);
    int p = k;
    while (p > stop && cls[bytes[p - 1] & 0xff]) {
      p--;
    }
    int run = k - p;
    if (p > lo && run <= MAX_RUN && !before[run]) {
      return false;
    }
    int q = k + 1;
    int end = Math.min(hi, k + MAX_RUN + 2);
    while (q < end && cls[bytes[q] & 0xff]) {
      q++;
    }
    run = q - k - 1;
    return q >= hi || run > MAX_RUN || after[run][bytes[q] & 0xff];
  }
}
