package dev.lagotto.agent.server;

import static dev.lagotto.agent.server.ServerFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.core.rule.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lagotto serve} in a child JVM, killed with SIGKILL while four agents ingest: after a restart every
 * acknowledged batch is there with exact counts, every other batch is there whole or not at all, and
 * resending everything gives exact totals.
 */
class ServerCrashTest {
  static final int LINES = 5;
  static final int MIN_ACKED = 20;
  static final Pattern LISTENING = Pattern.compile("listening on (http://[^ ]+)");

  @TempDir Path dir;

  @Test
  void killedMidIngestLosesNothingAcknowledged() throws Exception {
    String agentToken = TokenStore.open(dir, Clock.systemUTC()).create(Role.AGENT);
    FindingLines lines = new FindingLines(SiteKeys.serverKey(dir));
    Process child = startChild();
    String url;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      url = awaitUrl(out);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Set<Integer> acked = ConcurrentHashMap.newKeySet();
      AtomicInteger next = new AtomicInteger();
      AtomicBoolean run = new AtomicBoolean(true);
      ExecutorService agents = Executors.newFixedThreadPool(4);
      for (int a = 0; a < 4; a++) {
        agents.submit(() -> {
          while (run.get()) {
            int b = next.getAndIncrement();
            try {
              HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/findings"))
                  .header("Authorization", "Bearer " + agentToken).header(Api.BATCH_ID_HEADER, "c-" + b)
                  .POST(HttpRequest.BodyPublishers.ofString(batch(lines, b))).build(), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 200) {
                acked.add(b);
              }
            } catch (IOException e) {
              return null;
            }
          }
          return null;
        });
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (acked.size() < MIN_ACKED && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      run.set(false);
      agents.shutdown();
      assertThat(agents.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      assertThat(acked).hasSizeGreaterThanOrEqualTo(MIN_ACKED);
      int sent = next.get();
      System.out.println("ServerCrashTest: " + acked.size() + " acknowledged of " + sent + " started before the kill");

      try (ServerFixture f = new ServerFixture(dir)) {
        for (int b = 0; b < sent; b++) {
          long found = f.search("tags:b" + b).get("total").asLong();
          if (acked.contains(b)) {
            assertThat(found).as("acknowledged batch %d", b).isEqualTo(LINES);
          } else {
            assertThat(found).as("unacknowledged batch %d whole or absent", b).isIn(0L, (long) LINES);
          }
        }
        for (int b = 0; b < sent; b++) {
          JsonNode r = ServerFixture.json(f.ingest("c-" + b, batch(lines, b)));
          if (acked.contains(b)) {
            assertThat(r.get("status").asText()).isEqualTo("duplicate");
          }
        }
        assertThat(f.search("").get("total").asLong()).isEqualTo((long) sent * LINES);
        long total = 0;
        for (String line : f.get("/api/v1/export", f.tokens.get(Role.ANALYST)).body().split("\n")) {
          total += ServerFixture.JSON.readTree(line).get("count").asLong();
        }
        assertThat(total).isEqualTo((long) sent * LINES * 2);
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private static String batch(FindingLines lines, int b) {
    StringBuilder body = new StringBuilder();
    for (int j = 0; j < LINES; j++) {
      body.append(lines.finding("web-01", "/var/log/app.log", Category.EMAIL, "u" + b + "-" + j + "@example.com", j + 1, 2, START)
          .replace("\"count\":2,", "\"count\":2,\"tags\":[\"b" + b + "\"],")).append('\n');
    }
    return body.toString();
  }

  private Process startChild() throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ServeMain.class.getName(), "--data", dir.toString(), "--listen", "127.0.0.1:0"));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String awaitUrl(BufferedReader out) throws IOException {
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new UncheckedIOException(new IOException("child server exited before listening"));
  }
}
