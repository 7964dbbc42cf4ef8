package dev.lagotto.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * The HTTP client of the central index ({@code /api/v1/...}) with a bearer token: one JDK
 * {@link HttpClient} (HTTP/1.1; TLS trusts the JVM's trust store, e.g. {@code -Djavax.net.ssl.trustStore}).
 * Non-200 answers are {@link ServerException}s carrying the server's {@code error} message; transport
 * failures are {@link IOException}s. The token never appears in messages. Thread-safe.
 */
public final class ServerClient {
  /** The header carrying a batch's idempotency id (the server's {@code Api.BATCH_ID_HEADER}). */
  public static final String BATCH_ID_HEADER = "Lagotto-Batch-Id";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;

  public ServerClient(URI base, String token, Duration timeout) {
    String b = Objects.requireNonNull(base, "base").toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.token = Objects.requireNonNull(token, "token");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
  }

  public URI base() {
    return base;
  }

  /** Sends one NDJSON batch gzip-compressed under {@code batchId}; returns the server's answer. */
  public JsonNode postBatch(String batchId, byte[] ndjson) throws IOException, InterruptedException, ServerException {
    HttpRequest request = request("/api/v1/findings")
        .header("Content-Type", "application/x-ndjson")
        .header("Content-Encoding", "gzip")
        .header(BATCH_ID_HEADER, batchId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(ndjson)))
        .build();
    return send(request);
  }

  /** {@code POST /api/v1/enroll}: the site key as {@code {"key": base64, "key_id": ..., "algorithm": ...}}. */
  public JsonNode enroll() throws IOException, InterruptedException, ServerException {
    return send(request("/api/v1/enroll").POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** {@code GET /api/v1/search}: one page of exposures matching a Lucene query. */
  public JsonNode search(String query, int page, int size, String sort) throws IOException, InterruptedException, ServerException {
    StringBuilder q = new StringBuilder("/api/v1/search?q=").append(enc(query)).append("&page=").append(page)
        .append("&size=").append(size);
    if (sort != null) {
      q.append("&sort=").append(enc(sort));
    }
    return send(request(q.toString()).GET().build());
  }

  /** {@code GET /api/v1/subject}: every open exposure of one value (the server fingerprints it). */
  public JsonNode subject(String value, String category) throws IOException, InterruptedException, ServerException {
    return subject(value, category, false);
  }

  /** {@code GET /api/v1/subject}: every exposure of one value, closed ones too when {@code includeClosed}. */
  public JsonNode subject(String value, String category, boolean includeClosed)
      throws IOException, InterruptedException, ServerException {
    String q = "/api/v1/subject?value=" + enc(value) + (category == null ? "" : "&category=" + enc(category))
        + (includeClosed ? "&include_closed=true" : "");
    return send(request(q).GET().build());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
        .header("Authorization", "Bearer " + token);
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException, ServerException {
    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body = null;
    try {
      body = r.body().length == 0 ? null : JSON.readTree(r.body());
    } catch (IOException e) {
      if (r.statusCode() == 200) {
        throw new IOException("the server answered 200 with a body that is not JSON", e);
      }
    }
    if (r.statusCode() != 200) {
      String message = body != null && body.hasNonNull("error") ? body.get("error").asText() : "";
      throw new ServerException(r.statusCode(), message);
    }
    return body == null ? JSON.createObjectNode() : body;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }
}
