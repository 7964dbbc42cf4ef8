package dev.lagotto.core.pattern;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Facts about where keywords occur in the matches of a compiled pattern, computed on the product of the
 * pattern's DFA with an Aho-Corasick automaton of the keywords (no determinization needed). Stateless.
 * Cost: at most states(DFA) &times; (total keyword length + 1) &times; 256 steps, bounded by
 * {@link #MAX_PRODUCT_STATES}; beyond it the answers are the safe ones (not proven / unbounded).
 */
public final class KeywordProofs {
  /** Largest product automaton explored. */
  public static final int MAX_PRODUCT_STATES = 4_000_000;

  private KeywordProofs() {}

  /**
   * Whether every match of {@code pattern} contains one of {@code keywords} (ASCII-case-insensitively when
   * {@code caseInsensitive}). False when the proof is too large to run.
   */
  public static boolean everyMatchContains(CompiledPattern pattern, List<String> keywords, boolean caseInsensitive) {
    Ac ac = new Ac(keywords, caseInsensitive);
    int nAc = ac.states;
    long size = (long) pattern.stateCount() * nAc;
    if (size > MAX_PRODUCT_STATES) {
      return false;
    }
    boolean[] seen = new boolean[(int) size];
    int[] stack = new int[(int) size];
    int top = 0;
    stack[top++] = 0;
    seen[0] = true;
    while (top > 0) {
      int node = stack[--top];
      int s = node / nAc;
      int a = node % nAc;
      if (pattern.isAccepting(s)) {
        return false;
      }
      for (int b = 0; b < 256; b++) {
        int t = pattern.step(s, b);
        if (t < 0) {
          continue;
        }
        int a2 = ac.next[a * 256 + b];
        if (ac.matched[a2]) {
          continue;
        }
        int n = t * nAc + a2;
        if (!seen[n]) {
          seen[n] = true;
          stack[top++] = n;
        }
      }
    }
    return true;
  }

  /**
   * The largest offset, from the start of a match, at which the first keyword occurrence of the match can
   * start (occurrences that start earlier but end later are ignored, which only over-estimates), or
   * {@link CompiledPattern#UNBOUNDED}. Meaningful when {@link #everyMatchContains} holds.
   */
  public static int maxFirstKeywordOffset(CompiledPattern pattern, List<String> keywords) {
    Ac ac = new Ac(keywords, false);
    int nAc = ac.states;
    long size = (long) pattern.stateCount() * nAc;
    if (size > MAX_PRODUCT_STATES) {
      return CompiledPattern.UNBOUNDED;
    }
    List<byte[]> words = keywords.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    boolean[] reads = new boolean[pattern.stateCount()];
    for (int s = 0; s < reads.length; s++) {
      for (byte[] w : words) {
        int state = s;
        for (int i = 0; i < w.length && state >= 0; i++) {
          state = pattern.step(state, w[i] & 0xff);
        }
        reads[s] |= state >= 0;
      }
    }
    int n = (int) size;
    boolean[] seen = new boolean[n];
    int[] indegree = new int[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(0);
    seen[0] = true;
    int reachable = 0;
    while (!queue.isEmpty()) {
      int node = queue.poll();
      reachable++;
      int s = node / nAc;
      int a = node % nAc;
      for (int b = 0; b < 256; b++) {
        int t = pattern.step(s, b);
        if (t < 0) {
          continue;
        }
        int a2 = ac.next[a * 256 + b];
        if (ac.matched[a2]) {
          continue;
        }
        int next = t * nAc + a2;
        indegree[next]++;
        if (!seen[next]) {
          seen[next] = true;
          queue.add(next);
        }
      }
    }
    int[] dist = new int[n];
    queue.add(0);
    int processed = 0;
    int best = 0;
    while (!queue.isEmpty()) {
      int node = queue.poll();
      processed++;
      int s = node / nAc;
      int a = node % nAc;
      if (reads[s]) {
        best = Math.max(best, dist[node]);
      }
      for (int b = 0; b < 256; b++) {
        int t = pattern.step(s, b);
        if (t < 0) {
          continue;
        }
        int a2 = ac.next[a * 256 + b];
        if (ac.matched[a2]) {
          continue;
        }
        int next = t * nAc + a2;
        dist[next] = Math.max(dist[next], dist[node] + 1);
        if (--indegree[next] == 0) {
          queue.add(next);
        }
      }
    }
    return processed < reachable ? CompiledPattern.UNBOUNDED : best;
  }

  /** A complete Aho-Corasick automaton over bytes: {@code next[state * 256 + byte]}. */
  private static final class Ac {
    final int states;
    final int[] next;
    final boolean[] matched;

    Ac(List<String> keywords, boolean caseInsensitive) {
      int capacity = 1;
      for (String k : keywords) {
        capacity += k.getBytes(StandardCharsets.UTF_8).length;
      }
      int[] trie = new int[capacity * 256];
      Arrays.fill(trie, -1);
      boolean[] out = new boolean[capacity];
      int count = 1;
      for (String k : keywords) {
        int state = 0;
        for (byte raw : k.getBytes(StandardCharsets.UTF_8)) {
          int b = fold(raw & 0xff, caseInsensitive);
          if (trie[state * 256 + b] < 0) {
            trie[state * 256 + b] = count++;
          }
          state = trie[state * 256 + b];
        }
        out[state] = true;
      }
      int[] fail = new int[count];
      int[] order = new int[count];
      int head = 0;
      int tail = 0;
      order[tail++] = 0;
      int[] full = new int[count * 256];
      while (head < tail) {
        int s = order[head++];
        out[s] |= out[fail[s]];
        for (int b = 0; b < 256; b++) {
          int child = trie[s * 256 + fold(b, caseInsensitive)];
          if (child > 0) {
            fail[child] = s == 0 ? 0 : full[fail[s] * 256 + b];
            if (fold(b, caseInsensitive) == b) {
              order[tail++] = child;
            }
            full[s * 256 + b] = child;
          } else {
            full[s * 256 + b] = s == 0 ? 0 : full[fail[s] * 256 + b];
          }
        }
      }
      states = count;
      next = full;
      matched = out;
    }

    private static int fold(int b, boolean caseInsensitive) {
      return caseInsensitive && b >= 'A' && b <= 'Z' ? b + 32 : b;
    }
  }
}
