package dev.lagotto.agent.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer of output text in UTF-8, encoded as an {@link java.io.OutputStreamWriter} for UTF-8
 * encodes: a surrogate pair as one four-byte sequence, an unpaired surrogate as {@code ?}. Cost: a pass over
 * the characters appended, amortised-constant growth. Not thread-safe.
 */
final class ByteLine {
  private static final int INITIAL_BYTES = 1024;
  /** What an {@link java.io.OutputStreamWriter} for UTF-8 writes for an unpaired surrogate. */
  private static final byte REPLACEMENT = '?';
  /** Bytes of the longest encoding of one {@code char} (three; a pair takes four for two chars). */
  private static final int MAX_BYTES_PER_CHAR = 3;
  /** Decimal digits of {@link Long#MAX_VALUE}. */
  private static final int MAX_LONG_DIGITS = 19;

  private byte[] bytes = new byte[INITIAL_BYTES];
  private int length;

  /** The bytes in the buffer, from 0 to {@link #length}; valid until the next append. */
  byte[] array() {
    return bytes;
  }

  int length() {
    return length;
  }

  void clear() {
    length = 0;
  }

  /** Sets the length back to {@code n}, at most the length, dropping what was appended after it. */
  void truncate(int n) {
    length = n;
  }

  /** Writes the buffer to {@code out} and empties it. */
  void drainTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
    length = 0;
  }

  /** The bytes of {@code s}, which holds only ASCII characters. */
  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  ByteLine append(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
    return this;
  }

  ByteLine append(byte b) {
    ensure(1);
    bytes[length++] = b;
    return this;
  }

  /** The decimal text of {@code v}, as {@link Long#toString(long)} writes it. */
  ByteLine decimal(long v) {
    if (v < 0) {
      return append(ascii(Long.toString(v)));
    }
    int digits = 1;
    for (long rest = v / 10; rest != 0; rest /= 10) {
      digits++;
    }
    ensure(MAX_LONG_DIGITS);
    int end = length + digits;
    long rest = v;
    for (int i = end - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    length = end;
    return this;
  }

  /**
   * Appends {@code s} in UTF-8 unless it holds a character JSON escapes (a control character, quote or
   * backslash); returns whether it did (when not, nothing was appended).
   */
  boolean appendPlain(String s) {
    int n = s.length();
    ensure(n * MAX_BYTES_PER_CHAR);
    byte[] b = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        length = at;
        return appendPlainFrom(s, i);
      }
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
      b[at++] = (byte) c;
    }
    length = at;
    return true;
  }

  /** {@link #appendPlain} from index {@code from} of {@code s} on (before it, all was ASCII and appended). */
  private boolean appendPlainFrom(String s, int from) {
    int start = length - from;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        length = start;
        return false;
      }
    }
    appendUtf8(s, from, s.length());
    return true;
  }

  /** {@code s} in UTF-8. */
  ByteLine utf8(CharSequence s) {
    appendUtf8(s, 0, s.length());
    return this;
  }

  private void appendUtf8(CharSequence s, int from, int to) {
    ensure((to - from) * MAX_BYTES_PER_CHAR);
    byte[] b = bytes;
    int at = length;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[at++] = (byte) c;
      } else if (c < 0x800) {
        b[at++] = (byte) (0xc0 | c >> 6);
        b[at++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[at++] = (byte) (0xf0 | cp >> 18);
        b[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
        b[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
        b[at++] = (byte) (0x80 | cp & 0x3f);
      } else if (Character.isSurrogate(c)) {
        b[at++] = REPLACEMENT;
      } else {
        b[at++] = (byte) (0xe0 | c >> 12);
        b[at++] = (byte) (0x80 | c >> 6 & 0x3f);
        b[at++] = (byte) (0x80 | c & 0x3f);
      }
    }
    length = at;
  }

  private void ensure(int more) {
    if (bytes.length - length < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
