package dev.lagotto.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes scanned, as a JMH auxiliary counter of type {@code OPERATIONS}: JMH normalises it to time, so in
 * throughput mode the secondary result {@code <benchmark>:megabytes} is MB/s (10^6 bytes per second; JMH labels
 * its unit "ops/s"). Reset at each iteration. Not thread-safe (one per benchmark thread).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Throughput {
  // not public: JMH would take every public field for a counter
  static final double BYTES_PER_MB = 1e6;

  /** Megabytes scanned in this iteration. */
  public double megabytes;

  @Setup(Level.Iteration)
  public void reset() {
    megabytes = 0;
  }

  /** Records that {@code bytes} more were scanned. */
  public void add(long bytes) {
    megabytes += bytes / BYTES_PER_MB;
  }
}
