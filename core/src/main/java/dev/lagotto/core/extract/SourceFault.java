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

  public SourceFault(String reason, String detail, Throwable cause) {
    super(detail == null || detail.isEmpty() ? reason : reason + ": " + detail, cause);
    this.reason = reason;
    this.detail = detail == null ? "" : detail;
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
