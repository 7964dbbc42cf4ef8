package dev.lagotto.agent.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.lagotto.agent.server.store.ExposureStore;
import dev.lagotto.agent.server.store.InvalidQueryException;
import dev.lagotto.agent.server.store.PurgeResult;
import dev.lagotto.core.finding.Fingerprinter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The central index's HTTP server: the JDK's embedded server with a bounded pool of named threads
 * ({@code lagotto-http-N}; when all are busy and {@link #MAX_QUEUED_REQUESTS} wait, the accepting thread
 * runs the request itself, which slows intake instead of dropping work), loopback by default, port 0 for
 * an ephemeral port, TLS when an {@link SSLContext} is given, and a retention purge on a schedule.
 * Closing stops the server, then closes the store it owns. Build with {@link #builder()}.
 *
 * <p>Every endpoint but {@code /healthz} requires {@code Authorization: Bearer <token>}: 401 without a known
 * token, 403 when the token's role may not use the endpoint.
 */
public final class LagottoServer implements Closeable {
  public static final int DEFAULT_PORT = 8470;
  public static final int DEFAULT_THREADS = 8;
  public static final long DEFAULT_MAX_BATCH_BYTES = 16L << 20;
  public static final int MAX_QUEUED_REQUESTS = 256;
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);
  static final String HOSTS_PATH = "/api/v1/hosts/";

  private final HttpServer http;
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService scheduler;
  private final ExposureStore store;
  private final TokenStore tokens;
  private final ServerMetrics metrics = new ServerMetrics();
  private final List<Route> routes;
  private final Clock clock;
  private final Duration retention;
  private final PrintStream log;
  private final boolean tls;

  private LagottoServer(Builder b) throws IOException {
    this.store = Objects.requireNonNull(b.store, "store");
    this.tokens = Objects.requireNonNull(b.tokens, "tokens");
    this.clock = b.clock;
    this.retention = b.retention;
    this.log = b.log;
    Api api = new Api(store, new BatchParser(clock), new SubjectLookup(new Fingerprinter(b.siteKey)), b.siteKey,
        b.maxBatchBytes, metrics);
    this.routes = List.of(
        new Route("GET", "/healthz", true, null, api::health),
        new Route("POST", "/api/v1/findings", true, Set.of(Role.AGENT), api::ingest),
        new Route("POST", "/api/v1/enroll", true, Set.of(Role.AGENT), api::enroll),
        new Route("GET", "/api/v1/search", true, Set.of(Role.ANALYST), api::search),
        new Route("GET", "/api/v1/facets", true, Set.of(Role.ANALYST), api::facets),
        new Route("GET", "/api/v1/subject", true, Set.of(Role.ANALYST), api::subject),
        new Route("POST", "/api/v1/subject", true, Set.of(Role.ANALYST), api::subject),
        new Route("GET", "/api/v1/export", true, Set.of(Role.ANALYST), api::export),
        new Route("GET", "/metrics", true, Set.of(Role.ANALYST), api::metrics),
        new Route("DELETE", HOSTS_PATH, false, Set.of(), api::deleteHost));
    AtomicInteger threadNumber = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(b.threads, b.threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(MAX_QUEUED_REQUESTS), r -> {
          Thread t = new Thread(r, "lagotto-http-" + threadNumber.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    this.tls = b.sslContext != null;
    if (tls) {
      HttpsServer https = HttpsServer.create(b.address, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(b.sslContext));
      this.http = https;
    } else {
      this.http = HttpServer.create(b.address, 0);
    }
    http.setExecutor(pool);
    http.createContext("/", this::handle);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lagotto-retention");
      t.setDaemon(true);
      return t;
    });
    http.start();
    long period = b.purgeInterval.toMillis();
    scheduler.scheduleWithFixedDelay(this::purgeQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  /** A builder with loopback port {@value #DEFAULT_PORT}, {@value #DEFAULT_THREADS} threads, no retention. */
  public static Builder builder() {
    return new Builder();
  }

  /** The bound port (the real one when built with port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8470}. */
  public String url() {
    InetSocketAddress a = http.getAddress();
    String host = a.getAddress().getHostAddress();
    return (tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  /**
   * Runs the purge now: exposures not seen for the retention period (when one is set) and batch ids past
   * their memory. Also what the schedule runs.
   */
  public PurgeResult purgeNow() throws IOException {
    PurgeResult result = store.purge(retention == null ? null : clock.instant().minus(retention));
    metrics.purged.add(result.exposures());
    return result;
  }

  @Override
  public void close() throws IOException {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.stop(0);
    pool.shutdown();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  private void purgeQuietly() {
    try {
      PurgeResult r = purgeNow();
      if (r.exposures() > 0) {
        log.println("lagotto serve: retention purged " + r.exposures() + " exposures");
      }
    } catch (IOException | RuntimeException e) {
      metrics.errors.increment();
      log.println("lagotto serve: retention purge failed: " + e.getClass().getSimpleName());
    }
  }

  private void handle(HttpExchange ex) {
    metrics.requests.increment();
    try {
      try {
        Route route = route(ex);
        if (route.roles() != null) {
          authorise(ex, route);
        }
        route.handler().handle(ex);
      } catch (InvalidQueryException e) {
        throw new HttpError(400, e.getMessage());
      }
    } catch (HttpError e) {
      if (e.status() >= 500) {
        metrics.errors.increment();
      }
      answerError(ex, e);
    } catch (IOException | RuntimeException e) {
      metrics.errors.increment();
      log.println("lagotto serve: " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " failed: "
          + e.getClass().getSimpleName());
      answerError(ex, new HttpError(500, "internal error"));
    } finally {
      ex.close();
    }
  }

  private static void answerError(HttpExchange ex, HttpError e) {
    if (ex.getResponseCode() != -1) {
      return;
    }
    try {
      Http.error(ex, e);
    } catch (IOException ignored) {
      ex.close();
    }
  }

  private Route route(HttpExchange ex) throws HttpError {
    String path = ex.getRequestURI().getPath();
    boolean pathKnown = false;
    for (Route r : routes) {
      if (r.exact() ? path.equals(r.path()) : path.startsWith(r.path())) {
        pathKnown = true;
        if (r.method().equals(ex.getRequestMethod())) {
          return r;
        }
      }
    }
    if (pathKnown) {
      throw new HttpError(405, "method " + ex.getRequestMethod() + " not allowed here");
    }
    throw new HttpError(404, "no such endpoint");
  }

  private void authorise(HttpExchange ex, Route route) throws HttpError {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    Optional<Role> role = tokens.authenticate(token);
    if (role.isEmpty()) {
      throw new HttpError(401, "a valid bearer token is required");
    }
    if (role.get() != Role.ADMIN && !route.roles().contains(role.get())) {
      throw new HttpError(403, "role " + role.get() + " may not use this endpoint");
    }
  }

  /** One endpoint: method, path (exact or prefix), the non-admin roles allowed ({@code null}: public). */
  private record Route(String method, String path, boolean exact, Set<Role> roles, Handler handler) {}

  @FunctionalInterface
  private interface Handler {
    void handle(HttpExchange ex) throws IOException, HttpError;
  }

  /** Builder of a started {@link LagottoServer}. */
  public static final class Builder {
    private InetSocketAddress address = new InetSocketAddress("127.0.0.1", DEFAULT_PORT);
    private ExposureStore store;
    private TokenStore tokens;
    private byte[] siteKey;
    private Clock clock = Clock.systemUTC();
    private int threads = DEFAULT_THREADS;
    private long maxBatchBytes = DEFAULT_MAX_BATCH_BYTES;
    private Duration retention;
    private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;
    private SSLContext sslContext;
    private PrintStream log = System.err;

    private Builder() {}

    /** Where to listen; port 0 picks a free port. Default 127.0.0.1:{@value #DEFAULT_PORT}. */
    public Builder listen(String host, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is not in 0..65535");
      }
      this.address = new InetSocketAddress(host, port);
      return this;
    }

    /** The store; the server closes it when closed. */
    public Builder store(ExposureStore store) {
      this.store = store;
      return this;
    }

    public Builder tokens(TokenStore tokens) {
      this.tokens = tokens;
      return this;
    }

    /** The site fingerprint key (see {@link dev.lagotto.agent.key.SiteKeys}). */
    public Builder siteKey(byte[] key) {
      if (key.length < Fingerprinter.MIN_KEY_BYTES) {
        throw new IllegalArgumentException("site key has " + key.length + " bytes; at least " + Fingerprinter.MIN_KEY_BYTES);
      }
      this.siteKey = key.clone();
      return this;
    }

    /** The clock for default times and retention (tests inject one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads " + threads + " is below 1");
      }
      this.threads = threads;
      return this;
    }

    /** Largest batch accepted, sent and decoded; default 16 MiB. */
    public Builder maxBatchBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("max batch bytes " + bytes + " is below 1");
      }
      this.maxBatchBytes = bytes;
      return this;
    }

    /** Exposures not seen for this long are purged; {@code null} (default) keeps them forever. */
    public Builder retention(Duration retention) {
      if (retention != null && (retention.isNegative() || retention.isZero())) {
        throw new IllegalArgumentException("retention " + retention + " must be positive");
      }
      this.retention = retention;
      return this;
    }

    /** How often the purge runs; default one hour. */
    public Builder purgeInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("purge interval " + interval + " must be positive");
      }
      this.purgeInterval = interval;
      return this;
    }

    /** Serve HTTPS with this context; default plain HTTP. */
    public Builder tls(SSLContext context) {
      this.sslContext = context;
      return this;
    }

    /** Where operational messages go (never values); default stderr. */
    public Builder log(PrintStream log) {
      this.log = Objects.requireNonNull(log);
      return this;
    }

    /** Binds and starts the server. */
    public LagottoServer start() throws IOException {
      if (siteKey == null) {
        throw new IllegalStateException("site key not set");
      }
      return new LagottoServer(this);
    }
  }
}
