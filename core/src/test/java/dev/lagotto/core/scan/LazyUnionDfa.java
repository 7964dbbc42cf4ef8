package dev.lagotto.core.scan;

import dev.lagotto.core.pattern.CompiledPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A measuring instrument, not part of the engine: the first stage of ripgrep and RE2 built from Lagotto's own rule
 * DFAs. One lazily determinised automaton runs all the given rules at every position at once (a thread of every rule
 * starts after each byte that the rule's boundary allows), one table load per byte, and counts the positions where
 * some rule's match ends. It answers "how fast can a DFA-based first stage go in Java on this text", with the
 * transition table built on demand as text reaches new state sets.
 *
 * <p>Not thread-safe (the table grows during {@link #scan}). Memory: one int per (state set, byte class); the state
 * sets are bounded by {@code maxStates}, after which {@link #scan} fails (a real engine would flush its cache).
 */
final class LazyUnionDfa {
  private static final int UNKNOWN = 0;
  private final CompiledPattern[] patterns;
  private final boolean[][] forbidden;
  private final byte[] byteClass = new byte[256];
  private final int[] classByte;
  private final int classes;
  private final int maxStates;
  /** Per (state set id x classes + class): the next id x classes, negated when some rule accepts there. */
  private int[] next;
  private final List<int[]> sets = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final int startId;

  LazyUnionDfa(CompiledPattern[] patterns, boolean[][] forbidden, int maxStates) {
    this.patterns = patterns;
    this.forbidden = forbidden;
    this.maxStates = maxStates;
    Map<String, Integer> signatures = new HashMap<>();
    List<Integer> representatives = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      StringBuilder sig = new StringBuilder();
      for (int r = 0; r < patterns.length; r++) {
        sig.append(forbidden[r] != null && forbidden[r][b] ? 'F' : '.');
        for (int s = 0; s < patterns[r].stateCount(); s++) {
          sig.append(patterns[r].step(s, b)).append(',');
        }
        sig.append('|');
      }
      int first = b;
      byteClass[b] = (byte) (int) signatures.computeIfAbsent(sig.toString(), k -> {
        representatives.add(first);
        return representatives.size() - 1;
      });
    }
    classes = representatives.size();
    classByte = representatives.stream().mapToInt(Integer::intValue).toArray();
    next = new int[classes * 1024];
    idOf(new int[0]); // id 0: never reached, so that UNKNOWN (0) is free
    int[] all = new int[patterns.length];
    for (int r = 0; r < patterns.length; r++) {
      all[r] = r << 16;
    }
    startId = idOf(all);
  }

  /** Byte classes: bytes that every rule treats alike. */
  int classes() {
    return classes;
  }

  /** State sets built so far. */
  int states() {
    return sets.size();
  }

  /** Scans {@code bytes[from, to)} and returns the number of positions where some rule's match ends. */
  long scan(byte[] bytes, int from, int to) {
    final byte[] cls = byteClass;
    long accepts = 0;
    int s = startId * classes;
    for (int i = from; i < to; i++) {
      int c = cls[bytes[i] & 0xff];
      int t = next[s + c];
      if (t <= 0) {
        if (t == UNKNOWN) {
          t = build(s / classes, c);
        }
        if (t < 0) {
          t = -t;
          accepts++;
        }
      }
      s = t;
    }
    return accepts;
  }

  private int build(int id, int c) {
    int b = classByte[c];
    int[] from = sets.get(id);
    int[] to = new int[from.length + patterns.length];
    int n = 0;
    for (int x : from) {
      int t = patterns[x >>> 16].step(x & 0xffff, b);
      if (t >= 0) {
        to[n++] = (x & 0xffff0000) | t;
      }
    }
    for (int r = 0; r < patterns.length; r++) {
      if (forbidden[r] == null || !forbidden[r][b]) {
        to[n++] = r << 16;
      }
    }
    int[] set = Arrays.stream(to, 0, n).sorted().distinct().toArray();
    int target = idOf(set);
    boolean accepting = false;
    for (int x : set) {
      accepting |= (x & 0xffff) != 0 && patterns[x >>> 16].isAccepting(x & 0xffff);
    }
    int value = accepting ? -target * classes : target * classes;
    next[id * classes + c] = value;
    return value;
  }

  private int idOf(int[] set) {
    String key = Arrays.toString(set);
    Integer id = ids.get(key);
    if (id != null) {
      return id;
    }
    if (sets.size() >= maxStates) {
      throw new IllegalStateException("more than " + maxStates + " state sets");
    }
    sets.add(set);
    ids.put(key, sets.size() - 1);
    if (sets.size() * classes > next.length) {
      next = Arrays.copyOf(next, next.length * 2);
    }
    return sets.size() - 1;
  }
}
