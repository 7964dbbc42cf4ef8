package dev.lagotto.core.extract;

/**
 * Tells text from binary content by the first block of a stream: a NUL byte, or more than
 * {@link #MAX_INVALID_UTF8_PER_MILLE} per mille of bytes in invalid UTF-8 sequences, make it binary. A
 * sequence cut by the end of the block counts as valid. Cost: linear in the block. Stateless.
 */
public final class ContentSniffer {
  /** Bytes examined at the start of a stream. */
  public static final int HEAD_BYTES = 8192;
  /** Invalid-UTF-8 bytes tolerated in text, per 1000 bytes of the head. */
  public static final int MAX_INVALID_UTF8_PER_MILLE = 50;
  /** The first two bytes of every gzip member (RFC 1952). */
  public static final int GZIP_MAGIC_1 = 0x1f;
  public static final int GZIP_MAGIC_2 = 0x8b;

  private ContentSniffer() {}

  /** Whether {@code head} starts with the gzip magic number. */
  public static boolean isGzip(byte[] head, int length) {
    return length >= 2 && (head[0] & 0xff) == GZIP_MAGIC_1 && (head[1] & 0xff) == GZIP_MAGIC_2;
  }

  /** The kind of content whose first {@code length} bytes are {@code head}. */
  public static ContentType sniff(byte[] head, int length, boolean gzip) {
    if (length == 0) {
      return new ContentType(ContentType.Kind.EMPTY, gzip, head, 0, "");
    }
    int invalid = 0;
    int i = 0;
    while (i < length) {
      int b = head[i] & 0xff;
      if (b == 0) {
        return new ContentType(ContentType.Kind.BINARY, gzip, head, length, "NUL bytes");
      }
      int need = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
      if (need < 0) {
        invalid++;
        i++;
        continue;
      }
      int j = 1;
      while (j <= need && i + j < length && (head[i + j] & 0xC0) == 0x80) {
        j++;
      }
      if (j <= need && i + j < length) {
        invalid += j;
      }
      i += j;
    }
    if ((long) invalid * 1000 > (long) length * MAX_INVALID_UTF8_PER_MILLE) {
      return new ContentType(ContentType.Kind.BINARY, gzip, head, length, "invalid UTF-8");
    }
    return new ContentType(ContentType.Kind.TEXT, gzip, head, length, "");
  }
}
