package dev.lagotto.core.pattern;

import java.util.List;

/**
 * The syntax tree of a parsed pattern: byte sets, sequences, alternatives and bounded or unbounded
 * repetition. Immutable. Produced by {@link PatternDialect#parse}, consumed by {@link PatternCompiler}.
 */
public sealed interface PatternNode {

  /** One byte out of a set of 256; a literal byte is a set of one. */
  record ByteSet(long w0, long w1, long w2, long w3) implements PatternNode {
    public static ByteSet of(boolean[] bytes) {
      long[] w = new long[4];
      for (int b = 0; b < 256; b++) {
        if (bytes[b]) {
          w[b >>> 6] |= 1L << (b & 63);
        }
      }
      return new ByteSet(w[0], w[1], w[2], w[3]);
    }

    public static ByteSet single(int b) {
      boolean[] set = new boolean[256];
      set[b] = true;
      return of(set);
    }

    public boolean contains(int b) {
      long w = switch (b >>> 6) {
        case 0 -> w0;
        case 1 -> w1;
        case 2 -> w2;
        default -> w3;
      };
      return (w & (1L << (b & 63))) != 0;
    }

    public boolean isEmpty() {
      return (w0 | w1 | w2 | w3) == 0;
    }
  }

  /** The items one after the other; no items = the empty string. */
  record Seq(List<PatternNode> items) implements PatternNode {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /** Any one of the options. */
  record Alt(List<PatternNode> options) implements PatternNode {
    public Alt {
      options = List.copyOf(options);
    }
  }

  /** {@code node} repeated {@code min} to {@code max} times; {@code max == UNBOUNDED} for no upper bound. */
  record Repeat(PatternNode node, int min, int max) implements PatternNode {
    public static final int UNBOUNDED = -1;
  }
}
