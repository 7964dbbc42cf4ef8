package dev.lagotto.agent.daemon;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.agent.support.ConfigValues;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads {@code agent.yaml} strictly: unknown keys, duplicate keys, wrong types and bad sizes or durations
 * are errors naming the file, the line and the key; missing required keys name the key. Relative paths are
 * resolved against the directory of the file. The token is read from {@code server.token}, else from
 * {@code server.token_file}, else from {@value #TOKEN_FILE} in the state directory (written by
 * {@code lagotto agent enroll}); it never appears in messages. Stateless.
 */
public final class AgentConfigLoader {
  public static final String KEY_FILE = SiteKeys.SITE_KEY_FILE;
  public static final String TOKEN_FILE = "agent.token";
  public static final int DEFAULT_THREADS = 1;
  public static final long DEFAULT_SPOOL_MAX_BYTES = 256L << 20;
  public static final int DEFAULT_BATCH_MAX_RECORDS = 1000;
  public static final int MAX_BATCH_RECORDS = 50_000;
  public static final Duration DEFAULT_POLL = Duration.ofMillis(250);
  public static final Duration DEFAULT_FLUSH = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_MAX = Duration.ofSeconds(60);
  public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);
  public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofHours(6);
  public static final Duration DEFAULT_DB_INTERVAL = Duration.ofHours(24);
  public static final long DEFAULT_SAMPLE_ROWS = 10_000;
  public static final Duration MIN_POLL = Duration.ofMillis(10);
  private static final long MIN_SPOOL_BYTES = 64 << 10;

  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

  private AgentConfigLoader() {}

  /** The configuration in {@code file}; {@code defaultHost} is used when the file sets no {@code host}. */
  public static AgentConfig load(Path file, String defaultHost) throws ConfigException {
    String origin = file.toString();
    RawConfig raw;
    try (InputStream in = Files.newInputStream(file)) {
      raw = YAML.readValue(in, RawConfig.class);
    } catch (NoSuchFileException e) {
      throw new ConfigException(origin + ": no such file");
    } catch (JsonMappingException e) {
      throw new ConfigException(origin + where(e) + ": " + reason(e), e);
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
          ? p.getLocation().getLineNr() : 0;
      throw new ConfigException(origin + (line > 0 ? ":" + line : "") + ": not valid YAML ("
          + e.getClass().getSimpleName() + ")", e);
    }
    if (raw == null) {
      throw new ConfigException(origin + ": the file is empty");
    }
    return new Validator(origin, file.toAbsolutePath().getParent()).validate(raw, defaultHost);
  }

  private static String where(JsonMappingException e) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        key.append(key.length() > 0 ? "." : "").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        key.append('[').append(r.getIndex()).append(']');
      }
    }
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    return (line > 0 ? ":" + line : "") + (key.length() > 0 ? ": key '" + key + "'" : "");
  }

  private static String reason(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(Object::toString)
          .sorted().collect(Collectors.joining(", "));
      return "unknown key '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : " (known: " + known + ")");
    }
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    String message = e.getOriginalMessage();
    int cut = message.indexOf('\n');
    return cut > 0 ? message.substring(0, cut) : message;
  }

  /** Semantic checks and defaults, with messages naming the key. */
  private static final class Validator {
    private final String origin;
    private final Path base;

    Validator(String origin, Path base) {
      this.origin = origin;
      this.base = base;
    }

    AgentConfig validate(RawConfig raw, String defaultHost) throws ConfigException {
      if (raw.stateDir == null) {
        throw missing("state_dir");
      }
      Path stateDir = path(raw.stateDir);
      AgentConfig.Server server = server(raw.server, stateDir);
      String host = raw.host == null ? defaultHost : raw.host.strip();
      if (host == null || host.isEmpty() || host.length() > 253) {
        throw bad("host", "must be a host name of 1..253 characters");
      }
      List<String> tail = new ArrayList<>();
      for (int i = 0; raw.tail != null && i < raw.tail.size(); i++) {
        String glob = raw.tail.get(i);
        if (glob == null || glob.isBlank()) {
          throw bad("tail[" + i + "]", "must be a path or glob");
        }
        tail.add(path(glob).toString());
      }
      AgentConfig.TailStart start = AgentConfig.TailStart.BEGINNING;
      if (raw.tailStart != null) {
        try {
          start = AgentConfig.TailStart.valueOf(raw.tailStart.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw bad("tail_start", "must be beginning or end");
        }
      }
      List<AgentConfig.Tree> trees = new ArrayList<>();
      for (int i = 0; raw.scan != null && i < raw.scan.size(); i++) {
        RawTree t = raw.scan.get(i);
        String key = "scan[" + i + "]";
        if (t == null || t.path == null) {
          throw missing(key + ".path");
        }
        trees.add(new AgentConfig.Tree(path(t.path), positive(t.interval, DEFAULT_SCAN_INTERVAL, key + ".interval"),
            list(t.include), list(t.exclude), t.maxFileSize == null ? -1 : t.maxFileSize.bytes,
            Boolean.TRUE.equals(t.followSymlinks), Boolean.TRUE.equals(t.verifyContent)));
      }
      List<AgentConfig.Database> dbs = new ArrayList<>();
      for (int i = 0; raw.databases != null && i < raw.databases.size(); i++) {
        dbs.add(database(raw.databases.get(i), "databases[" + i + "]"));
      }
      RawLimits l = raw.limits == null ? new RawLimits() : raw.limits;
      int threads = l.threads == null ? DEFAULT_THREADS : l.threads;
      if (threads < 1 || threads > 256) {
        throw bad("limits.threads", "must be in 1..256");
      }
      AgentConfig.Limits limits = new AgentConfig.Limits(threads, l.readRate == null ? 0 : l.readRate.bytes,
          l.nice == null || l.nice);
      RawSpool s = raw.spool == null ? new RawSpool() : raw.spool;
      long spoolMax = s.maxBytes == null ? DEFAULT_SPOOL_MAX_BYTES : s.maxBytes.bytes;
      if (spoolMax < MIN_SPOOL_BYTES) {
        throw bad("spool.max_bytes", "must be at least " + (MIN_SPOOL_BYTES >> 10) + "K");
      }
      int batch = s.batchMaxRecords == null ? DEFAULT_BATCH_MAX_RECORDS : s.batchMaxRecords;
      if (batch < 1 || batch > MAX_BATCH_RECORDS) {
        throw bad("spool.batch_max_records", "must be in 1.." + MAX_BATCH_RECORDS);
      }
      Duration poll = positive(raw.pollInterval, DEFAULT_POLL, "poll_interval");
      if (poll.compareTo(MIN_POLL) < 0) {
        throw bad("poll_interval", "must be at least " + MIN_POLL.toMillis() + "ms");
      }
      AgentConfig.Timing timing = new AgentConfig.Timing(poll,
          positive(s.flushInterval, DEFAULT_FLUSH, "spool.flush_interval"),
          positive(raw.server == null ? null : raw.server.retryMaxDelay, DEFAULT_RETRY_MAX, "server.retry_max_delay"),
          positive(raw.server == null ? null : raw.server.drainTimeout, DEFAULT_DRAIN, "server.drain_timeout"));
      double minConfidence = raw.minConfidence == null ? 0.5 : raw.minConfidence;
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw bad("min_confidence", "must be in 0..1");
      }
      Path keyFile = raw.keyFile == null ? stateDir.resolve(KEY_FILE) : path(raw.keyFile);
      Path rules = raw.rules == null ? null : path(raw.rules);
      return new AgentConfig(server, host, stateDir, keyFile, rules, tail, start, trees, dbs, limits,
          new AgentConfig.SpoolSettings(spoolMax, batch), timing, minConfidence);
    }

    private AgentConfig.Server server(RawServer s, Path stateDir) throws ConfigException {
      if (s == null || s.url == null) {
        throw missing("server.url");
      }
      URI url;
      try {
        url = new URI(s.url.strip());
      } catch (URISyntaxException e) {
        throw bad("server.url", "is not a URL");
      }
      if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
        throw bad("server.url", "must be an http:// or https:// URL with a host");
      }
      if (s.token != null && s.tokenFile != null) {
        throw bad("server.token", "set either server.token or server.token_file, not both");
      }
      String token = s.token;
      if (token == null) {
        Path file = s.tokenFile != null ? path(s.tokenFile) : stateDir.resolve(TOKEN_FILE);
        try {
          token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          throw new ConfigException(origin + ": no agent token: set server.token or server.token_file, or run "
              + "'lagotto agent enroll' (cannot read " + file + ": " + e.getClass().getSimpleName() + ")");
        }
      }
      if (token.isBlank() || !token.chars().allMatch(c -> c > 32 && c < 127)) {
        throw bad("server.token", "must be printable ASCII without spaces");
      }
      return new AgentConfig.Server(url, token.strip());
    }

    private AgentConfig.Database database(RawDatabase d, String key) throws ConfigException {
      if (d == null || d.url == null) {
        throw missing(key + ".url");
      }
      if (!d.url.startsWith("jdbc:")) {
        throw bad(key + ".url", "must be a jdbc: URL");
      }
      if (d.url.contains("password=")) {
        throw bad(key + ".url", "must not contain a password; use password_env");
      }
      long rows = DEFAULT_SAMPLE_ROWS;
      if (d.sampleRows != null) {
        if (d.sampleRows.equalsIgnoreCase("all")) {
          rows = -1;
        } else {
          try {
            rows = Long.parseLong(d.sampleRows.strip());
          } catch (NumberFormatException e) {
            throw bad(key + ".sample_rows", "must be a number or 'all'");
          }
          if (rows < 1) {
            throw bad(key + ".sample_rows", "must be at least 1");
          }
        }
      }
      if (d.passwordEnv != null && !d.passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw bad(key + ".password_env", "must be an environment variable name");
      }
      return new AgentConfig.Database(d.url, d.user, d.passwordEnv, positive(d.interval, DEFAULT_DB_INTERVAL, key + ".interval"),
          list(d.includeTables), list(d.excludeTables), rows);
    }

    private Duration positive(Dur d, Duration absent, String key) throws ConfigException {
      if (d == null) {
        return absent;
      }
      if (d.value.isZero() || d.value.isNegative()) {
        throw bad(key, "must be positive");
      }
      return d.value;
    }

    private Path path(String text) {
      Path p = Path.of(text.strip());
      return (p.isAbsolute() ? p : base.resolve(p)).normalize();
    }

    private static List<String> list(List<String> l) {
      return l == null ? List.of() : l;
    }

    private ConfigException missing(String key) {
      return new ConfigException(origin + ": key '" + key + "' is required");
    }

    private ConfigException bad(String key, String reason) {
      return new ConfigException(origin + ": key '" + key + "': " + reason);
    }
  }

  /** A size in the file: {@code 64M} or a number of bytes. */
  static final class Size {
    final long bytes;

    private Size(long bytes) {
      this.bytes = bytes;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Size of(String text) {
      return new Size(ConfigValues.size(text));
    }
  }

  /** A duration in the file: {@code 250ms}, {@code 30s}, {@code 1h}. */
  static final class Dur {
    final Duration value;

    private Dur(Duration value) {
      this.value = value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Dur of(String text) {
      return new Dur(ConfigValues.duration(text));
    }
  }

  /** The YAML shape of {@code agent.yaml}. */
  static final class RawConfig {
    public RawServer server;
    public String host;
    public String stateDir;
    public String keyFile;
    public String rules;
    public Double minConfidence;
    public List<String> tail;
    public String tailStart;
    public Dur pollInterval;
    public List<RawTree> scan;
    public List<RawDatabase> databases;
    public RawLimits limits;
    public RawSpool spool;
  }

  /** {@code server:}. */
  static final class RawServer {
    public String url;
    public String token;
    public String tokenFile;
    public Dur retryMaxDelay;
    public Dur drainTimeout;
  }

  /** One entry of {@code scan:}. */
  static final class RawTree {
    public String path;
    public Dur interval;
    public List<String> include;
    public List<String> exclude;
    public Size maxFileSize;
    public Boolean followSymlinks;
    public Boolean verifyContent;
  }

  /** One entry of {@code databases:}. */
  static final class RawDatabase {
    public String url;
    public String user;
    public String passwordEnv;
    public Dur interval;
    public List<String> includeTables;
    public List<String> excludeTables;
    public String sampleRows;
  }

  /** {@code limits:}. */
  static final class RawLimits {
    public Integer threads;
    public Size readRate;
    public Boolean nice;
  }

  /** {@code spool:}. */
  static final class RawSpool {
    public Size maxBytes;
    public Integer batchMaxRecords;
    public Dur flushInterval;
  }
}
