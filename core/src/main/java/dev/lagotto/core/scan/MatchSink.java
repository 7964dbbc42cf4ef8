package dev.lagotto.core.scan;

import dev.lagotto.core.rule.Rule;

/**
 * Receives the resolved matches of one chunk, in ascending {@code start} order, one per span.
 * Offsets index the chunk's byte array. Called on the scanning thread.
 */
@FunctionalInterface
public interface MatchSink {
  void match(Rule rule, int start, int end, double confidence);
}
