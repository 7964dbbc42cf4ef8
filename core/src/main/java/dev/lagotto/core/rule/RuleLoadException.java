package dev.lagotto.core.rule;

/** A rule file that cannot be used; the message names the file, the line (when known) and the reason. */
public final class RuleLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  public RuleLoadException(String origin, int line, String reason) {
    super(origin + (line > 0 ? ":" + line : "") + ": " + reason);
  }

  /** The same failure as {@code e}, thrown again (its message, {@code e} as the cause) on this thread. */
  public RuleLoadException(RuleLoadException e) {
    super(e.getMessage(), e);
  }
}
