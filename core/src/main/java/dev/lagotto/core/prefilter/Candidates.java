package dev.lagotto.core.prefilter;

import java.util.Arrays;

/**
 * A growable buffer of prefilter events (position, payload), reused from scan to scan. Not thread-safe:
 * one per scanning thread. Grows to the most events one {@link Prefilter#scan} call produced and stays
 * there, so the steady state does not allocate.
 */
public final class Candidates {
  private static final int INITIAL_CAPACITY = 1024;
  private long[] events = new long[INITIAL_CAPACITY];
  private int[] hits = new int[INITIAL_CAPACITY];
  private int size;

  /** A scratch array of at least {@code length} positions for the prefilter's first pass. */
  int[] hits(int length) {
    if (hits.length < length + 1) {
      hits = new int[Math.max(length + 1, hits.length * 2)];
    }
    return hits;
  }

  /** Empties the buffer (keeps its capacity). */
  public void clear() {
    size = 0;
  }

  void add(int position, int payload) {
    if (size == events.length) {
      events = Arrays.copyOf(events, size * 2);
    }
    events[size++] = ((long) position << 32) | (payload & 0xffffffffL);
  }

  public int size() {
    return size;
  }

  public int position(int i) {
    return (int) (events[i] >>> 32);
  }

  public int payload(int i) {
    return (int) events[i];
  }

  /**
   * Sorts the events by position (then payload). Insertion sort: linear for the nearly sorted output of
   * one pass, where an event is out of place by at most the keyword length.
   */
  public void sort() {
    long[] e = events;
    for (int i = 1; i < size; i++) {
      long v = e[i];
      int j = i - 1;
      if (e[j] <= v) {
        continue;
      }
      while (j >= 0 && e[j] > v) {
        e[j + 1] = e[j];
        j--;
      }
      e[j + 1] = v;
    }
  }
}
