package dev.lagotto.core.extract;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip stream (all members of a multi-member file) whose faults are {@link SourceFault}s:
 * {@link #TRUNCATED} when the compressed data ends early, {@link #CORRUPT} when it is not valid gzip.
 * Bytes decompressed before a fault have already been returned. Not thread-safe.
 */
final class GzipInput extends InputStream {
  static final String TRUNCATED = "truncated gzip stream";
  static final String CORRUPT = "corrupt gzip stream";
  private static final int BUFFER = 64 * 1024;
  private final GZIPInputStream in;

  GzipInput(InputStream compressed) throws IOException {
    try {
      this.in = new GZIPInputStream(compressed, BUFFER);
    } catch (EOFException e) {
      throw new SourceFault(TRUNCATED, "header cut short", e);
    } catch (ZipException e) {
      throw new SourceFault(CORRUPT, e.getMessage(), e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return in.read(b, off, len);
    } catch (EOFException e) {
      throw new SourceFault(TRUNCATED, "", e);
    } catch (ZipException e) {
      throw new SourceFault(CORRUPT, e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
