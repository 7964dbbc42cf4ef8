package dev.lagotto.core.extract;

import java.io.IOException;

/**
 * A source that cannot be read (further), with a short stable reason for the scan report (e.g.
 * {@code truncated gzip stream}) and an optional detail. Neither may contain a scanned value.
 */
public final class SourceFault extends IOException {
  private static final long serialVersionUID = 1L;
  private final String reason;
  private final String detail;
  private final boolean policy;

  public SourceFault(String reason, String detail, Throwable cause) {
    this(reason, detail, cause, false);
  }

  private SourceFault(String reason, String detail, Throwable cause, boolean policy) {
    super(detail == null || detail.isEmpty() ? reason : reason + ": " + detail, cause);
    this.reason = reason;
    this.detail = detail == null ? "" : detail;
    this.policy = policy;
  }

  /**
   * A source not read by policy rather than for an error (e.g. a binary format no parser reads): reported as
   * skipped, like {@code binary content}, and not counted as a failure.
   */
  public static SourceFault skippedByPolicy(String reason, String detail) {
    return new SourceFault(reason, detail, null, true);
  }

  /** Whether the source was skipped by policy ({@link #skippedByPolicy}) rather than failed. */
  public boolean policy() {
    return policy;
  }

  public SourceFault(String reason) {
    this(reason, "", null);
  }

  /** The short, stable reason; summaries group by it. */
  public String reason() {
    return reason;
  }

  /** More about this occurrence (sizes, the I/O message), or empty. */
  public String detail() {
    return detail;
  }
}
