package dev.lagotto.core.extract;

import dev.lagotto.core.rule.Rule;

/** Receives the matches of one text stream from a {@link TextScanner}, in stream order, on the scanning thread. */
public interface TextMatchSink {
  /**
   * One match: {@code bytes[start, end)} (valid only during the call) at stream byte {@code offset},
   * 1-based {@code line} and {@code column} (code points).
   */
  void match(Rule rule, double confidence, byte[] bytes, int start, int end, long line, long column, long offset);

  /** Called after each chunk with the number of new bytes scanned; for progress reports. */
  default void scanned(long bytes) {}
}
