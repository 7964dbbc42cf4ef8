package dev.lagotto.core.extract;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading one source.
 *
 * @param status scanned (whole), skipped (by policy: binary, empty, too large, not a regular file) or
 *     failed (an error: permission denied, vanished, truncated; findings made before it are kept)
 * @param reason short stable reason for skipped and failed sources, empty when scanned
 * @param detail more about this occurrence, or empty
 * @param bytes bytes of text scanned (decompressed/extracted)
 * @param findings findings reported
 * @param entries entries of the source that were not read while the rest was (at most
 *     {@link SourceReader#MAX_LISTED_ENTRIES}), in the order met; empty for a source without entries
 */
public record SourceResult(Status status, String reason, String detail, long bytes, long findings,
    List<SkippedEntry> entries) {
  public SourceResult {
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
    detail = detail == null ? "" : detail;
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /** A result without skipped entries. */
  public SourceResult(Status status, String reason, String detail, long bytes, long findings) {
    this(status, reason, detail, bytes, findings, List.of());
  }

  public static SourceResult scanned(long bytes, long findings) {
    return new SourceResult(Status.SCANNED, "", "", bytes, findings);
  }

  public static SourceResult skipped(String reason, String detail) {
    return new SourceResult(Status.SKIPPED, reason, detail, 0, 0);
  }

  public static SourceResult failed(String reason, String detail, long bytes, long findings) {
    return new SourceResult(Status.FAILED, reason, detail, bytes, findings);
  }

  /** This result with {@code skipped} as its skipped entries. */
  public SourceResult withEntries(List<SkippedEntry> skipped) {
    return new SourceResult(status, reason, detail, bytes, findings, skipped);
  }

  /** Scanned, skipped by policy, or failed with an error. */
  public enum Status { SCANNED, SKIPPED, FAILED }
}
