package dev.lagotto.agent.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A generated stream of {@code length} bytes without a newline: the filler {@code "abcd "} repeated, with
 * {@code " MARKER "} written over it so that each marker's first byte sits at the given offset. Memory:
 * one filler block, whatever the length. Not thread-safe.
 */
final class SyntheticLine extends InputStream {
  private static final byte[] PATTERN = "abcd ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BLOCK = new byte[PATTERN.length * (1 << 16)];

  static {
    for (int i = 0; i < BLOCK.length; i++) {
      BLOCK[i] = PATTERN[i % PATTERN.length];
    }
  }

  private final long length;
  private final Map<Long, String> markers;
  private long pos;

  SyntheticLine(long length, Map<Long, String> markers) {
    this.length = length;
    this.markers = markers;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (pos >= length) {
      return -1;
    }
    int n = (int) Math.min(len, length - pos);
    int done = 0;
    while (done < n) {
      int start = (int) ((pos + done) % PATTERN.length);
      int m = Math.min(n - done, BLOCK.length - start);
      System.arraycopy(BLOCK, start, b, off + done, m);
      done += m;
    }
    for (Map.Entry<Long, String> e : markers.entrySet()) {
      byte[] text = (" " + e.getValue() + " ").getBytes(StandardCharsets.US_ASCII);
      long from = e.getKey() - 1;
      for (int i = 0; i < text.length; i++) {
        long p = from + i;
        if (p >= pos && p < pos + n) {
          b[off + (int) (p - pos)] = text[i];
        }
      }
    }
    pos += n;
    return n;
  }
}
