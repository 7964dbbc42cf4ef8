package dev.lagotto.core.prefilter;

import java.util.Arrays;

/**
 * A necessary condition on where a start-byte rule can match, keyed by the run of same-class bytes that a
 * candidate start opens: its length and the byte after it. Immutable and thread-safe; memory is
 * {@code MAX_RUN * 32} bytes.
 *
 * <p>A custom matcher declares its gate. For a pattern, the gate is sound when every byte of the class is
 * forbidden right after a match (the rule's boundary): a match
 * that starts at the first byte of a run of {@code L} class bytes then cannot end inside the run, so it
 * either ends right after the run (the pattern accepts after {@code L} class bytes and the next byte may
 * follow a match) or reads the next byte after {@code L} class bytes. {@link #allows} is the union of both
 * over every string of {@code L} class bytes, computed from the rule's DFA; it answers {@code true} for
 * runs longer than {@link #MAX_RUN}. A 4-digit run followed by {@code :} thus never runs the card, IMEI or
 * phone rules.
 */
public final class RunGate {
  /** Longest run the gate knows; longer runs are always allowed. */
  public static final int MAX_RUN = 40;

  /** The byte classes a run can be made of. */
  public enum RunClass {
    DIGIT('0', '9'),
    UPPER('A', 'Z'),
    LOWER('a', 'z');

    private final int first;
    private final int last;

    RunClass(int first, int last) {
      this.first = first;
      this.last = last;
    }

    /** Whether {@code b} (0..255) belongs to the class. */
    public boolean contains(int b) {
      return b >= first && b <= last;
    }

    /** The class of byte {@code b}, or {@code null}. */
    public static RunClass of(int b) {
      for (RunClass c : values()) {
        if (c.contains(b)) {
          return c;
        }
      }
      return null;
    }
  }

  private final RunClass runClass;
  /** Bit {@code next} of row {@code L}: 4 longs per run length 0..MAX_RUN. */
  private final long[] allowed;

  private RunGate(RunClass runClass, long[] allowed) {
    this.runClass = runClass;
    this.allowed = allowed;
  }

  /**
   * The gate of a rule for runs of {@code runClass}: {@code allows.test(length, next)} for lengths 1 to
   * {@link #MAX_RUN} and bytes 0..255 (it need not be cheap; it is called once per pair here).
   */
  public static RunGate of(RunClass runClass, java.util.function.BiPredicate<Integer, Integer> allows) {
    long[] bits = new long[(MAX_RUN + 1) * 4];
    for (int length = 1; length <= MAX_RUN; length++) {
      for (int next = 0; next < 256; next++) {
        if (allows.test(length, next)) {
          bits[length * 4 + (next >>> 6)] |= 1L << next;
        }
      }
    }
    return new RunGate(runClass, bits);
  }

  /** The class of the runs this gate judges. */
  public RunClass runClass() {
    return runClass;
  }

  /** Whether a match can start at a run of {@code length} class bytes followed by byte {@code next}. */
  public boolean allows(int length, int next) {
    if (length > MAX_RUN || length < 1) {
      return true;
    }
    return (allowed[length * 4 + (next >>> 6)] & (1L << next)) != 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunGate g && g.runClass == runClass && Arrays.equals(g.allowed, allowed);
  }

  @Override
  public int hashCode() {
    return runClass.hashCode() * 31 + Arrays.hashCode(allowed);
  }
}
