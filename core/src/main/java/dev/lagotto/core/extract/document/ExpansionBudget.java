package dev.lagotto.core.extract.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The expansion budget of one top-level file: total bytes expanded, entries opened, and the compression ratio
 * of each guarded stream, checked as bytes flow. Thread-safe (a parser worker spools embedded documents while
 * the caller waits); once spent it stays spent, so later entries are refused at once.
 */
final class ExpansionBudget {

  private static final int COPY_BUFFER = 64 * 1024;

  private final ExtractLimits limits;
  private final AtomicLong expanded = new AtomicLong();
  private final AtomicInteger entries = new AtomicInteger();
  private volatile SkipReason spent;

  ExpansionBudget(ExtractLimits limits) {
    this.limits = limits;
  }

  /** Whether the budget is spent (bytes or entries): nothing more should be opened. */
  boolean spent() {
    return spent != null;
  }

  /** Counts one entry; throws {@link SkipReason#TOO_MANY_ENTRIES} past the limit. */
  void countEntry() throws LimitExceededException {
    if (entries.incrementAndGet() > limits.maxEntries()) {
      spent = SkipReason.TOO_MANY_ENTRIES;
      throw new LimitExceededException(SkipReason.TOO_MANY_ENTRIES,
          "more than " + limits.maxEntries() + " entries");
    }
  }

  /**
   * Wraps a stream of expanded bytes: reading past the file's byte budget throws {@link SkipReason#TOO_LARGE},
   * and past {@code maxCompressionRatio * compressedSize} (after {@link ExtractLimits#RATIO_GRACE_BYTES}) throws
   * {@link SkipReason#ZIP_BOMB}.
   *
   * @param compressedSize stored size of what is being expanded, or a non-positive value when unknown (only the
   *     byte budget then applies)
   */
  InputStream guard(InputStream in, long compressedSize) {
    return new Guarded(in, compressedSize);
  }

  /**
   * Copies the rest of a stream, guarded, to a new temporary file in {@code dir}; the stream is not closed (it
   * may be an archive's entry stream). Deletes the file if a limit is hit.
   */
  Path spool(InputStream in, long compressedSize, Path dir) throws IOException {
    Path file = Files.createTempFile(dir, "entry", ".bin");
    InputStream guarded = guard(in, compressedSize);
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[COPY_BUFFER];
      for (int n; (n = guarded.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private final class Guarded extends FilterInputStream {
    private final long compressedSize;
    private long read;

    Guarded(InputStream in, long compressedSize) {
      super(in);
      this.compressedSize = compressedSize;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      if (skipped > 0) {
        count(skipped);
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void count(long n) throws LimitExceededException {
      read += n;
      if (expanded.addAndGet(n) > limits.maxExpandedBytes()) {
        spent = SkipReason.TOO_LARGE;
        throw new LimitExceededException(SkipReason.TOO_LARGE,
            "more than " + limits.maxExpandedBytes() + " bytes expanded from one file");
      }
      if (compressedSize > 0 && read > ExtractLimits.RATIO_GRACE_BYTES
          && read > compressedSize * limits.maxCompressionRatio()) {
        throw new LimitExceededException(SkipReason.ZIP_BOMB, "expanded " + read + " bytes from "
            + compressedSize + " (ratio over " + limits.maxCompressionRatio() + ")");
      }
    }
  }
}
