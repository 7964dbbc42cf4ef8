package dev.lagotto.core.extract;

/**
 * Line and column of a cursor moving forward through a UTF-8 stream. Lines end at {@code \n}; the column
 * counts code points from the line start (a byte that is not a UTF-8 continuation byte starts a code
 * point, so each byte of an invalid sequence that is not a continuation byte counts as one). Counters are
 * {@code long}: a single line may be longer than 2^31 bytes. Cost: one newline test per byte passed over,
 * plus a code-point count of the bytes after the last newline. Not thread-safe; one per stream.
 */
final class LineTracker {
  private long offset;
  private long line = 1;
  private long column = 1;

  /** The stream offset of the cursor. */
  long offset() {
    return offset;
  }

  /** The 1-based line of the cursor. */
  long line() {
    return line;
  }

  /** The 1-based column of the cursor, in code points. */
  long column() {
    return column;
  }

  /**
   * Moves the cursor forward to stream offset {@code target}, reading the bytes passed over from
   * {@code bytes}, whose index 0 is stream offset {@code base}. A target behind the cursor is ignored.
   */
  void advanceTo(byte[] bytes, long base, long target) {
    int from = (int) (offset - base);
    int to = (int) (target - base);
    if (to <= from) {
      return;
    }
    int newlines = 0;
    int lastNewline = -1;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        newlines++;
        lastNewline = i;
      }
    }
    if (newlines > 0) {
      line += newlines;
      column = 1 + codePoints(bytes, lastNewline + 1, to);
    } else {
      column += codePoints(bytes, from, to);
    }
    offset = target;
  }

  private static long codePoints(byte[] bytes, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        n++;
      }
    }
    return n;
  }
}
