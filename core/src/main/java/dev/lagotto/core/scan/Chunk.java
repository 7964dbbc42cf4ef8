package dev.lagotto.core.scan;

import java.util.Objects;

/**
 * A window of UTF-8 bytes handed to the {@link Scanner}: bytes {@code [start, end)} may be read (for left
 * context, boundaries and the tail of a match), and matches are reported only when they start in
 * {@code [reportFrom, reportTo)}. Overlapping chunks of one stream therefore report each match once.
 * The array is not copied: the caller must not change it during a scan.
 */
public record Chunk(byte[] bytes, int start, int reportFrom, int reportTo, int end) {
  public Chunk {
    Objects.requireNonNull(bytes, "bytes");
    if (start < 0 || start > reportFrom || reportFrom > reportTo || reportTo > end || end > bytes.length) {
      throw new IllegalArgumentException("bad chunk bounds start=" + start + " reportFrom=" + reportFrom
          + " reportTo=" + reportTo + " end=" + end + " length=" + bytes.length);
    }
  }

  /** A chunk that covers and reports the whole array. */
  public static Chunk of(byte[] bytes) {
    return new Chunk(bytes, 0, 0, bytes.length, bytes.length);
  }
}
