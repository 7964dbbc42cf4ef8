package dev.lagotto.agent.server;

/**
 * An HTTP error answer: status and a message for the client. Messages name fields, lines and limits,
 * never a submitted value.
 */
final class HttpError extends Exception {
  private final int status;
  private final long line;

  HttpError(int status, String message) {
    this(status, message, 0);
  }

  HttpError(int status, String message, long line) {
    super(message, null, false, false);
    this.status = status;
    this.line = line;
  }

  int status() {
    return status;
  }

  /** The 1-based NDJSON line at fault, or 0. */
  long line() {
    return line;
  }
}
