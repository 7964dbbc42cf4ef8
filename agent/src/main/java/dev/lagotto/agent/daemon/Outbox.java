package dev.lagotto.agent.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where sources put what they found: exposures are aggregated by key in memory (so a value logged a
 * million times is one record with a count), together with the checkpoint updates they imply; {@link #flush}
 * writes them to the {@link Spool} as data frames of at most {@code batchMaxRecords} records plus one
 * journal frame, in one fsync, then applies the updates to the {@link AgentStore}. A checkpoint therefore
 * never runs ahead of the spool. Memory: at most {@code maxKeys} distinct exposures wait; a source
 * submitting more blocks until the next flush. Thread-safe.
 */
public final class Outbox {
  /** Default bound of distinct exposures waiting for a flush. */
  public static final int DEFAULT_MAX_KEYS = 100_000;
  /** How often the state file is rewritten at most (segments wait for it before deletion). */
  public static final Duration SAVE_INTERVAL = Duration.ofSeconds(2);

  /**
   * A report about a whole source, sent after the exposure records of the same flush: see
   * {@link WireRecords#source}.
   *
   * @param event what was observed
   * @param kind source kind ({@code file}, {@code jdbc})
   * @param uri the source
   * @param host this agent's host name
   * @param time when it was observed
   */
  public record SourceLine(WireRecords.SourceEvent event, String kind, String uri, String host, Instant time) {}

  private final Spool spool;
  private final AgentStore store;
  private final int batchMaxRecords;
  private final int maxKeys;
  private final Clock clock;
  private final Object flushLock = new Object();
  private Map<ExposureRecord.Key, ExposureRecord> pending = new LinkedHashMap<>();
  private List<SourceLine> deleted = new ArrayList<>();
  private List<StateUpdate> updates = new ArrayList<>();
  private long lastSave;
  private long flushedRecords;

  public Outbox(Spool spool, AgentStore store, int batchMaxRecords, int maxKeys, Clock clock) {
    this.spool = spool;
    this.store = store;
    this.batchMaxRecords = batchMaxRecords;
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /**
   * Adds findings, source lines and the checkpoint updates they bring, atomically (a flush sees all or none
   * of them); source lines are written after every exposure record of the same flush.
   * Blocks while {@code maxKeys} exposures wait, until a flush makes room.
   */
  public synchronized void submit(Collection<ExposureRecord> records, Collection<SourceLine> gone, Collection<StateUpdate> ups)
      throws InterruptedException {
    while (pending.size() >= maxKeys && !records.isEmpty()) {
      notifyAll();
      wait(TimeUnit.SECONDS.toMillis(1));
    }
    for (ExposureRecord r : records) {
      pending.merge(r.key(), r, ExposureRecord::merge);
    }
    deleted.addAll(gone);
    updates.addAll(ups);
    if (pending.size() >= maxKeys) {
      notifyAll();
    }
  }

  /** Waits up to {@code millis} or until the outbox is full. */
  public synchronized void awaitFullOrTimeout(long millis) throws InterruptedException {
    if (pending.size() < maxKeys) {
      wait(millis);
    }
  }

  /** Exposure records written to the spool so far (after aggregation). */
  public synchronized long flushedRecords() {
    return flushedRecords;
  }

  private synchronized void putBack(Map<ExposureRecord.Key, ExposureRecord> records, List<SourceLine> gone, List<StateUpdate> ups) {
    Map<ExposureRecord.Key, ExposureRecord> merged = new LinkedHashMap<>(records);
    pending.forEach((k, r) -> merged.merge(k, r, ExposureRecord::merge));
    pending = merged;
    gone.addAll(deleted);
    deleted = gone;
    ups.addAll(updates);
    updates = ups;
  }

  /**
   * Writes everything waiting to the spool and applies its checkpoint updates. Returns the number of
   * exposure records written. Only one flush runs at a time.
   */
  public int flush(boolean forceSave) throws IOException {
    synchronized (flushLock) {
      Map<ExposureRecord.Key, ExposureRecord> records;
      List<SourceLine> gone;
      List<StateUpdate> ups;
      synchronized (this) {
        records = pending;
        gone = deleted;
        ups = updates;
        pending = new LinkedHashMap<>();
        deleted = new ArrayList<>();
        updates = new ArrayList<>();
        notifyAll();
      }
      if (!records.isEmpty() || !gone.isEmpty() || !ups.isEmpty()) {
        List<Spool.Append> frames = new ArrayList<>();
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        int inBatch = 0;
        for (ExposureRecord r : records.values()) {
          WireRecords.finding(batch, r);
          if (++inBatch == batchMaxRecords) {
            frames.add(new Spool.Append(Spool.FrameType.DATA, inBatch, batch.toByteArray()));
            batch.reset();
            inBatch = 0;
          }
        }
        for (SourceLine d : gone) {
          WireRecords.source(batch, d);
          if (++inBatch == batchMaxRecords) {
            frames.add(new Spool.Append(Spool.FrameType.DATA, inBatch, batch.toByteArray()));
            batch.reset();
            inBatch = 0;
          }
        }
        if (inBatch > 0) {
          frames.add(new Spool.Append(Spool.FrameType.DATA, inBatch, batch.toByteArray()));
        }
        if (!ups.isEmpty()) {
          frames.add(new Spool.Append(Spool.FrameType.STATE, ups.size(), AgentStore.encode(ups)));
        }
        long last;
        try {
          last = spool.append(frames);
        } catch (IOException | RuntimeException e) {
          putBack(records, gone, ups);
          throw e;
        }
        if (!ups.isEmpty()) {
          store.apply(ups, last);
        }
        synchronized (this) {
          flushedRecords += records.size() + gone.size();
        }
      }
      long now = clock.millis();
      if (forceSave || now - lastSave >= SAVE_INTERVAL.toMillis()) {
        store.save();
        lastSave = now;
        spool.deleteFinishedSegments();
      }
      return records.size() + gone.size();
    }
  }
}
