package dev.lagotto.core.pattern;

import org.apache.lucene.util.automaton.Automaton;

/**
 * A pattern compiled to a minimal deterministic automaton over bytes, in the executable form the scanner
 * runs: a dense transition table of 256 entries per state. Immutable and thread-safe; memory is
 * {@code 1 KiB} per state (at most {@link PatternCompiler#MAX_STATES}). Running costs one table load per
 * byte and never allocates.
 */
public final class CompiledPattern {
  /** {@link #maxLength()} of a pattern with unbounded repetition. */
  public static final int UNBOUNDED = -1;

  private final String source;
  private final Automaton automaton;
  /** Next state times 256, or -1 for no transition; indexed by state times 256 plus the byte. */
  private final int[] table;
  private final boolean[] accept;
  private final boolean[] startBytes;
  private final boolean[] tokenBytes;
  private final int maxLength;

  CompiledPattern(String source, Automaton automaton, int[] table, boolean[] accept, boolean[] startBytes,
      boolean[] tokenBytes, int maxLength) {
    this.source = source;
    this.automaton = automaton;
    this.table = table;
    this.accept = accept;
    this.startBytes = startBytes;
    this.tokenBytes = tokenBytes;
    this.maxLength = maxLength;
  }

  /** The pattern text this was compiled from. */
  public String source() {
    return source;
  }

  /** The minimal deterministic automaton (labels are bytes 0..255); do not modify. */
  public Automaton automaton() {
    return automaton;
  }

  /** The number of states of the automaton. */
  public int stateCount() {
    return accept.length;
  }

  /** Whether a match can start with byte {@code b} (0..255). */
  public boolean canStartWith(int b) {
    return startBytes[b];
  }

  /** Whether byte {@code b} (0..255) can occur anywhere in a match. */
  public boolean isTokenByte(int b) {
    return tokenBytes[b];
  }

  /** The longest match in bytes, or {@link #UNBOUNDED}. */
  public int maxLength() {
    return maxLength;
  }

  /**
   * The end (exclusive) of the longest match of {@code bytes[start, e)} with {@code e <= limit} such that
   * {@code e == hi} or the byte at {@code e} is not in {@code forbiddenAfter} (null: nothing forbidden);
   * {@code -1} if none. Complexity: at most {@code limit - start} table steps; stops at the first dead state.
   */
  public int longestMatch(byte[] bytes, int start, int limit, int hi, boolean[] forbiddenAfter) {
    final int[] t = table;
    final boolean[] acc = accept;
    int state = 0;
    int best = -1;
    for (int i = start; i < limit; i++) {
      state = t[state | (bytes[i] & 0xff)];
      if (state < 0) {
        return best;
      }
      if (acc[state >>> 8]) {
        int e = i + 1;
        if (e == hi || forbiddenAfter == null || !forbiddenAfter[bytes[e] & 0xff]) {
          best = e;
        }
      }
    }
    return best;
  }

  /** Whether the whole of {@code bytes[from, to)} is a match. */
  public boolean matchesWhole(byte[] bytes, int from, int to) {
    int state = 0;
    for (int i = from; i < to; i++) {
      state = table[state | (bytes[i] & 0xff)];
      if (state < 0) {
        return false;
      }
    }
    return accept[state >>> 8];
  }

  @Override
  public String toString() {
    return "CompiledPattern[" + stateCount() + " states, maxLength " + maxLength + "]";
  }
}
