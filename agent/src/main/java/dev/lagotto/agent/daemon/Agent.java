package dev.lagotto.agent.daemon;

import dev.lagotto.agent.client.ServerClient;
import dev.lagotto.agent.support.DurableFiles;
import dev.lagotto.core.extract.ChunkedReader;
import dev.lagotto.core.extract.ContentHandlers;
import dev.lagotto.core.extract.SourceReader;
import dev.lagotto.core.extract.TextScanner;
import dev.lagotto.core.extract.jdbc.DatabaseScanner;
import dev.lagotto.core.finding.FindingFactory;
import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The agent daemon: owns the state directory (exclusive lock), recovers its checkpoints from the state
 * file and the spool journal, then runs the log tailer, the scheduled tree scans, the flusher (outbox to
 * spool, every {@code flush_interval}) and the reporter (spool to server). {@link #close} drains: sources
 * stop, the last findings are spooled and checkpointed, the reporter gets {@code drain_timeout} to deliver,
 * and whatever is left stays in the spool for the next start. Threads: {@code lagotto-tail},
 * {@code lagotto-flush}, {@code lagotto-report}, {@code lagotto-schedule}, {@code lagotto-scan-N}; with
 * {@code nice} the reading threads run at {@link Thread#MIN_PRIORITY}. Thread-safe.
 */
public final class Agent implements AutoCloseable {
  public static final String ID_FILE = "agent.id";
  private static final int ID_BYTES = 8;
  private static final long JOIN_MILLIS = 10_000;
  static final int BACKLOG_FLUSH_FACTOR = 16;
  static final long MAX_BACKLOG_FLUSH_MILLIS = 10_000;

  private final AgentConfig config;
  private final AgentLog log;
  private final AtomicReference<AgentState> state = new AtomicReference<>(AgentState.STARTING);
  private final StateLock lock;
  private final AgentStore store;
  private final Spool spool;
  private final Outbox outbox;
  private final Reporter reporter;
  private final LogTailer tailer;
  private final List<TreeScan> treeScans = new ArrayList<>();
  private final List<DatabaseScan> databaseScans = new ArrayList<>();
  private final AtomicLong treePasses = new AtomicLong();
  private final AtomicLong databasePasses = new AtomicLong();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService scanPool;
  private final Thread flusher;
  private final Thread reportThread;
  private final Thread tailThread;
  private volatile boolean flushing = true;

  /** Counters of a running agent. */
  public record Status(AgentState state, long linesRead, long spooledRecords, long sentBatches, long sentRecords,
      long rejectedBatches, long droppedRecords, long spoolBytes, long treePasses, long failedAttempts,
      long databasePasses) {}

  private Agent(AgentConfig config, AgentLog log, Clock clock, UnaryOperator<String> env) throws IOException, ConfigException {
    this.config = config;
    this.log = log;
    DurableFiles.createPrivateDirectory(config.stateDir());
    this.lock = StateLock.acquire(config.stateDir());
    boolean ok = false;
    try {
      byte[] key = readKey(config.keyFile());
      String agentId = agentId(config.stateDir());
      ScanEngine engine = engine(config, key);
      this.store = AgentStore.open(config.stateDir());
      this.spool = new Spool(config.stateDir().resolve(Spool.DIR), config.spool().maxBytes(), log, store::durableSeq,
          store.durableSeq() + 1);
      int replayed = 0;
      for (Spool.Frame f : spool.recoveredState(store.durableSeq())) {
        store.apply(AgentStore.decode(f.payload()), f.seq());
        replayed++;
      }
      if (replayed > 0) {
        store.save();
        log.info("recovered " + replayed + " checkpoint journal entries from the spool");
      }
      this.outbox = new Outbox(spool, store, config.spool().batchMaxRecords(), Outbox.DEFAULT_MAX_KEYS, clock);
      RateLimiter rate = new RateLimiter(config.limits().readRate());
      ServerClient client = new ServerClient(config.server().url(), config.server().token(), ServerClient.DEFAULT_TIMEOUT);
      this.reporter = new Reporter(spool, client, agentId,
          new Backoff(Backoff.INITIAL, config.timing().retryMaxDelay(), new SecureRandom()), log,
          config.stateDir().resolve(Spool.DIR));
      int priority = config.limits().nice() ? Thread.MIN_PRIORITY : Thread.NORM_PRIORITY;
      this.tailer = config.tail().isEmpty() ? null : new LogTailer(config.tail(), config.tailStart(),
          config.timing().pollInterval(), store, outbox, engine, rate, log, clock);
      this.scanPool = Executors.newFixedThreadPool(config.limits().threads(), factory("lagotto-scan-", priority));
      this.scheduler = Executors.newSingleThreadScheduledExecutor(factory("lagotto-schedule", priority));
      for (AgentConfig.Tree t : config.scans()) {
        treeScans.add(new TreeScan(t, store, outbox, engine, rate, scanPool, log, clock));
      }
      if (!config.databases().isEmpty()) {
        Fingerprinter fingerprinter = new Fingerprinter(key);
        DatabaseScanner databases = new DatabaseScanner(engine.text().scanner(), fingerprinter, config.host());
        for (AgentConfig.Database d : config.databases()) {
          databaseScans.add(new DatabaseScan(d, databases, fingerprinter, env, store, outbox, config.host(), log, clock));
        }
      }
      this.flusher = thread("lagotto-flush", Thread.NORM_PRIORITY, this::flushLoop);
      this.reportThread = thread("lagotto-report", Thread.NORM_PRIORITY, reporter);
      this.tailThread = tailer == null ? null : thread("lagotto-tail", priority, tailer);
      ok = true;
    } finally {
      if (!ok) {
        lock.close();
      }
    }
  }

  /** Starts an agent: takes the lock, recovers state and starts every thread. */
  public static Agent start(AgentConfig config, AgentLog log, Clock clock) throws IOException, ConfigException {
    return start(config, log, clock, System::getenv);
  }

  /** Starts an agent that reads database passwords through {@code env} (tests pass their own). */
  static Agent start(AgentConfig config, AgentLog log, Clock clock, UnaryOperator<String> env)
      throws IOException, ConfigException {
    Agent a = new Agent(config, log, clock, env);
    a.begin();
    return a;
  }

  private void begin() {
    flusher.start();
    reportThread.start();
    if (tailThread != null) {
      tailThread.start();
    }
    for (TreeScan scan : treeScans) {
      AgentConfig.Tree t = config.scans().get(treeScans.indexOf(scan));
      scheduler.scheduleWithFixedDelay(() -> runPass(scan, t), 0, t.interval().toMillis(), TimeUnit.MILLISECONDS);
    }
    for (DatabaseScan db : databaseScans) {
      scheduler.scheduleWithFixedDelay(() -> runPass(db), 0, db.interval().toMillis(), TimeUnit.MILLISECONDS);
    }
    state.set(AgentState.RUNNING);
    log.info("running as host " + config.host() + ": " + config.tail().size() + " tail path(s), "
        + config.scans().size() + " tree(s), " + config.databases().size() + " database(s), reporting to "
        + config.server().url() + ", state in " + config.stateDir());
  }

  public AgentState state() {
    return state.get();
  }

  public AgentConfig config() {
    return config;
  }

  /** The counters now. */
  public Status status() {
    return new Status(state.get(), tailer == null ? 0 : tailer.linesRead(), outbox.flushedRecords(),
        reporter.sentBatches(), reporter.sentRecords(), reporter.rejectedBatches(), spool.droppedRecords(),
        spool.bytes(), treePasses.get(), reporter.failedAttempts(), databasePasses.get());
  }

  /** Whether everything spooled so far has been acknowledged by the server. */
  public boolean delivered() {
    return spool.drained();
  }

  /** Stops sources, spools what they found, gives the reporter {@code drain_timeout}, then stops every thread. */
  @Override
  public void close() throws IOException {
    if (!state.compareAndSet(AgentState.RUNNING, AgentState.DRAINING)) {
      return;
    }
    log.info("stopping: draining the spool for at most " + config.timing().drainTimeout().toSeconds() + " s");
    try {
      if (tailer != null) {
        tailer.stop();
        tailThread.join(JOIN_MILLIS);
      }
      treeScans.forEach(TreeScan::stop);
      scheduler.shutdownNow();
      scheduler.awaitTermination(JOIN_MILLIS, TimeUnit.MILLISECONDS);
      scanPool.shutdown();
      scanPool.awaitTermination(JOIN_MILLIS, TimeUnit.MILLISECONDS);
      flushing = false;
      synchronized (outbox) {
        outbox.notifyAll();
      }
      flusher.join(JOIN_MILLIS);
      outbox.flush(true);
      long deadline = System.nanoTime() + config.timing().drainTimeout().toNanos();
      while (!spool.drained() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      reporter.stop();
      reportThread.join(JOIN_MILLIS);
      if (reportThread.isAlive()) {
        reporter.abort();
        reportThread.join(JOIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        store.save();
        spool.close();
      } finally {
        lock.close();
        Status s = status();
        state.set(AgentState.STOPPED);
        log.info("stopped: " + s.sentBatches() + " batches delivered, " + (spool.drained() ? "nothing" : "some batches")
            + " left to deliver at the next start, "
            + s.droppedRecords() + " records dropped, " + s.rejectedBatches() + " batches rejected");
      }
    }
  }

  /**
   * Flushes every {@code flush_interval}; while the reporter is behind (unacknowledged frames), every
   * {@value #BACKLOG_FLUSH_FACTOR} intervals (at most {@link #MAX_BACKLOG_FLUSH_MILLIS}), so that a backlog
   * is caught up with fewer, larger and better aggregated batches.
   */
  private void flushLoop() {
    long interval = config.timing().flushInterval().toMillis();
    long backlogInterval = Math.max(interval, Math.min(interval * BACKLOG_FLUSH_FACTOR, MAX_BACKLOG_FLUSH_MILLIS));
    while (flushing) {
      try {
        outbox.awaitFullOrTimeout(spool.drained() ? interval : backlogInterval);
        if (!flushing) {
          return;
        }
        outbox.flush(false);
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        log.error("cannot write the spool (" + e.getClass().getSimpleName() + ": " + e.getMessage()
            + "); sources wait and the flush is retried");
        try {
          Thread.sleep(interval);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void runPass(TreeScan scan, AgentConfig.Tree tree) {
    try {
      long t0 = System.nanoTime();
      TreeScan.Pass p = scan.run();
      treePasses.incrementAndGet();
      log.info("scanned " + tree.path() + ": " + p.scanned() + " files read, " + p.unchanged() + " unchanged, "
          + p.deleted() + " deleted, " + p.failed() + " failed, " + p.records() + " exposure records in "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("scan of " + tree.path() + " failed: " + e.getClass().getName());
    }
  }

  /** One pass over a database, on the scheduler's thread (so tree passes wait for it). */
  private void runPass(DatabaseScan db) {
    try {
      long t0 = System.nanoTime();
      DatabaseScan.Pass p = db.run();
      databasePasses.incrementAndGet();
      if (!p.failed()) {
        log.info("scanned " + db.uri() + ": " + p.tablesScanned() + " tables, " + p.tablesSkipped() + " skipped, "
            + p.rows() + " rows, " + p.columns() + " columns with personal data in "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("scan of " + db.uri() + " failed: " + e.getClass().getName());
    }
  }

  private static ScanEngine engine(AgentConfig config, byte[] key) throws ConfigException {
    RulePack pack;
    try {
      pack = RulePackLoader.loadDefault();
      if (config.rulesDir() != null) {
        pack = pack.with(RulePackLoader.load(config.rulesDir()));
      }
    } catch (RuleLoadException e) {
      throw new ConfigException("bad rule file: " + e.getMessage(), e);
    }
    Scanner scanner;
    try {
      scanner = Scanner.build(pack, ScanSettings.DEFAULTS.withMinConfidence(config.minConfidence()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("cannot build the rule engine: " + e.getMessage(), e);
    }
    TextScanner text = new TextScanner(scanner, ChunkedReader.defaults());
    FindingFactory factory = new FindingFactory(new Fingerprinter(key), false);
    return new ScanEngine(text, new SourceReader(text, factory, ContentHandlers.defaults()), factory, config.host(),
        config.minConfidence());
  }

  private static byte[] readKey(Path file) throws ConfigException, IOException {
    byte[] key;
    try {
      key = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("no site key at " + file + ": run 'lagotto agent enroll --server URL --token T' first");
    }
    if (key.length < Fingerprinter.MIN_KEY_BYTES) {
      throw new ConfigException("the site key " + file + " is too short (" + key.length + " bytes)");
    }
    return key;
  }

  /** The agent's id in its state directory, created once: part of every batch id. */
  static String agentId(Path stateDir) throws IOException {
    Path file = stateDir.resolve(ID_FILE);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
    byte[] id = new byte[ID_BYTES];
    new SecureRandom().nextBytes(id);
    String hex = HexFormat.of().formatHex(id);
    DurableFiles.writeAtomically(file, (hex + "\n").getBytes(StandardCharsets.US_ASCII));
    return hex;
  }

  private Thread thread(String name, int priority, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.setPriority(priority);
    return t;
  }

  private static ThreadFactory factory(String prefix, int priority) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
      t.setDaemon(true);
      t.setPriority(priority);
      return t;
    };
  }
}
