package dev.lagotto.core.pattern;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time: a {@code long} read from a byte array (byte {@code i + k} in lane {@code k}, bits
 * {@code 8k..8k+7}) and exact tests of all its lanes at once, each giving the high bit ({@code 0x80 << 8k}) of
 * every lane that passes. For scans that look for rare bytes: a word whose lanes all fail is skipped with a few
 * operations and no branch per byte. No lane's result depends on another lane (no carry or borrow crosses a
 * lane). Stateless and thread-safe.
 */
public final class ByteLanes {
  /** The high bit of every lane. */
  public static final long HIGH = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private ByteLanes() {}

  /** Bytes {@code [i, i + 8)} of {@code bytes}, byte {@code i} in the lowest lane; throws when out of bounds. */
  public static long load(byte[] bytes, int i) {
    return (long) LONGS.get(bytes, i);
  }

  /**
   * The lanes whose byte lies in {@code [min, max]}, for ASCII bounds {@code 0 <= min <= max <= 127} (bytes of
   * 128 and more never pass). In a lane of seven bits {@code v}, {@code v + 128 - min} sets the high bit iff
   * {@code v >= min}, and {@code 128 + max - v} iff {@code v <= max}; neither leaves the lane. Six operations
   * when the bounds are constants.
   */
  public static long inRange(long word, int min, int max) {
    long low = word & LOW7;
    return (ONES * (128 + max) - low) & (low + ONES * (128 - min)) & ~word & HIGH;
  }

  /** The lanes whose byte is {@code min} (0..128) or more: three operations when {@code min} is a constant. */
  public static long atLeast(long word, int min) {
    return ((word & LOW7) + ONES * (128 - min) | word) & HIGH;
  }

  /** The lanes whose byte is {@code value} (0..255). */
  public static long equal(long word, int value) {
    long x = word ^ (ONES * value);
    return ~(((x & LOW7) + LOW7) | x) & HIGH;
  }

  /** The lane of the lowest passing bit of a non-zero {@code lanes}: its byte's offset in the word, 0..7. */
  public static int firstLane(long lanes) {
    return Long.numberOfTrailingZeros(lanes) >>> 3;
  }
}
