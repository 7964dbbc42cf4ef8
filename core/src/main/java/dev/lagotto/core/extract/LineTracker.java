package dev.lagotto.core.extract;

/**
 * Line and column of a cursor moving forward through a UTF-8 stream. Lines end at {@code \n}; the column
 * counts code points from the line start (a byte that is not a UTF-8 continuation byte starts a code
 * point, so each byte of an invalid sequence that is not a continuation byte counts as one). Counters are
 * {@code long}: a single line may be longer than 2^31 bytes. Cost: linear in the bytes passed over.
 * Not thread-safe; one per stream.
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
    long l = line;
    long c = column;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        l++;
        c = 1;
      } else if ((b & 0xC0) != 0x80) {
        c++;
      }
    }
    if (to > from) {
      line = l;
      column = c;
      offset = target;
    }
  }
}
