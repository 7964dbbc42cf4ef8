package dev.lagotto.core.pattern;

/**
 * A hand-written matcher, used by rules that set {@code matcher: NAME} instead of a pattern (e.g. person
 * names, which need dictionaries). Plays the same role as a compiled pattern: the scanner calls it only at
 * candidate positions. Registered through {@code META-INF/services/dev.lagotto.core.pattern.CustomMatcher}.
 * Implementations are immutable and thread-safe and must not allocate per call in the steady state.
 */
public interface CustomMatcher {
  /** The name rules use in {@code matcher:}. */
  String name();

  /**
   * The end (exclusive) of the longest match that starts at {@code start} and ends at or before
   * {@code limit}, or {@code -1}. Bytes before {@code start} (down to {@code lo}) may be read as context.
   */
  int match(byte[] bytes, int lo, int start, int limit);

  /** Whether a match can start with byte {@code b} (0..255); the scanner's trigger table is built from it. */
  boolean canStartWith(int b);

  /** The longest match possible, in bytes. */
  int maxLength();

  /**
   * Whether a match can start at the first byte of a run of {@code length} ASCII upper-case letters that
   * is followed by byte {@code next} (0..255, not an upper-case letter). A necessary condition the index
   * checks before {@link #match}, once per position for all rules; it must never be {@code false} where
   * {@link #match} could succeed. Default: {@code true}.
   */
  default boolean canStartUpperRun(int length, int next) {
    return true;
  }

  /**
   * Whether the matcher finds its own candidate starts ({@link #findStarts}) instead of being triggered by the
   * rule index at every byte it can start with. Default: {@code false}.
   */
  default boolean findsStarts() {
    return false;
  }

  /**
   * Writes to {@code out}, in increasing order, positions {@code p} in {@code [from, to)}, and returns how many:
   * at least every {@code p} where {@link #match}{@code (bytes, lo, p, min(hi, p + maxLength))} succeeds and,
   * when {@code p > lo} and {@code forbiddenBefore} is not {@code null}, {@code forbiddenBefore[bytes[p - 1]]}
   * is false. {@code out} has room for {@code to - from} positions; {@code bytes[lo, hi)} may be read. Called
   * only when {@link #findsStarts}; this default finds nothing.
   */
  default int findStarts(byte[] bytes, int lo, int from, int to, int hi, int maxLength, boolean[] forbiddenBefore,
      int[] out) {
    return 0;
  }
}
