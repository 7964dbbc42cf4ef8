package dev.lagotto.core.extract.document;

import java.io.IOException;

/**
 * An extraction limit hit while reading: carries the {@link SkipReason} to report. An {@link IOException} so that
 * it travels through parsers and visitor code that read the guarded streams.
 */
final class LimitExceededException extends IOException {
  private static final long serialVersionUID = 1L;

  private final SkipReason reason;

  LimitExceededException(SkipReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  SkipReason reason() {
    return reason;
  }

  /** The first {@link LimitExceededException} in a cause chain, or {@code null}. */
  static LimitExceededException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof LimitExceededException e) {
        return e;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
