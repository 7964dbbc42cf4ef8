package dev.lagotto.agent.scan;

import dev.lagotto.core.extract.SkippedEntry;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.rule.Category;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of a scan, updated by every scan thread. Thread-safe; {@link #snapshot} is cheap. */
public final class ScanStats {
  private final long startNanos = System.nanoTime();
  private final String keyOrigin;
  private final LongAdder scanned = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder excluded = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder findings = new LongAdder();
  /** Findings by {@link Category#ordinal}; a category is in the summary once it has one. */
  private final LongAdder[] byCategory = adders(Category.values().length);
  private final Map<String, LongAdder> skipReasons = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failReasons = new ConcurrentHashMap<>();
  private final LongAdder entriesSkipped = new LongAdder();
  private final LongAdder entriesFailed = new LongAdder();
  private final LongAdder tablesScanned = new LongAdder();
  private final LongAdder tablesSkipped = new LongAdder();
  private final LongAdder rows = new LongAdder();
  private final Map<String, LongAdder> tableSkipReasons = new ConcurrentHashMap<>();

  /** Counters of a scan whose findings are fingerprinted with the key from {@code keyOrigin}. */
  public ScanStats(String keyOrigin) {
    this.keyOrigin = keyOrigin;
  }

  public void finding(Category category) {
    findings.increment();
    byCategory[category.ordinal()].increment();
  }

  public void bytes(long n) {
    bytes.add(n);
  }

  public void excluded() {
    excluded.increment();
  }

  /**
   * Counts a finished source by its status and reason, and each of its skipped entries as a skipped or failed
   * source of its own (an archive with one encrypted member: 1 scanned, 1 failed).
   */
  public void source(SourceResult result) {
    for (SkippedEntry e : result.entries()) {
      if (e.error()) {
        entriesFailed.increment();
        failed.increment();
        failReasons.computeIfAbsent(e.reason(), r -> new LongAdder()).increment();
      } else {
        entriesSkipped.increment();
        skipped.increment();
        skipReasons.computeIfAbsent(e.reason(), r -> new LongAdder()).increment();
      }
    }
    switch (result.status()) {
      case SCANNED -> scanned.increment();
      case SKIPPED -> {
        skipped.increment();
        skipReasons.computeIfAbsent(result.reason(), r -> new LongAdder()).increment();
      }
      case FAILED -> {
        failed.increment();
        failReasons.computeIfAbsent(result.reason(), r -> new LongAdder()).increment();
      }
    }
  }

  /** Counts a skipped table (or unreadable column) of a database by its reason. */
  public void tableSkipped(String reason) {
    tableSkipReasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /** Counts the tables and rows of a database scanned to the end. */
  public void database(long scannedTables, long skippedTables, long rowsRead) {
    tablesScanned.add(scannedTables);
    tablesSkipped.add(skippedTables);
    rows.add(rowsRead);
  }

  public ScanSummary snapshot() {
    Map<String, Long> cats = new TreeMap<>();
    for (Category c : Category.values()) {
      long n = byCategory[c.ordinal()].sum();
      if (n > 0) {
        cats.put(c.id(), n);
      }
    }
    return new ScanSummary(scanned.sum(), skipped.sum(), failed.sum(), excluded.sum(), bytes.sum(), findings.sum(),
        cats, sums(skipReasons), sums(failReasons), (System.nanoTime() - startNanos) / 1e9, keyOrigin,
        tablesScanned.sum(), tablesSkipped.sum(), sums(tableSkipReasons), rows.sum(), entriesSkipped.sum(),
        entriesFailed.sum());
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] adders = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }

  private static Map<String, Long> sums(Map<String, LongAdder> map) {
    Map<String, Long> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
