package dev.lagotto.agent.output;

import dev.lagotto.agent.scan.ScanStats;
import dev.lagotto.agent.scan.ScanSummary;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress report on a terminal's stderr (sources, bytes, MB/s, findings), redrawn every
 * {@value #PERIOD_MILLIS} ms on one daemon thread; it skips a redraw while the report holds the output.
 * {@link #close} erases the line. Thread-safe.
 */
public final class ProgressLine implements AutoCloseable {
  public static final long PERIOD_MILLIS = 250;
  private static final String ERASE = "\r\033[K";
  private final GroupedReport report;
  private final PrintWriter err;
  private final ScheduledExecutorService timer;
  private boolean drawn;

  private ProgressLine(GroupedReport report, PrintWriter err) {
    this.report = report;
    this.err = err;
    report.beforeOutput(this::erase);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lagotto-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::draw, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Starts drawing on {@code err}. */
  public static ProgressLine start(GroupedReport report, PrintWriter err) {
    return new ProgressLine(report, err);
  }

  private void draw() {
    if (!report.lock().tryLock()) {
      return;
    }
    try {
      err.print(ERASE + text(report.stats()));
      err.flush();
      drawn = true;
    } finally {
      report.lock().unlock();
    }
  }

  /** Erases the line if drawn; called with the report's lock held. */
  private void erase() {
    if (drawn) {
      err.print(ERASE);
      err.flush();
      drawn = false;
    }
  }

  static String text(ScanStats stats) {
    ScanSummary s = stats.snapshot();
    double mbs = s.elapsedSeconds() > 0 ? s.bytes() / 1e6 / s.elapsedSeconds() : 0;
    return String.format(Locale.ROOT, "%d sources, %s, %.1f MB/s, %d findings", s.scanned() + s.skipped() + s.failed(),
        TableWriter.bytes(s.bytes()), mbs, s.findings());
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    report.lock().lock();
    try {
      erase();
      report.beforeOutput(() -> {});
    } finally {
      report.lock().unlock();
    }
  }
}
