package dev.lagotto.core.extract;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Line and column of a cursor moving forward through a UTF-8 stream. Lines end at {@code \n}; the column
 * counts code points from the line start (a byte that is not a UTF-8 continuation byte starts a code
 * point, so each byte of an invalid sequence that is not a continuation byte counts as one). Counters are
 * {@code long}: a single line may be longer than 2^31 bytes. Cost: linear, eight bytes per step (SWAR
 * newline count over the bytes passed over, code-point count only after the last newline). Not
 * thread-safe; one per stream.
 */
final class LineTracker {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGH = 0x8080808080808080L;

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
    long newlines = 0;
    int lastNewline = -1;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
      long zeros = ~(((x & LOW7) + LOW7) | x | LOW7);
      if (zeros != 0) {
        newlines += Long.bitCount(zeros);
        lastNewline = i + ((63 - Long.numberOfLeadingZeros(zeros)) >>> 3);
      }
    }
    for (; i < to; i++) {
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

  /** The bytes of {@code [from, to)} that are not UTF-8 continuation bytes ({@code 10xxxxxx}). */
  static long codePoints(byte[] bytes, int from, int to) {
    long n = to - from;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(bytes, i);
      n -= Long.bitCount(x & ~(x << 1) & HIGH);
    }
    for (; i < to; i++) {
      if ((bytes[i] & 0xC0) == 0x80) {
        n--;
      }
    }
    return n;
  }
}
