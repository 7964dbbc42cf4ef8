package dev.lagotto.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.client.ServerClient;
import dev.lagotto.agent.client.ServerException;
import dev.lagotto.agent.support.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the spool to the central index, in order, one data frame per HTTP batch: gzip, bearer token,
 * and the batch id {@code <agent id>-<segment>-<sequence>} (stable across restarts, so a batch resent after
 * a crash or a lost answer is recognised by the server and applied once). A frame is acknowledged in the
 * spool only after the server answered 200. Transport errors, 5xx, 401/403 and 429 are retried with
 * {@link Backoff}; a batch the server rejects as malformed or too large (400/413/422) can never succeed: it is
 * logged as an error, copied to {@code spool/rejected/} for inspection, counted and skipped. Journal frames
 * are skipped. Runs on its own thread until {@link #stop}.
 */
public final class Reporter implements Runnable {
  public static final String REJECTED_DIR = "rejected";
  private static final long IDLE_WAIT_MILLIS = 500;

  private final Spool spool;
  private final ServerClient client;
  private final String agentId;
  private final Backoff backoff;
  private final AgentLog log;
  private final Path rejectedDir;
  private final AtomicLong sentBatches = new AtomicLong();
  private final AtomicLong sentRecords = new AtomicLong();
  private final AtomicLong rejectedBatches = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private volatile boolean stopping;
  private volatile Thread thread;

  public Reporter(Spool spool, ServerClient client, String agentId, Backoff backoff, AgentLog log, Path spoolDir) {
    this.spool = spool;
    this.client = client;
    this.agentId = agentId;
    this.backoff = backoff;
    this.log = log;
    this.rejectedDir = spoolDir.resolve(REJECTED_DIR);
  }

  /** The batch id of a data frame. */
  public static String batchId(String agentId, Spool.Frame frame) {
    return agentId + "-" + frame.segment() + "-" + frame.seq();
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    long cursor = spool.acknowledged();
    long unacked = -1;
    while (!stopping) {
      try {
        Spool.Frame frame = spool.next(cursor, IDLE_WAIT_MILLIS);
        if (frame == null) {
          if (unacked > 0) {
            spool.acknowledge(unacked);
            unacked = -1;
          }
          continue;
        }
        if (frame.type() == Spool.FrameType.STATE) {
          cursor = frame.seq();
          unacked = cursor;
          continue;
        }
        if (deliver(frame)) {
          cursor = frame.seq();
          spool.acknowledge(cursor);
          unacked = -1;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        log.error("spool I/O error in the reporter (" + e.getClass().getSimpleName() + ": " + e.getMessage()
            + "); retrying");
        try {
          pause(backoff.nextDelayMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    if (unacked > 0) {
      try {
        spool.acknowledge(unacked);
      } catch (IOException e) {
        log.warn("cannot record the last acknowledgement (" + e.getClass().getSimpleName() + "); it is resent");
      }
    }
  }

  /** Asks the loop to end after the current attempt (an HTTP call in flight finishes or times out). */
  public void stop() {
    synchronized (this) {
      stopping = true;
      notifyAll();
    }
  }

  /** Ends a loop that did not stop in time: interrupts the HTTP call in flight. */
  public void abort() {
    stop();
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  public long sentBatches() {
    return sentBatches.get();
  }

  public long sentRecords() {
    return sentRecords.get();
  }

  public long rejectedBatches() {
    return rejectedBatches.get();
  }

  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** Sends one frame until it is delivered or known undeliverable; false when stopping first. */
  private boolean deliver(Spool.Frame frame) throws InterruptedException, IOException {
    String id = batchId(agentId, frame);
    while (!stopping) {
      try {
        JsonNode answer = client.postBatch(id, frame.payload());
        if (backoff.failures() > 0) {
          log.info("server " + client.base() + " reachable again after " + backoff.failures() + " failed attempts");
        }
        backoff.reset();
        sentBatches.incrementAndGet();
        sentRecords.addAndGet(frame.records());
        if ("duplicate".equals(answer.path("status").asText())) {
          log.info("batch " + id + " was already applied by the server (resent after a restart or a lost answer)");
        }
        return true;
      } catch (ServerException e) {
        if (e.permanent()) {
          reject(frame, id, e);
          return true;
        }
        failed(id, e.getMessage());
      } catch (IOException e) {
        failed(id, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }
    return false;
  }

  private void failed(String id, String why) throws InterruptedException {
    failedAttempts.incrementAndGet();
    long delay = backoff.nextDelayMillis();
    if (backoff.failures() == 1 || Integer.bitCount(backoff.failures()) == 1) {
      log.warn("cannot deliver batch " + id + " to " + client.base() + " (" + why + "); attempt "
          + backoff.failures() + ", retrying in " + delay + " ms; " + spool.bytes() + " bytes spooled");
    }
    pause(delay);
  }

  private void pause(long millis) throws InterruptedException {
    synchronized (this) {
      if (!stopping) {
        wait(millis);
      }
    }
  }

  private void reject(Spool.Frame frame, String id, ServerException e) throws IOException {
    rejectedBatches.incrementAndGet();
    DurableFiles.createPrivateDirectory(rejectedDir);
    Path copy = rejectedDir.resolve(id + ".ndjson");
    Files.write(copy, frame.payload());
    log.error("server rejected batch " + id + " (" + frame.records() + " records): " + e.getMessage()
        + "; kept in " + copy + " and skipped; " + rejectedBatches.get() + " batches rejected since start");
  }
}
