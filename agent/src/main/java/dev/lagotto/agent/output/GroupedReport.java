package dev.lagotto.agent.output;

import dev.lagotto.agent.scan.ScanStats;
import dev.lagotto.core.extract.FindingSink;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one {@link ReportWriter} of a scan, shared by the scan threads, keeping each source's findings
 * together. A source's findings are buffered (up to {@value #BUFFERED_FINDINGS}) and written in one
 * piece when the source ends; a source with more findings takes the writer for itself and streams the
 * rest in batches of {@value #STREAMED_BATCH}, so memory stays bounded and other threads wait (at most)
 * until it ends. Also counts everything in {@link ScanStats}. Thread-safe; each {@link Group} is used by one thread.
 */
public final class GroupedReport {
  /** Findings held per source before it takes the writer. */
  public static final int BUFFERED_FINDINGS = 10_000;
  /**
   * Findings written at once by a source that streams. Writing in batches keeps the writer's code out of the
   * per-finding call: the JIT compiles it once, in the loop of {@code flush}, rather than inlined into every
   * caller of {@link Group#accept}.
   */
  static final int STREAMED_BATCH = 256;
  private final ReentrantLock lock = new ReentrantLock();
  private final ReportWriter writer;
  private final ScanStats stats;
  private final double minConfidence;
  private volatile Runnable beforeOutput = () -> {};

  /** Findings below {@code minConfidence} are dropped here too (the engine should have dropped them). */
  public GroupedReport(ReportWriter writer, ScanStats stats, double minConfidence) {
    this.writer = writer;
    this.stats = stats;
    this.minConfidence = minConfidence;
  }

  public ScanStats stats() {
    return stats;
  }

  /** The lock that serialises output; the progress line takes it to keep off the report's lines. */
  ReentrantLock lock() {
    return lock;
  }

  /** Runs {@code hook} (with the lock held) before each write to the report; the progress line erases itself. */
  void beforeOutput(Runnable hook) {
    beforeOutput = hook;
  }

  /** Starts the findings of one source; call {@link Group#end} on the same thread when done. */
  public Group open(SourceRef source) {
    return new Group(source);
  }

  /** A source that was not read at all. */
  public void skip(SourceRef source, SourceResult result) {
    stats.source(result);
    lock.lock();
    try {
      beforeOutput.run();
      writer.endSource(source, result);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code action} with the writer, alone. */
  public void exclusive(Consumer<ReportWriter> action) {
    lock.lock();
    try {
      beforeOutput.run();
      action.accept(writer);
    } finally {
      lock.unlock();
    }
  }

  /** The findings of one source. Not thread-safe. */
  public final class Group implements FindingSink {
    private final SourceRef source;
    private final List<Finding> buffer = new ArrayList<>();
    private boolean streaming;

    private Group(SourceRef source) {
      this.source = source;
    }

    @Override
    public void accept(Finding finding) {
      if (finding.confidence() < minConfidence) {
        return;
      }
      stats.finding(finding.category());
      buffer.add(finding);
      if (buffer.size() >= (streaming ? STREAMED_BATCH : BUFFERED_FINDINGS)) {
        full();
      }
    }

    /** Writes the buffer, first taking the writer for the rest of the source when not streaming yet. */
    private void full() {
      if (!streaming) {
        lock.lock();
        streaming = true;
      }
      flush();
    }

    @Override
    public void scanned(long bytes) {
      stats.bytes(bytes);
    }

    /** Ends the source with its result; must be called exactly once, on the thread that used the group. */
    public void end(SourceResult result) {
      stats.source(result);
      if (!streaming) {
        lock.lock();
        streaming = true;
      }
      try {
        flush();
        writer.endSource(source, result);
      } finally {
        lock.unlock();
      }
    }

    private void flush() {
      beforeOutput.run();
      for (Finding f : buffer) {
        writer.finding(f);
      }
      buffer.clear();
    }
  }
}
