package dev.lagotto.core.extract.document;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that keep document and archive extraction bounded in time, memory and disk, whatever the input. Each
 * limit has a named default; the {@code with...} methods return a copy with one limit changed. The constructor
 * fails fast on a non-positive value, naming it.
 *
 * @param parseTimeout wall-clock time one document parse may take (one top-level document or one embedded
 *     document each); the parse runs on a worker thread that is interrupted and abandoned when it is exceeded
 * @param maxChars characters of text extracted from one document; the rest is cut and reported
 *     {@link SkipReason#TOO_LARGE}
 * @param maxExpandedBytes bytes that may be expanded (decompressed or copied out) from one top-level file, all
 *     nesting levels together; this also bounds the temporary disk space used
 * @param maxCompressionRatio expanded bytes per compressed byte allowed for one archive entry or compressed
 *     stream once it has expanded past {@link #RATIO_GRACE_BYTES}; beyond it the entry is a
 *     {@link SkipReason#ZIP_BOMB}
 * @param maxEntries archive entries and embedded documents opened from one top-level file
 * @param maxDepth containers (archives, compressed streams, documents with attachments) that may enclose one
 *     another: the top-level file is at depth 0 and a container at depth {@code maxDepth} is not opened
 * @param maxDocumentBytes size of one document handed to a parser (larger ones are {@link SkipReason#TOO_LARGE})
 */
public record ExtractLimits(
    Duration parseTimeout,
    int maxChars,
    long maxExpandedBytes,
    int maxCompressionRatio,
    int maxEntries,
    int maxDepth,
    long maxDocumentBytes) {

  /** Default per-document parse timeout: 60 s. */
  public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(60);
  /** Default maximum characters extracted per document: 32 Mi (about 32-96 MiB of UTF-8, spilled to disk). */
  public static final int DEFAULT_MAX_CHARS = 32 * 1024 * 1024;
  /** Default maximum bytes expanded from one top-level file: 1 GiB. */
  public static final long DEFAULT_MAX_EXPANDED_BYTES = 1L << 30;
  /** Default maximum compression ratio: 100 (the ratio Apache POI also treats as a zip bomb). */
  public static final int DEFAULT_MAX_COMPRESSION_RATIO = 100;
  /** Default maximum entries per top-level file: 10,000. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /** Default maximum nesting depth: 5. */
  public static final int DEFAULT_MAX_DEPTH = 5;
  /** Default maximum document size given to a parser: 256 MiB. */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 256L << 20;
  /** Bytes an entry may expand to before its compression ratio is checked: 1 MiB (small entries compress well). */
  public static final long RATIO_GRACE_BYTES = 1L << 20;

  private static final ExtractLimits DEFAULTS = new ExtractLimits(DEFAULT_PARSE_TIMEOUT, DEFAULT_MAX_CHARS,
      DEFAULT_MAX_EXPANDED_BYTES, DEFAULT_MAX_COMPRESSION_RATIO, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_DEPTH,
      DEFAULT_MAX_DOCUMENT_BYTES);

  public ExtractLimits {
    Objects.requireNonNull(parseTimeout, "parseTimeout");
    if (parseTimeout.isNegative() || parseTimeout.isZero()) {
      throw new IllegalArgumentException("parseTimeout must be positive: " + parseTimeout);
    }
    positive("maxChars", maxChars);
    positive("maxExpandedBytes", maxExpandedBytes);
    positive("maxCompressionRatio", maxCompressionRatio);
    positive("maxEntries", maxEntries);
    positive("maxDepth", maxDepth);
    positive("maxDocumentBytes", maxDocumentBytes);
  }

  /** The documented defaults. */
  public static ExtractLimits defaults() {
    return DEFAULTS;
  }

  public ExtractLimits withParseTimeout(Duration value) {
    return new ExtractLimits(value, maxChars, maxExpandedBytes, maxCompressionRatio, maxEntries, maxDepth,
        maxDocumentBytes);
  }

  public ExtractLimits withMaxChars(int value) {
    return new ExtractLimits(parseTimeout, value, maxExpandedBytes, maxCompressionRatio, maxEntries, maxDepth,
        maxDocumentBytes);
  }

  public ExtractLimits withMaxExpandedBytes(long value) {
    return new ExtractLimits(parseTimeout, maxChars, value, maxCompressionRatio, maxEntries, maxDepth,
        maxDocumentBytes);
  }

  public ExtractLimits withMaxCompressionRatio(int value) {
    return new ExtractLimits(parseTimeout, maxChars, maxExpandedBytes, value, maxEntries, maxDepth,
        maxDocumentBytes);
  }

  public ExtractLimits withMaxEntries(int value) {
    return new ExtractLimits(parseTimeout, maxChars, maxExpandedBytes, maxCompressionRatio, value, maxDepth,
        maxDocumentBytes);
  }

  public ExtractLimits withMaxDepth(int value) {
    return new ExtractLimits(parseTimeout, maxChars, maxExpandedBytes, maxCompressionRatio, maxEntries, value,
        maxDocumentBytes);
  }

  public ExtractLimits withMaxDocumentBytes(long value) {
    return new ExtractLimits(parseTimeout, maxChars, maxExpandedBytes, maxCompressionRatio, maxEntries, maxDepth,
        value);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
