package dev.lagotto.core.pattern;

import org.apache.lucene.util.automaton.Automaton;

/**
 * A pattern compiled to a trimmed deterministic automaton over bytes (see {@link PatternCompiler}), in the
 * executable form the scanner runs: a dense transition table of 256 entries per state. Immutable and thread-safe; memory is
 * {@code 1 KiB} per state (at most {@link PatternCompiler#MAX_STATES}). Running costs one table load per
 * byte and never allocates.
 */
public final class CompiledPattern {
  /** {@link #maxLength()} of a pattern with unbounded repetition. */
  public static final int UNBOUNDED = -1;
  /** Multiplier of the column hash that groups bytes into classes. */
  private static final long COLUMN_HASH_PRIME = 0x9E3779B97F4A7C15L;

  private final String source;
  private final Automaton automaton;
  /** Next state times 256, or -1 for no transition; indexed by state times 256 plus the byte. */
  private final int[] table;
  private final boolean[] accept;
  /** States are numbered non-accepting first: a state (times 256) accepts iff it is at least this. */
  private final int acceptFrom;
  /**
   * The executable form: bytes grouped into classes that every state treats alike ({@code classOf}), and
   * a compact table {@code run[state * classes + class]} = next state times {@code classes}, or -1. Small
   * enough to stay in the L1 cache, unlike {@link #table}, which build-time analyses use.
   */
  private final byte[] classOf;
  private final int classes;
  private final int[] run;
  private final int runAcceptFrom;
  private final boolean[] startBytes;
  private final boolean[] tokenBytes;
  private final int maxLength;

  CompiledPattern(String source, Automaton automaton, int[] table, boolean[] accept, int acceptFrom,
      boolean[] startBytes, boolean[] tokenBytes, int maxLength) {
    this.acceptFrom = acceptFrom;
    int states = accept.length;
    int[] classIds = byteClasses(table, states);
    int classCount = 0;
    for (int id : classIds) {
      classCount = Math.max(classCount, id + 1);
    }
    this.classes = classCount;
    this.classOf = new byte[256];
    for (int b = 0; b < 256; b++) {
      classOf[b] = (byte) classIds[b];
    }
    this.run = new int[states * classes];
    for (int st = 0; st < states; st++) {
      for (int b = 0; b < 256; b++) {
        int next = table[st * 256 + b];
        run[st * classes + classIds[b]] = next < 0 ? -1 : (next >>> 8) * classes;
      }
    }
    this.runAcceptFrom = (acceptFrom >>> 8) * classes;
    this.source = source;
    this.automaton = automaton;
    this.table = table;
    this.accept = accept;
    this.startBytes = startBytes;
    this.tokenBytes = tokenBytes;
    this.maxLength = maxLength;
  }

  /**
   * The byte classes of a transition table: bytes whose columns (next state from every state) are equal
   * share an id; ids are numbered by first byte. Cost: one pass over the table to hash the columns, plus one
   * comparison of two columns per byte whose hash equals an earlier one.
   */
  private static int[] byteClasses(int[] table, int states) {
    long[] hash = new long[256];
    for (int st = 0; st < states; st++) {
      int row = st * 256;
      for (int b = 0; b < 256; b++) {
        hash[b] = hash[b] * COLUMN_HASH_PRIME + table[row + b];
      }
    }
    int[] classIds = new int[256];
    int[] representative = new int[256];
    int count = 0;
    for (int b = 0; b < 256; b++) {
      int id = -1;
      for (int c = 0; c < count && id < 0; c++) {
        int r = representative[c];
        if (hash[r] == hash[b] && sameColumn(table, states, r, b)) {
          id = c;
        }
      }
      if (id < 0) {
        id = count++;
        representative[id] = b;
      }
      classIds[b] = id;
    }
    return classIds;
  }

  private static boolean sameColumn(int[] table, int states, int a, int b) {
    for (int row = 0; row < states * 256; row += 256) {
      if (table[row + a] != table[row + b]) {
        return false;
      }
    }
    return true;
  }

  /** The pattern text this was compiled from. */
  public String source() {
    return source;
  }

  /** The deterministic automaton (labels are bytes 0..255; its own state numbering); do not modify. */
  public Automaton automaton() {
    return automaton;
  }

  /** The number of states of the automaton. */
  public int stateCount() {
    return accept.length;
  }

  /** The state reached from state {@code state} (0 = initial) by byte {@code b}, or -1. */
  public int step(int state, int b) {
    int next = table[state * 256 + b];
    return next < 0 ? -1 : next >>> 8;
  }

  /** Whether state {@code state} accepts. */
  public boolean isAccepting(int state) {
    return accept[state];
  }

  /** Whether a match can start with byte {@code b} (0..255). */
  public boolean canStartWith(int b) {
    return startBytes[b];
  }

  /** Whether byte {@code b} (0..255) can occur anywhere in a match. */
  public boolean isTokenByte(int b) {
    return tokenBytes[b];
  }

  /** The shortest match in bytes (at least 1). */
  public int minLength() {
    int[] depth = new int[stateCount()];
    java.util.Arrays.fill(depth, -1);
    int[] queue = new int[stateCount()];
    int head = 0;
    int tail = 0;
    queue[tail++] = 0;
    depth[0] = 0;
    while (head < tail) {
      int s = queue[head++];
      if (accept[s]) {
        return depth[s];
      }
      for (int b = 0; b < 256; b++) {
        int next = table[s * 256 + b];
        if (next >= 0 && depth[next >>> 8] < 0) {
          depth[next >>> 8] = depth[s] + 1;
          queue[tail++] = next >>> 8;
        }
      }
    }
    throw new IllegalStateException("no accepting state");
  }

  /**
   * The bytes that can occur at offset {@code j} of a match longer than {@code j}: the labels leaving the
   * states reachable in exactly {@code j} steps. For {@code j < minLength()} a necessary condition on every
   * match. Cost: {@code j} times states times 256.
   */
  public boolean[] bytesAtOffset(int j) {
    return bytesAtOffsets(j + 1)[j];
  }

  /**
   * {@link #bytesAtOffset} of every offset below {@code count}, at index {@code j}, in one walk over the
   * levels of states reachable in exactly {@code j} steps. Cost: {@code count} times the states of each
   * level times 256.
   */
  public boolean[][] bytesAtOffsets(int count) {
    boolean[][] out = new boolean[count][];
    int n = stateCount();
    int[] level = {0};
    int size = 1;
    boolean[] seen = new boolean[n];
    int[] next = new int[n];
    for (int j = 0; j < count; j++) {
      boolean[] bytes = new boolean[256];
      int nextSize = 0;
      for (int i = 0; i < size; i++) {
        int row = level[i] * 256;
        for (int b = 0; b < 256; b++) {
          int t = table[row + b];
          if (t >= 0) {
            bytes[b] = true;
            if (!seen[t >>> 8]) {
              seen[t >>> 8] = true;
              next[nextSize++] = t >>> 8;
            }
          }
        }
      }
      out[j] = bytes;
      for (int i = 0; i < nextSize; i++) {
        seen[next[i]] = false;
      }
      int[] swap = level.length >= n ? level : new int[n];
      level = next;
      next = swap;
      size = nextSize;
    }
    return out;
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
    final int[] t = run;
    final byte[] cls = classOf;
    final int accepting = runAcceptFrom;
    int state = 0;
    int best = -1;
    for (int i = start; i < limit; i++) {
      state = t[state + (cls[bytes[i] & 0xff] & 0xff)];
      if (state < 0) {
        return best;
      }
      if (state >= accepting) {
        int e = i + 1;
        if (e == hi || forbiddenAfter == null || !forbiddenAfter[bytes[e] & 0xff]) {
          best = e;
        }
      }
    }
    return best;
  }

  /**
   * The bytes that directly precede {@code word} where it occurs inside a match, after a byte of the
   * match; plus, when a match can start with {@code word}, every byte in {@code outside} (what may precede
   * a match). A necessary condition for an occurrence of {@code word} to lie in a match. Cost: linear in
   * states times ({@code word} length plus byte classes).
   */
  public boolean[] bytesBefore(byte[] word, boolean[] outside) {
    return bytesBefore(word, outside, true);
  }

  private boolean[] bytesBefore(byte[] word, boolean[] outside, boolean withOutside) {
    int n = stateCount();
    boolean[] reads = new boolean[n];
    for (int s = 0; s < n; s++) {
      reads[s] = read(s * 256, word) >= 0;
    }
    boolean[] hit = new boolean[classes];
    for (int row = 0; row < run.length; row += classes) {
      for (int c = 0; c < classes; c++) {
        int next = run[row + c];
        if (next >= 0 && reads[next / classes]) {
          hit[c] = true;
        }
      }
    }
    boolean[] before = bytesOf(hit);
    if (reads[0] && withOutside) {
      for (int b = 0; b < 256; b++) {
        before[b] |= outside[b];
      }
    }
    return before;
  }

  /**
   * The bytes that directly follow {@code word} where it occurs inside a match, before another byte of the
   * match; plus, when a match can end with {@code word}, every byte in {@code outside} (what may follow a
   * match). A necessary condition for an occurrence of {@code word} to lie in a match.
   */
  public boolean[] bytesAfter(byte[] word, boolean[] outside) {
    boolean[] hit = new boolean[classes];
    boolean canEnd = false;
    for (int s = 0; s < stateCount(); s++) {
      int end = read(s * 256, word);
      if (end < 0) {
        continue;
      }
      canEnd |= accept[end >>> 8];
      int row = (end >>> 8) * classes;
      for (int c = 0; c < classes; c++) {
        hit[c] |= run[row + c] >= 0;
      }
    }
    boolean[] after = bytesOf(hit);
    if (canEnd) {
      for (int b = 0; b < 256; b++) {
        after[b] |= outside[b];
      }
    }
    return after;
  }

  /** The bytes whose class is marked in {@code classHit}. */
  private boolean[] bytesOf(boolean[] classHit) {
    boolean[] bytes = new boolean[256];
    for (int b = 0; b < 256; b++) {
      bytes[b] = classHit[classOf[b] & 0xff];
    }
    return bytes;
  }

  /** The bytes that directly precede {@code word} where it occurs inside a match, after a byte of the match. */
  public boolean[] bytesBeforeInside(byte[] word) {
    return bytesBefore(word, new boolean[256], false);
  }

  /**
   * The bytes that can follow {@code word} when a match starts with it: the next bytes of such a match,
   * plus {@code outside} when {@code word} alone can be a match.
   */
  public boolean[] bytesAfterAtStart(byte[] word, boolean[] outside) {
    boolean[] after = new boolean[256];
    int end = read(0, word);
    if (end < 0) {
      return after;
    }
    for (int b = 0; b < 256; b++) {
      after[b] = table[end | b] >= 0 || (accept[end >>> 8] && outside[b]);
    }
    return after;
  }

  /** The state (times 256) reached from {@code state} by reading {@code word}, or -1. */
  private int read(int state, byte[] word) {
    for (byte b : word) {
      state = table[state | (b & 0xff)];
      if (state < 0) {
        return -1;
      }
    }
    return state;
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
    return "CompiledPattern[" + stateCount() + " states, " + classes + " byte classes, maxLength " + maxLength + "]";
  }
}
