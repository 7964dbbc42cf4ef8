package dev.lagotto.agent.daemon;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th consecutive failure waits a random time in
 * {@code [d/2, d]} where {@code d = min(max, initial * 2^n)}, so that many agents coming back after a
 * server outage do not retry in step. Not thread-safe; one per retrying loop.
 */
public final class Backoff {
  public static final Duration INITIAL = Duration.ofMillis(200);
  private static final int MAX_SHIFT = 30;
  private final long initialMillis;
  private final long maxMillis;
  private final RandomGenerator random;
  private int failures;

  public Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initialMillis = Math.max(1, initial.toMillis());
    this.maxMillis = Math.max(initialMillis, max.toMillis());
    this.random = random;
  }

  /** The wait before the next attempt, counting one more failure. */
  public long nextDelayMillis() {
    int shift = Math.min(failures++, MAX_SHIFT);
    long d = Math.min(maxMillis, initialMillis << shift);
    return d / 2 + (d / 2 == 0 ? 0 : random.nextLong(d - d / 2 + 1));
  }

  /** Consecutive failures so far. */
  public int failures() {
    return failures;
  }

  /** Back to the initial delay after a success. */
  public void reset() {
    failures = 0;
  }
}
