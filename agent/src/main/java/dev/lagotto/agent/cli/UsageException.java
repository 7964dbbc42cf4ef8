package dev.lagotto.agent.cli;

/** A usage or configuration error found after parsing; its message names the bad option, value or file. Exit code {@link ExitCodes#USAGE}. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
