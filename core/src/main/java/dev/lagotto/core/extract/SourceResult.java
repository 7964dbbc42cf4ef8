package dev.lagotto.core.extract;

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
 */
public record SourceResult(Status status, String reason, String detail, long bytes, long findings) {
  public SourceResult {
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
    detail = detail == null ? "" : detail;
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

  /** Scanned, skipped by policy, or failed with an error. */
  public enum Status { SCANNED, SKIPPED, FAILED }
}
