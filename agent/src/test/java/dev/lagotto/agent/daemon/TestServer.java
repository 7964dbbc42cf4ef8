package dev.lagotto.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.client.ServerClient;
import dev.lagotto.agent.client.ServerException;
import dev.lagotto.agent.server.LagottoServer;
import dev.lagotto.agent.server.Role;
import dev.lagotto.agent.server.SiteKey;
import dev.lagotto.agent.server.TokenStore;
import dev.lagotto.agent.server.store.LuceneExposureStore;
import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.finding.ValueForms;
import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
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
  private final Fingerprinter fingerprinter;
  private LagottoServer server;
  private int port;

  TestServer(Path data) throws IOException {
    this.data = data;
    TokenStore tokens = TokenStore.open(data, Clock.systemUTC());
    this.agentToken = tokens.create(Role.AGENT);
    this.analystToken = tokens.create(Role.ANALYST);
    this.siteKey = SiteKey.loadOrCreate(data);
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

  /** Every exposure matching {@code query}: fingerprint+uri+host → count. */
  Map<String, Long> counts(String query) throws IOException, InterruptedException, ServerException {
    Map<String, Long> out = new HashMap<>();
    ServerClient c = analyst();
    for (int page = 0; ; page++) {
      JsonNode r = c.search(query, page, 1000, null);
      for (JsonNode e : r.path("hits")) {
        String key = e.path("host").asText() + " " + e.path("source").path("uri").asText() + " " + e.path("fingerprint").asText();
        if (out.put(key, e.path("count").asLong()) != null) {
          throw new AssertionError("exposure listed twice: " + key);
        }
      }
      if ((long) (page + 1) * 1000 >= r.path("total").asLong()) {
        return out;
      }
    }
  }

  /** Sum of counts of every exposure matching {@code query}. */
  long totalCount(String query) throws IOException, InterruptedException, ServerException {
    return counts(query).values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
