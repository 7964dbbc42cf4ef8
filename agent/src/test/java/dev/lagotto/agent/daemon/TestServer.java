package dev.lagotto.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.client.ServerClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lagotto.agent.server.LagottoServer;
import dev.lagotto.agent.server.Role;
import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.agent.server.TokenStore;
import dev.lagotto.agent.server.store.LuceneExposureStore;
import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.finding.ValueForms;
import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A real central index (Lucene in a temporary directory, HTTP on 127.0.0.1) that can be stopped and restarted on its port. */
final class TestServer implements AutoCloseable {
  final Path data;
  final String agentToken;
  final String analystToken;
  final byte[] siteKey;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Fingerprinter fingerprinter;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private LagottoServer server;
  private int port;

  private final Duration retention;

  TestServer(Path data) throws IOException {
    this(data, null);
  }

  /** A server that purges exposures not seen for {@code retention} when {@link #purgeNow} is called. */
  TestServer(Path data, Duration retention) throws IOException {
    this.data = data;
    this.retention = retention;
    TokenStore tokens = TokenStore.open(data, Clock.systemUTC());
    this.agentToken = tokens.create(Role.AGENT);
    this.analystToken = tokens.create(Role.ANALYST);
    this.siteKey = SiteKeys.serverKey(data);
    this.fingerprinter = new Fingerprinter(siteKey);
    start(0);
  }

  /** Starts on {@code port} (0: any); the index and tokens are those of {@link #data}. */
  void start(int onPort) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        server = LagottoServer.builder().listen("127.0.0.1", onPort)
            .store(LuceneExposureStore.open(data.resolve("index"), Clock.systemUTC()))
            .tokens(TokenStore.open(data, Clock.systemUTC()))
            .siteKey(siteKey)
            .retention(retention)
            .purgeInterval(Duration.ofDays(1))
            .log(new PrintStream(OutputStream.nullOutputStream()))
            .start();
        port = server.port();
        return;
      } catch (java.net.BindException e) {
        last = e;
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException(ie);
        }
      }
    }
    throw last;
  }

  /** Runs the retention purge now; returns how many exposures it deleted. */
  long purgeNow() throws IOException {
    return server.purgeNow().exposures();
  }

  void stop() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  void restart() throws IOException {
    start(port);
  }

  int port() {
    return port;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  ServerClient analyst() {
    return new ServerClient(url(), analystToken, Duration.ofSeconds(30));
  }

  String fingerprint(Category c, String value) {
    return fingerprinter.fingerprint(ValueForms.normalise(c, value));
  }

  /** Every exposure matching {@code query} (streamed export, so concurrent ingest cannot shift pages): "host uri fingerprint" → count. */
  Map<String, Long> counts(String query) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/api/v1/export?format=jsonl&q="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + analystToken)
        .timeout(Duration.ofSeconds(30)).GET().build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("export answered HTTP " + r.statusCode() + ": " + r.body());
    }
    Map<String, Long> out = new HashMap<>();
    for (String line : r.body().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode e = JSON.readTree(line);
      String key = e.path("host").asText() + " " + e.path("source").path("uri").asText() + " " + e.path("fingerprint").asText();
      if (out.put(key, e.path("count").asLong()) != null) {
        throw new AssertionError("exposure exported twice: " + key);
      }
    }
    return out;
  }

  /** Sum of counts of every exposure matching {@code query}. */
  long totalCount(String query) throws IOException, InterruptedException {
    return counts(query).values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
