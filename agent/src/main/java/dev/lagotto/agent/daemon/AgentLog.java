package dev.lagotto.agent.daemon;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;

/**
 * The agent's operational log: one line per event with time, level and message, written to a
 * {@link PrintStream} (stderr under systemd, so the journal keeps it). Callers pass counts, paths and
 * reasons only, never a scanned value. Thread-safe.
 */
public final class AgentLog {
  private final PrintStream out;
  private final Clock clock;

  public AgentLog(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  public void info(String message) {
    line("INFO", message);
  }

  public void warn(String message) {
    line("WARN", message);
  }

  public void error(String message) {
    line("ERROR", message);
  }

  private void line(String level, String message) {
    Instant now = clock.instant();
    synchronized (out) {
      out.println(now + " " + level + " lagotto agent: " + message);
      out.flush();
    }
  }
}
