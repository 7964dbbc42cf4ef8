package dev.lagotto.benchmarks.eval;

import java.util.Objects;

/**
 * One labelled span of the corpus: a planted personal-data item or a planted decoy (look-alike).
 *
 * @param offset byte offset of the first byte in the corpus
 * @param length length in bytes, at least 1
 * @param category for a planted item, the Lagotto category id ({@code email}); for a decoy, the trap kind
 *     ({@code version_4part}, {@code oid}, ...)
 * @param kind planted or decoy
 * @param sub an optional sub-kind of a planted item ({@code email_urlencoded}, {@code us_ssn}), or {@code null}
 */
public record Label(long offset, int length, String category, Kind kind, String sub) {
  public Label {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(kind, "kind");
    if (offset < 0 || length < 1) {
      throw new IllegalArgumentException("bad label span offset=" + offset + " length=" + length);
    }
  }

  /** The first byte after the span. */
  public long end() {
    return offset + length;
  }

  /** Whether the span shares a byte with {@code [start, end)}. */
  public boolean overlaps(long start, long end) {
    return offset < end && start < end();
  }

  /** Planted personal data, or a look-alike that must not be reported. */
  public enum Kind { PLANTED, DECOY }
}
