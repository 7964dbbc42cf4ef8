package dev.lagotto.core.validate;

/**
 * Checks one pattern match. Validators run only on matches, never on candidates, but on every match: the
 * default ones decide the common shapes from the bytes without allocating and decode to a {@code String} only
 * for rare shapes (non-ASCII, URL-encoded, odd white space). Implementations are thread-safe.
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
