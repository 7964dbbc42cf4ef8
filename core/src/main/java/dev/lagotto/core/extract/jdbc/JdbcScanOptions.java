package dev.lagotto.core.extract.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to scan in one database and how. Immutable; maps one to one onto the {@code lagotto scan jdbc:...}
 * options (the CLI parses, this record validates).
 *
 * <pre>
 *   --user NAME                 user               (or in the URI / the driver's own files such as .pgpass)
 *   --password-env VAR          passwordEnv        name of the environment variable holding the password
 *   --include-tables GLOB,...   includeTables      {@code *} and {@code ?}; {@code schema.table} or {@code table}
 *   --exclude-tables GLOB,...   excludeTables      applied after the includes
 *   --sample-rows N|all         sampleRows         {@link #ALL_ROWS} for all; default {@value #DEFAULT_SAMPLE_ROWS}
 *   --per-row                   perRow             also report each matching cell as a row-level finding
 *   --statement-timeout SECONDS statementTimeout   per sample query; default 60 s
 *   --reveal                    reveal             put raw values into row-level findings (local use only)
 * </pre>
 *
 * @param uri the JDBC URI; may hold credentials, which never reach the output (see {@link JdbcUris#redact})
 * @param user the user name, or {@code null} to use the URI's or the driver's default
 * @param passwordEnv the name of the environment variable that holds the password, or {@code null}
 * @param includeTables table globs to scan; empty means all tables
 * @param excludeTables table globs never scanned
 * @param sampleRows rows read per table, or {@link #ALL_ROWS}
 * @param perRow whether each matching cell is also reported as a row-level finding
 * @param statementTimeout time limit of each sample query
 * @param connectTimeout time limit for opening the connection
 * @param fetchSize rows fetched per round trip
 * @param sampleSeed seed of PostgreSQL {@code TABLESAMPLE ... REPEATABLE}; the same seed gives the same sample
 * @param reveal whether row-level findings carry the raw value
 */
public record JdbcScanOptions(
    String uri,
    String user,
    String passwordEnv,
    List<String> includeTables,
    List<String> excludeTables,
    long sampleRows,
    boolean perRow,
    Duration statementTimeout,
    Duration connectTimeout,
    int fetchSize,
    int sampleSeed,
    boolean reveal) {

  /** {@link #sampleRows} value meaning "every row". */
  public static final long ALL_ROWS = -1;
  public static final long DEFAULT_SAMPLE_ROWS = 10_000;
  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_FETCH_SIZE = 500;
  public static final int MAX_FETCH_SIZE = 100_000;
  public static final int DEFAULT_SAMPLE_SEED = 20_260_101;

  public JdbcScanOptions {
    Objects.requireNonNull(uri, "uri");
    if (!uri.regionMatches(true, 0, "jdbc:", 0, 5)) {
      throw new IllegalArgumentException("not a JDBC URI (must start with jdbc:): " + JdbcUris.redact(uri));
    }
    if (sampleRows != ALL_ROWS && sampleRows < 1) {
      throw new IllegalArgumentException("sampleRows " + sampleRows + " must be positive or ALL_ROWS");
    }
    if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("passwordEnv '" + passwordEnv + "' is not an environment variable name");
    }
    statementTimeout = positive(statementTimeout, DEFAULT_STATEMENT_TIMEOUT, "statementTimeout");
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
    if (fetchSize < 1 || fetchSize > MAX_FETCH_SIZE) {
      throw new IllegalArgumentException("fetchSize " + fetchSize + " is not in 1.." + MAX_FETCH_SIZE);
    }
    includeTables = List.copyOf(includeTables == null ? List.of() : includeTables);
    excludeTables = List.copyOf(excludeTables == null ? List.of() : excludeTables);
  }

  /** The defaults for {@code uri}: 10,000 rows per table, no credentials, column-level results only. */
  public static JdbcScanOptions of(String uri) {
    return new JdbcScanOptions(uri, null, null, List.of(), List.of(), DEFAULT_SAMPLE_ROWS, false,
        DEFAULT_STATEMENT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_FETCH_SIZE, DEFAULT_SAMPLE_SEED, false);
  }

  /**
   * The options from the CLI's raw option values ({@code null} = not given): {@code include}/{@code exclude}
   * are comma-separated globs, {@code sampleRows} is {@code N} or {@code all}.
   *
   * @throws IllegalArgumentException naming the bad option
   */
  public static JdbcScanOptions fromCli(String uri, String user, String passwordEnv, String include, String exclude,
      String sampleRows, boolean perRow, Integer statementTimeoutSeconds, boolean reveal) {
    if (statementTimeoutSeconds != null && statementTimeoutSeconds < 1) {
      throw new IllegalArgumentException("--statement-timeout must be at least 1 second, not " + statementTimeoutSeconds);
    }
    return new JdbcScanOptions(uri, user, passwordEnv, globs(include), globs(exclude),
        sampleRows == null ? DEFAULT_SAMPLE_ROWS : parseSampleRows(sampleRows), perRow,
        statementTimeoutSeconds == null ? DEFAULT_STATEMENT_TIMEOUT : Duration.ofSeconds(statementTimeoutSeconds),
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_FETCH_SIZE, DEFAULT_SAMPLE_SEED, reveal);
  }

  private static List<String> globs(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
  }

  /** Parses {@code --sample-rows}: a positive number or {@code all}. */
  public static long parseSampleRows(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("all")) {
      return ALL_ROWS;
    }
    try {
      long n = Long.parseLong(t.replace("_", ""));
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("--sample-rows must be a positive number or 'all', not '" + text + "'");
  }

  public JdbcScanOptions withCredentials(String newUser, String newPasswordEnv) {
    return new JdbcScanOptions(uri, newUser, newPasswordEnv, includeTables, excludeTables, sampleRows, perRow,
        statementTimeout, connectTimeout, fetchSize, sampleSeed, reveal);
  }

  public JdbcScanOptions withTables(List<String> include, List<String> exclude) {
    return new JdbcScanOptions(uri, user, passwordEnv, include, exclude, sampleRows, perRow,
        statementTimeout, connectTimeout, fetchSize, sampleSeed, reveal);
  }

  public JdbcScanOptions withSampleRows(long rows) {
    return new JdbcScanOptions(uri, user, passwordEnv, includeTables, excludeTables, rows, perRow,
        statementTimeout, connectTimeout, fetchSize, sampleSeed, reveal);
  }

  public JdbcScanOptions withPerRow(boolean on, boolean revealValues) {
    return new JdbcScanOptions(uri, user, passwordEnv, includeTables, excludeTables, sampleRows, on,
        statementTimeout, connectTimeout, fetchSize, sampleSeed, revealValues);
  }

  public JdbcScanOptions withTimeouts(Duration statement, Duration connect) {
    return new JdbcScanOptions(uri, user, passwordEnv, includeTables, excludeTables, sampleRows, perRow,
        statement, connect, fetchSize, sampleSeed, reveal);
  }

  /** Whether every row is read. */
  public boolean allRows() {
    return sampleRows == ALL_ROWS;
  }

  private static Duration positive(Duration d, Duration fallback, String name) {
    Duration v = d == null ? fallback : d;
    if (v.isNegative() || v.isZero()) {
      throw new IllegalArgumentException(name + " " + v + " must be positive");
    }
    return v;
  }
}
