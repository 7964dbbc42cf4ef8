package dev.lagotto.agent.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick measurement, not part of the default suite: ingest rate (exposures/s, end to end over HTTP with
 * gzip, {@value #CLIENTS} concurrent agents) into an empty index up to {@code lagotto.perf.exposures}
 * (default 1,000,000), then search latency p50/p99 by query shape on the full index.
 *
 * <p>Run: {@code mvn -B -q -pl agent -am test -Dtest=ServerPerfTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlagotto.perf=true [-Dlagotto.perf.exposures=1000000]}
 */
@EnabledIfSystemProperty(named = "lagotto.perf", matches = "true")
class ServerPerfTest {
  static final int CLIENTS = 4;
  static final int BATCH_LINES = 5_000;
  static final int HOSTS = 200;
  static final int QUERIES_PER_SHAPE = 300;
  static final String[] CATEGORIES = {"email", "ipv4", "phone", "person_name", "credit_card", "iban", "geo_coordinates"};

  @TempDir Path dir;

  @Test
  void ingestRateAndSearchLatencyOnAMillionExposures() throws Exception {
    int exposures = Integer.getInteger("lagotto.perf.exposures", 1_000_000);
    int batches = (exposures + BATCH_LINES - 1) / BATCH_LINES;
    Instant now = Instant.now();
    try (ServerFixture f = new ServerFixture(dir, b -> b.clock(java.time.Clock.systemUTC()).maxBatchBytes(64L << 20))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String agent = f.tokens.get(Role.AGENT);
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        futures.add(pool.submit(() -> {
          for (int b; (b = next.getAndIncrement()) < batches; ) {
            byte[] body = ServerFixture.gzip(batch(b, Math.min(BATCH_LINES, exposures - b * BATCH_LINES), now));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(f.server.url() + "/api/v1/findings"))
                .header("Authorization", "Bearer " + agent).header("Content-Encoding", "gzip")
                .header(Api.BATCH_ID_HEADER, "perf-" + b).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
      pool.shutdown();
      assertThat(f.search("").get("total").asLong()).isEqualTo(exposures);
      System.out.printf("PERF ingest: %,d exposures in %.1f s = %,.0f exposures/s (%d clients, %d lines/batch, gzip, HTTP)%n",
          exposures, seconds, exposures / seconds, CLIENTS, BATCH_LINES);
      System.out.printf("PERF ingest CPU: %.1f s of process CPU = %,.0f exposures per CPU-second (server and clients in one JVM;"
          + " load average %.1f on %d cores)%n", cpuSeconds, exposures / cpuSeconds, os.getSystemLoadAverage(),
          os.getAvailableProcessors());
      System.out.println("PERF index: " + f.get("/metrics", f.tokens.get(Role.ADMIN)).body().lines()
          .filter(l -> l.startsWith("lagotto_index")).toList());

      Random random = new Random(42);
      String analyst = f.tokens.get(Role.ANALYST);
      Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
      shapes.put("category AND host (page of 50)", i -> "/api/v1/search?q=" + ServerFixture.enc(
          "category:" + CATEGORIES[random.nextInt(CATEGORIES.length)] + " AND host:host-" + random.nextInt(HOSTS)));
      shapes.put("confidence range AND category, sort -count", i -> "/api/v1/search?sort=-count&q=" + ServerFixture.enc(
          "confidence:[0.9 TO *] AND category:" + CATEGORIES[random.nextInt(CATEGORIES.length)]));
      shapes.put("last_seen range AND path wildcard", i -> "/api/v1/search?q=" + ServerFixture.enc(
          "last_seen:[now-1h TO *] AND path:\\/var\\/log\\/app" + random.nextInt(10) + "*"));
      shapes.put("fingerprint term (subject-style)", i -> "/api/v1/search?q=" + ServerFixture.enc(
          "fingerprint:" + fingerprint(random.nextInt(exposures))));
      shapes.put("facets over everything", i -> "/api/v1/facets");
      shapes.put("facets for one category", i -> "/api/v1/facets?q=" + ServerFixture.enc(
          "category:" + CATEGORIES[random.nextInt(CATEGORIES.length)]));
      for (Map.Entry<String, IntFunction<String>> shape : shapes.entrySet()) {
        long[] nanos = new long[QUERIES_PER_SHAPE];
        for (int i = 0; i < QUERIES_PER_SHAPE; i++) {
          String path = shape.getValue().apply(i);
          long t0 = System.nanoTime();
          HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(f.server.url() + path))
              .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofString());
          nanos[i] = System.nanoTime() - t0;
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        Arrays.sort(nanos);
        System.out.printf("PERF search %-45s p50 %7.2f ms  p99 %7.2f ms  (%d queries, HTTP round trip)%n", shape.getKey(),
            nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos.length);
      }
    }
  }

  private static String fingerprint(int i) {
    return String.format("%064x", (long) i * 2654435761L + 1);
  }

  /** Lines of batch {@code b}: every exposure distinct, spread over hosts, files and categories. */
  private static byte[] batch(int b, int lines, Instant now) {
    StringBuilder out = new StringBuilder(lines * 480);
    for (int j = 0; j < lines; j++) {
      int i = b * BATCH_LINES + j;
      String category = CATEGORIES[i % CATEGORIES.length];
      String seen = now.minus(Duration.ofMinutes(i % 240)).toString();
      out.append("{\"type\":\"finding\",\"category\":\"").append(category).append("\",\"rule\":\"").append(category)
          .append("\",\"confidence\":").append(0.5 + (i % 50) / 100.0)
          .append(",\"source\":{\"kind\":\"file\",\"uri\":\"file:///var/log/app").append(i % 10).append(".log\",\"host\":\"host-")
          .append(i % HOSTS).append("\"},\"location\":{\"line\":").append(1 + i % 100_000)
          .append(",\"column\":1,\"offset\":0,\"length\":10},\"masked\":\"x***\",\"fingerprint\":\"").append(fingerprint(i))
          .append("\",\"count\":").append(1 + i % 7).append(",\"first_seen\":\"").append(seen).append("\",\"last_seen\":\"")
          .append(seen).append("\"}\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
