package dev.lagotto.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Laps of a command's start (process start, options parsed, rules loaded, engine built, ...), printed as one
 * line to standard error when the system property {@value #PROPERTY} is {@code true}
 * ({@code LAGOTTO_JAVA_OPTS=-Dlagotto.debug.startup=true bin/lagotto scan ...}). Each lap gives the wall
 * time and, on Linux, the CPU time of the calling thread (from {@code /proc/thread-self/stat}, 10 ms
 * ticks): on a busy machine the CPU time is the figure to compare. The first lap runs from the process
 * start the OS reports. A diagnostic: off by default, and then every call is a field test. Not
 * thread-safe: used by the command's thread only.
 */
final class StartupClock {
  /** The system property that turns the laps on. */
  static final String PROPERTY = "lagotto.debug.startup";
  private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");
  /** Fields 14 and 15 of {@code /proc/<pid>/stat}: user and system time, counted after the command field. */
  private static final int UTIME_AFTER_COMMAND = 11;
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final boolean enabled;
  private final List<String> laps = new ArrayList<>();
  private long lastWall;
  private long lastCpu;

  private StartupClock(boolean enabled) {
    this.enabled = enabled;
    if (enabled) {
      long now = System.currentTimeMillis();
      long processStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(now);
      lastWall = System.nanoTime() - (now - processStart) * 1_000_000L;
    }
  }

  /** A clock that records only when {@value #PROPERTY} is {@code true}. */
  static StartupClock fromSystemProperty() {
    return new StartupClock(Boolean.getBoolean(PROPERTY));
  }

  /** Ends the current lap, naming what it did. */
  void lap(String phase) {
    if (enabled) {
      long wall = System.nanoTime();
      long cpu = threadCpuNanos();
      laps.add(phase + " " + (wall - lastWall) / 1_000_000 + " ms"
          + (cpu < 0 ? "" : " (cpu " + (cpu - lastCpu) / 1_000_000 + " ms)"));
      lastWall = wall;
      lastCpu = cpu;
    }
  }

  /** Prints the laps as one line to {@code err}. */
  void print(PrintWriter err) {
    if (enabled) {
      err.println("lagotto: startup: " + String.join(", ", laps));
    }
  }

  /** User plus system time of the calling thread, or -1 where {@code /proc} does not tell. */
  private static long threadCpuNanos() {
    try {
      String stat = Files.readString(THREAD_STAT, StandardCharsets.US_ASCII);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[UTIME_AFTER_COMMAND]) + Long.parseLong(fields[UTIME_AFTER_COMMAND + 1]))
          * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
