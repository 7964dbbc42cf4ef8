package dev.lagotto.core.validate;

/**
 * Checks one pattern match. Validators run only on matches, never on candidates, so they may allocate.
 * Implementations are immutable and thread-safe.
 */
public interface Validator {
  /** The name rules use in {@code validators: [...]}. */
  String name();

  /**
   * A confidence factor for the match {@code bytes[start, end)}: {@code 0} drops it, {@code 1} keeps it
   * unchanged, a value in between keeps it with lower confidence (e.g. a private IP address).
   */
  double check(byte[] bytes, int start, int end);
}
