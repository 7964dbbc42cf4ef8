package dev.lagotto.agent.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.agent.server.store.Batch;
import dev.lagotto.agent.server.store.Exposure;
import dev.lagotto.agent.server.store.ExposureSink;
import dev.lagotto.agent.server.store.ExposureStore;
import dev.lagotto.agent.server.store.IngestResult;
import dev.lagotto.agent.server.store.SearchPage;
import dev.lagotto.agent.server.store.SearchRequest;
import dev.lagotto.core.rule.Category;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The endpoints of the HTTP API, one method each; routing and authentication are done before (see
 * {@link LagottoServer}). Every method answers the exchange or throws {@link HttpError}. Thread-safe.
 */
final class Api {
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 1000;
  static final int DEFAULT_FACET_VALUES = 20;
  static final int MAX_FACET_VALUES = 1000;
  static final int MAX_SUBJECT_EXPOSURES = 10_000;
  static final String BATCH_ID_HEADER = "Lagotto-Batch-Id";
  static final long MAX_SUBJECT_BODY_BYTES = 64 * 1024;
  private static final String[] CSV_COLUMNS = {"id", "host", "kind", "uri", "entry", "table", "column", "category",
      "rule", "fingerprint", "masked", "count", "first_seen", "last_seen", "first_line", "last_line", "confidence", "tags", "state", "closed_at"};

  private final ExposureStore store;
  private final BatchParser parser;
  private final SubjectLookup subjects;
  private final byte[] siteKey;
  private final long maxBatchBytes;
  private final ServerMetrics metrics;

  Api(ExposureStore store, BatchParser parser, SubjectLookup subjects, byte[] siteKey, long maxBatchBytes,
      ServerMetrics metrics) {
    this.store = store;
    this.parser = parser;
    this.subjects = subjects;
    this.siteKey = siteKey.clone();
    this.maxBatchBytes = maxBatchBytes;
    this.metrics = metrics;
  }

  /**
   * {@code POST /api/v1/findings}: validates the whole NDJSON batch, then applies it durably. The batch id
   * is the {@value #BATCH_ID_HEADER} header, or else the SHA-256 of the decoded body.
   */
  void ingest(HttpExchange ex) throws IOException, HttpError {
    BatchParser.Lines lines;
    String batchId;
    try {
      byte[] body = Http.body(ex, maxBatchBytes);
      lines = parser.parse(body);
      batchId = ex.getRequestHeaders().getFirst(BATCH_ID_HEADER);
      if (batchId == null || batchId.isBlank()) {
        batchId = "sha256:" + sha256(body);
      } else if (batchId.length() > Batch.MAX_ID_CHARS || !batchId.chars().allMatch(c -> c > 32 && c < 127)) {
        throw new HttpError(400, BATCH_ID_HEADER + " must be 1.." + Batch.MAX_ID_CHARS + " printable ASCII characters");
      }
    } catch (HttpError e) {
      metrics.batchesRejected.increment();
      throw e;
    }
    IngestResult result = store.ingest(new Batch(batchId, lines.observations(), lines.events()));
    if (result.duplicate()) {
      metrics.batchesDuplicate.increment();
    } else {
      metrics.batchesApplied.increment();
      metrics.findings.add(result.observations());
    }
    ObjectNode answer = Json.MAPPER.createObjectNode()
        .put("batch_id", result.batchId())
        .put("status", result.duplicate() ? "duplicate" : "applied")
        .put("findings", result.observations())
        .put("exposures", result.exposures());
    Http.json(ex, 200, answer);
  }

  /** {@code GET /api/v1/search?q=&page=&size=&sort=}: one page of exposures (page is 0-based). */
  void search(HttpExchange ex) throws IOException, HttpError {
    Map<String, String> p = Http.params(ex);
    int size = Http.intParam(p, "size", DEFAULT_PAGE_SIZE, 0, MAX_PAGE_SIZE);
    int page = Http.intParam(p, "page", 0, 0, Integer.MAX_VALUE / Math.max(1, MAX_PAGE_SIZE));
    SearchPage result = store.search(new SearchRequest(p.get("q"), p.get("sort"), page * size, size));
    ObjectNode answer = Json.MAPPER.createObjectNode().put("total", result.total()).put("page", page).put("size", size);
    ArrayNode hits = answer.putArray("hits");
    result.hits().forEach(e -> hits.add(Json.exposure(e)));
    Http.json(ex, 200, answer);
  }

  /** {@code GET /api/v1/facets?q=&top=}: exposure counts by category, host, rule and source kind. */
  void facets(HttpExchange ex) throws IOException, HttpError {
    Map<String, String> p = Http.params(ex);
    int top = Http.intParam(p, "top", DEFAULT_FACET_VALUES, 1, MAX_FACET_VALUES);
    Http.json(ex, 200, store.facets(p.get("q"), top));
  }

  /**
   * {@code GET /api/v1/subject?value=&category=} (or {@code POST} with a JSON body holding the same
   * fields, which keeps the value out of URLs and proxy logs): every exposure of one person's value, found by
   * fingerprinting its normalised form under the site key in each plausible category. Closed exposures
   * (their source was deleted or no longer holds the value) only with {@code include_closed=true}.
   */
  void subject(HttpExchange ex) throws IOException, HttpError {
    Map<String, String> p = Http.params(ex);
    if (ex.getRequestMethod().equals("POST")) {
      p = subjectBody(ex);
    }
    String value = p.get("value");
    if (value == null || value.isBlank()) {
      throw new HttpError(400, "parameter 'value' is required");
    }
    if (value.length() > BatchParser.MAX_FIELD_CHARS) {
      throw new HttpError(400, "parameter 'value' is too long");
    }
    Set<Category> categories;
    String category = p.get("category");
    if (category != null && !category.isBlank()) {
      categories = EnumSet.of(Category.fromId(category)
          .orElseThrow(() -> new HttpError(400, "parameter 'category' is not a known category")));
    } else {
      categories = SubjectLookup.plausibleCategories(value);
    }
    int limit = Http.intParam(p, "limit", MAX_SUBJECT_EXPOSURES, 1, MAX_SUBJECT_EXPOSURES);
    Map<String, String> fingerprints = subjects.fingerprints(value, categories);
    boolean includeClosed = Boolean.parseBoolean(p.get("include_closed"));
    List<Exposure> found = store.findByFingerprints(fingerprints, limit).stream()
        .filter(e -> includeClosed || !e.closed())
        .toList();
    ObjectNode answer = Json.MAPPER.createObjectNode();
    ArrayNode tried = answer.putArray("categories");
    fingerprints.keySet().forEach(tried::add);
    Map<String, Long> byHost = new TreeMap<>();
    Set<String> sources = new TreeSet<>();
    long total = 0;
    for (Exposure e : found) {
      byHost.merge(e.key().host(), e.count(), Long::sum);
      sources.add(e.key().uri());
      total += e.count();
    }
    answer.put("total_count", total);
    answer.put("truncated", found.size() >= limit);
    answer.set("hosts", Json.MAPPER.valueToTree(byHost));
    answer.set("sources", Json.MAPPER.valueToTree(sources));
    ArrayNode exposures = answer.putArray("exposures");
    found.forEach(e -> exposures.add(Json.exposure(e)));
    Http.json(ex, 200, answer);
  }

  /** The {@code value} and {@code category} of a {@code POST /api/v1/subject} JSON body. */
  private static Map<String, String> subjectBody(HttpExchange ex) throws IOException, HttpError {
    byte[] body = Http.body(ex, MAX_SUBJECT_BODY_BYTES);
    com.fasterxml.jackson.databind.JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new HttpError(400, "body must be a JSON object {\"value\": ..., \"category\": ...}");
    }
    if (node == null || !node.isObject()) {
      throw new HttpError(400, "body must be a JSON object {\"value\": ..., \"category\": ...}");
    }
    Map<String, String> p = new java.util.HashMap<>();
    for (var field : node.properties()) {
      if (field.getKey().equals("include_closed")) {
        if (!field.getValue().isBoolean()) {
          throw new HttpError(400, "field 'include_closed' must be true or false");
        }
        p.put(field.getKey(), Boolean.toString(field.getValue().booleanValue()));
        continue;
      }
      if (!field.getKey().equals("value") && !field.getKey().equals("category")) {
        throw new HttpError(400, "unknown field in body; expected value, category and include_closed");
      }
      if (!field.getValue().isTextual()) {
        throw new HttpError(400, "field '" + field.getKey() + "' must be a string");
      }
      p.put(field.getKey(), field.getValue().textValue());
    }
    return p;
  }

  /** {@code GET /api/v1/export?q=&format=csv|jsonl}: every matching exposure, streamed (chunked). */
  void export(HttpExchange ex) throws IOException, HttpError {
    Map<String, String> p = Http.params(ex);
    String format = p.getOrDefault("format", "jsonl");
    if (!format.equals("csv") && !format.equals("jsonl")) {
      throw new HttpError(400, "parameter 'format' must be csv or jsonl");
    }
    boolean csv = format.equals("csv");
    Writer[] out = new Writer[1];
    store.export(p.get("q"), new ExposureSink() {
      @Override
      public void begin() throws IOException {
        ex.getResponseHeaders().set("Content-Type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"exposures." + format + "\"");
        ex.sendResponseHeaders(200, 0);
        out[0] = new BufferedWriter(new OutputStreamWriter(ex.getResponseBody(), StandardCharsets.UTF_8), 65536);
        if (csv) {
          out[0].write(String.join(",", CSV_COLUMNS));
          out[0].write("\r\n");
        }
      }

      @Override
      public void accept(Exposure e) throws IOException {
        if (csv) {
          writeCsv(out[0], e);
        } else {
          out[0].write(Json.MAPPER.writeValueAsString(Json.exposure(e)));
          out[0].write('\n');
        }
      }
    });
    out[0].close();
  }

  /** {@code DELETE /api/v1/hosts/{host}}: deletes every exposure of a host. */
  void deleteHost(HttpExchange ex) throws IOException, HttpError {
    String raw = ex.getRequestURI().getRawPath().substring(LagottoServer.HOSTS_PATH.length());
    String host = URLDecoder.decode(raw, StandardCharsets.UTF_8);
    if (host.isEmpty() || host.contains("/") || host.length() > BatchParser.MAX_FIELD_CHARS) {
      throw new HttpError(400, "path must be " + LagottoServer.HOSTS_PATH + "{host}");
    }
    long deleted = store.deleteHost(host);
    Http.json(ex, 200, Json.MAPPER.createObjectNode().put("host", host.toLowerCase(java.util.Locale.ROOT)).put("deleted", deleted));
  }

  /** {@code POST /api/v1/enroll}: the site fingerprint key, for an agent. */
  void enroll(HttpExchange ex) throws IOException {
    ex.getRequestBody().readAllBytes();
    ObjectNode answer = Json.MAPPER.createObjectNode()
        .put("key", Base64.getEncoder().encodeToString(siteKey))
        .put("key_id", SiteKeys.keyId(siteKey))
        .put("algorithm", "HmacSHA256");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    Http.json(ex, 200, answer);
  }

  /** {@code GET /metrics}: Prometheus text. */
  void metrics(HttpExchange ex) throws IOException {
    byte[] body = metrics.render(store.stats()).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    ex.sendResponseHeaders(200, body.length);
    try (var out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** {@code GET /healthz}: liveness, without authentication and without figures. */
  void health(HttpExchange ex) throws IOException {
    Http.json(ex, 200, Map.of("status", "ok"));
  }

  private static void writeCsv(Writer out, Exposure e) throws IOException {
    var k = e.key();
    String[] cells = {e.id(), k.host(), e.kind(), k.uri(), k.entry(), k.table(), k.column(), k.category(), k.rule(),
        k.fingerprint(), e.masked(), Long.toString(e.count()), e.firstSeen().toString(), e.lastSeen().toString(),
        Long.toString(e.firstLine()), Long.toString(e.lastLine()), Double.toString(e.confidence()), String.join(";", e.tags()), e.state(),
        e.closedAt() == null ? null : e.closedAt().toString()};
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(csvCell(cells[i]));
    }
    out.write("\r\n");
  }

  /** RFC 4180 quoting, plus a leading {@code '} before {@code = + - @} so spreadsheets never run a formula. */
  static String csvCell(String value) {
    if (value == null) {
      return "";
    }
    String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
