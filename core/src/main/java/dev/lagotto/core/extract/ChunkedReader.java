package dev.lagotto.core.extract;

import dev.lagotto.core.scan.Chunk;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reader of a stream in overlapping {@link Chunk}s of a fixed size. Each byte of the stream lies in the
 * report range {@code [reportFrom, reportTo)} of exactly one chunk; every chunk also carries up to
 * {@code overlap} bytes of context on each side, so that a match of at most {@code overlap} bytes that
 * crosses a chunk border is seen whole and reported once (by the chunk in whose report range it starts).
 *
 * <p>Memory: one buffer per {@link #read} call, of at most {@code chunkSize + 2 * overlap} bytes whatever the length
 * of the stream or of its lines. It starts at {@value #FIRST_BUFFER_BYTES} bytes and doubles while the first chunk
 * fills it, so that a small file costs a small buffer: a whole one (1 MiB by default) took 33 us to allocate and
 * zero, twice the scan of a 4 KiB file. The chunks are the same either way. Cost: each byte is read once and copied
 * at most once more (the overlap), plus the first chunk's doublings (less than one chunk in all). A reader is
 * immutable and may be shared; each {@code read} call uses its own buffer.
 */
public final class ChunkedReader {
  /** Default report range per chunk. */
  public static final int DEFAULT_CHUNK_SIZE = 1 << 20;
  /** Default context on each side; also the longest match guaranteed to be seen whole. */
  public static final int DEFAULT_OVERLAP = 4096;
  /** Largest accepted chunk size. */
  public static final int MAX_CHUNK_SIZE = 64 << 20;
  /** Size of a {@link #read}'s first buffer (when a whole chunk with its overlaps is larger). */
  public static final int FIRST_BUFFER_BYTES = 64 << 10;

  private final int chunkSize;
  private final int overlap;
  private final int firstBuffer;

  public ChunkedReader(int chunkSize, int overlap) {
    this(chunkSize, overlap, FIRST_BUFFER_BYTES);
  }

  /** As {@link #ChunkedReader(int, int)}, with a first buffer of {@code firstBuffer} bytes (at least 1). */
  ChunkedReader(int chunkSize, int overlap, int firstBuffer) {
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException("chunkSize " + chunkSize + " is not in 1.." + MAX_CHUNK_SIZE);
    }
    if (overlap < 0 || overlap > chunkSize) {
      throw new IllegalArgumentException("overlap " + overlap + " is not in 0..chunkSize (" + chunkSize + ")");
    }
    if (firstBuffer < 1) {
      throw new IllegalArgumentException("firstBuffer " + firstBuffer + " is not positive");
    }
    this.chunkSize = chunkSize;
    this.overlap = overlap;
    this.firstBuffer = firstBuffer;
  }

  public static ChunkedReader defaults() {
    return new ChunkedReader(DEFAULT_CHUNK_SIZE, DEFAULT_OVERLAP);
  }

  public int chunkSize() {
    return chunkSize;
  }

  public int overlap() {
    return overlap;
  }

  /**
   * Reads {@code in} to its end, handing each chunk to {@code visitor}; an empty stream gives no chunk.
   * Does not close {@code in}. Blocks until a whole chunk (or the end) is available. When reading fails
   * (e.g. a truncated gzip stream), the bytes read before the fault are still handed over as a last chunk,
   * then the exception is thrown.
   *
   * @return the number of bytes read
   */
  public long read(InputStream in, ChunkVisitor visitor) throws IOException {
    final int whole = chunkSize + 2 * overlap;
    byte[] buf = new byte[Math.min(whole, firstBuffer)];
    int filled = 0;
    int reportFrom = 0;
    long base = 0;
    while (true) {
      IOException fault = null;
      boolean eof = false;
      try {
        while (filled < whole) {
          if (filled == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(whole, 2L * buf.length));
          }
          int n = in.read(buf, filled, buf.length - filled);
          if (n < 0) {
            eof = true;
            break;
          }
          filled += n;
        }
      } catch (IOException e) {
        fault = e;
        eof = true;
      }
      int reportTo = eof ? filled : filled - overlap;
      if (reportTo > reportFrom) {
        visitor.chunk(new Chunk(buf, 0, reportFrom, reportTo, filled), base);
      }
      if (fault != null) {
        throw fault;
      }
      if (eof) {
        return base + filled;
      }
      int keepFrom = reportTo - overlap;
      System.arraycopy(buf, keepFrom, buf, 0, filled - keepFrom);
      base += keepFrom;
      filled -= keepFrom;
      reportFrom = reportTo - keepFrom;
    }
  }
}
