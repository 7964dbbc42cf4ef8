package dev.lagotto.core.pattern;

/**
 * A pattern outside the rule dialect, or one that cannot be compiled within the work limits. The message
 * names the character index (0-based, in the pattern string) and the reason.
 */
public final class PatternException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int index;

  public PatternException(int index, String reason) {
    super(index >= 0 ? "at index " + index + ": " + reason : reason);
    this.index = index;
  }

  /** The 0-based index in the pattern where the problem was found, or -1 when it concerns the whole pattern. */
  public int index() {
    return index;
  }
}
