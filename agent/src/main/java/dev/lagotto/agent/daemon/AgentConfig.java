package dev.lagotto.agent.daemon;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The validated configuration of one agent, as read by {@link AgentConfigLoader} from {@code agent.yaml}
 * (the keys are documented in README.md, section "lagotto agent"). Immutable.
 *
 * @param server the central index and the agent's bearer token
 * @param host the host name written into every exposure
 * @param stateDir lock, checkpoints, tree states, spool and site key (mode 0700)
 * @param keyFile the site fingerprint key written by {@code lagotto agent enroll}
 * @param rulesDir a user rule pack added to the default pack, or {@code null}
 * @param tail absolute globs of log files to follow
 * @param tailStart where a log file seen for the first time at start-up is read from
 * @param scans trees rescanned on a schedule
 * @param databases databases rescanned on a schedule (JDBC sources)
 * @param limits threads, read rate and CPU priority
 * @param spool spool bound and batching
 * @param timing poll, flush, retry and drain timings
 * @param minConfidence findings below this confidence are dropped
 */
public record AgentConfig(
    Server server,
    String host,
    Path stateDir,
    Path keyFile,
    Path rulesDir,
    List<String> tail,
    TailStart tailStart,
    List<Tree> scans,
    List<Database> databases,
    Limits limits,
    SpoolSettings spool,
    Timing timing,
    double minConfidence) {

  public AgentConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(keyFile, "keyFile");
    tail = List.copyOf(tail);
    scans = List.copyOf(scans);
    databases = List.copyOf(databases);
  }

  /** The central index and the credentials of this agent. */
  public record Server(URI url, String token) {
    @Override
    public String toString() {
      return "Server[url=" + url + ", token=(hidden)]";
    }
  }

  /** Where a log file found at start-up without a checkpoint is read from. Files appearing later are read whole. */
  public enum TailStart { BEGINNING, END }

  /**
   * One tree rescanned every {@code interval}; unchanged files (device, inode, size, mtime) are not re-read.
   *
   * @param maxFileSize files larger than this are skipped; {@code -1} for no limit
   * @param verifyContent whether files whose stat fields are unchanged are still hashed and rescanned when
   *     their content changed (for trees restored or synced with preserved mtimes); costs one read per file
   *     per pass
   */
  public record Tree(Path path, Duration interval, List<String> include, List<String> exclude, long maxFileSize,
      boolean followSymlinks, boolean verifyContent) {
    public Tree {
      include = List.copyOf(include);
      exclude = List.copyOf(exclude);
    }
  }

  /**
   * One database scanned every {@code interval} by the JDBC source of issue 6; the password is read from
   * the environment variable {@code passwordEnv} and never written to the configuration.
   *
   * @param sampleRows rows sampled per table; {@code -1} for all
   */
  public record Database(String url, String user, String passwordEnv, Duration interval, List<String> includeTables,
      List<String> excludeTables, long sampleRows) {
    public Database {
      includeTables = List.copyOf(includeTables);
      excludeTables = List.copyOf(excludeTables);
    }
  }

  /**
   * Resource limits.
   *
   * @param threads tree-scan threads
   * @param readRate bytes per second read from disk by tailing and scanning together; {@code 0} for no cap
   * @param nice run scanning threads at {@link Thread#MIN_PRIORITY} (see the systemd unit for {@code Nice=})
   */
  public record Limits(int threads, long readRate, boolean nice) {}

  /**
   * The spool.
   *
   * @param maxBytes spool size on disk beyond which new findings are dropped (loudly, counted)
   * @param batchMaxRecords records per batch sent to the server
   */
  public record SpoolSettings(long maxBytes, int batchMaxRecords) {}

  /**
   * Timings.
   *
   * @param pollInterval how often tailed files are checked for growth and rotation
   * @param flushInterval how often aggregated exposures are written to the spool (and checkpoints advance)
   * @param retryMaxDelay the cap of the reporter's exponential backoff
   * @param drainTimeout how long a stopping agent keeps trying to deliver the spool
   */
  public record Timing(Duration pollInterval, Duration flushInterval, Duration retryMaxDelay, Duration drainTimeout) {}
}
