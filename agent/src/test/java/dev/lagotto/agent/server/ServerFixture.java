package dev.lagotto.agent.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.agent.server.store.LuceneExposureStore;
import dev.lagotto.core.rule.Category;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/** A real server on 127.0.0.1:0 over a real index in a temporary directory, with one token per role. */
final class ServerFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

  final Path data;
  final MutableClock clock;
  final Map<Role, String> tokens = new EnumMap<>(Role.class);
  final byte[] siteKey;
  final FindingLines lines;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  LagottoServer server;

  ServerFixture(Path data) throws IOException {
    this(data, b -> {});
  }

  ServerFixture(Path data, Consumer<LagottoServer.Builder> options) throws IOException {
    this.data = data;
    this.clock = new MutableClock(START);
    TokenStore store = TokenStore.open(data, clock);
    for (Role role : Role.values()) {
      tokens.put(role, store.create(role));
    }
    this.siteKey = SiteKeys.serverKey(data);
    this.lines = new FindingLines(siteKey);
    start(options);
  }

  void start(Consumer<LagottoServer.Builder> options) throws IOException {
    LagottoServer.Builder b = LagottoServer.builder()
        .listen("127.0.0.1", 0)
        .store(LuceneExposureStore.open(data.resolve("index"), clock))
        .tokens(TokenStore.open(data, clock))
        .siteKey(siteKey)
        .clock(clock);
    options.accept(b);
    server = b.start();
  }

  String fingerprint(Category category, String value) {
    return lines.fingerprint(category, value);
  }

  String finding(String host, String path, Category category, String value, int line, long count, Instant lastSeen) {
    return lines.finding(host, path, category, value, line, count, lastSeen);
  }

  HttpResponse<String> post(String path, String token, String batchId, byte[] body, boolean gzip) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-ndjson");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (batchId != null) {
      b.header(Api.BATCH_ID_HEADER, batchId);
    }
    if (gzip) {
      b.header("Content-Encoding", "gzip");
    }
    return send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  HttpResponse<String> ingest(String batchId, String ndjson) {
    return post("/api/v1/findings", tokens.get(Role.AGENT), batchId, ndjson.getBytes(StandardCharsets.UTF_8), false);
  }

  HttpResponse<String> get(String pathAndQuery, String token) {
    return request("GET", pathAndQuery, token);
  }

  HttpResponse<String> request(String method, String pathAndQuery, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  JsonNode search(String query) {
    return json(get("/api/v1/search?size=1000&q=" + enc(query), tokens.get(Role.ANALYST)));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (closing its store) and starts a new one on the same data directory. */
  void restart() throws IOException {
    server.close();
    start(b -> {});
  }

  /** The JSON body of any answer, whatever its status. */
  static JsonNode body(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
