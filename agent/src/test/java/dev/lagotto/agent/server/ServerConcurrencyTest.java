package dev.lagotto.agent.server;

import static dev.lagotto.agent.server.ServerFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.core.rule.Category;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight agents ingest overlapping exposures (with resends) while an analyst searches: counts stay exact. */
class ServerConcurrencyTest {
  static final int AGENTS = 8;
  static final int BATCHES_PER_AGENT = 8;
  static final int LINES_PER_BATCH = 25;
  static final int VALUES = 30;

  @TempDir Path dir;

  @Test
  void eightConcurrentAgentsWhileSearchingGiveExactCounts() throws Exception {
    long seed = System.nanoTime();
    System.out.println("ServerConcurrencyTest seed=" + seed);
    try (ServerFixture f = new ServerFixture(dir)) {
      Random random = new Random(seed);
      List<String> batches = new ArrayList<>();
      Map<String, Long> expected = new HashMap<>();
      for (int b = 0; b < AGENTS * BATCHES_PER_AGENT; b++) {
        StringBuilder body = new StringBuilder();
        for (int l = 0; l < LINES_PER_BATCH; l++) {
          String host = "host-" + random.nextInt(2);
          String value = "user" + random.nextInt(VALUES) + "@example.com";
          int count = 1 + random.nextInt(4);
          body.append(f.finding(host, "/var/log/app.log", Category.EMAIL, value, l + 1, count,
              START.minusSeconds(random.nextInt(10_000)))).append('\n');
          expected.merge(host + " " + f.fingerprint(Category.EMAIL, value), (long) count, Long::sum);
        }
        batches.add(body.toString());
      }
      AtomicBoolean ingesting = new AtomicBoolean(true);
      AtomicInteger searches = new AtomicInteger();
      Map<Integer, String> statuses = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(AGENTS + 1);
      Future<?> analyst = pool.submit(() -> {
        while (ingesting.get()) {
          JsonNode page = f.search("category:email AND count:[1 TO *]");
          assertThat(page.get("total").asLong()).isLessThanOrEqualTo(2L * VALUES);
          assertThat(f.get("/api/v1/facets", f.tokens.get(Role.ANALYST)).statusCode()).isEqualTo(200);
          searches.incrementAndGet();
        }
        return null;
      });
      List<Future<?>> agents = new ArrayList<>();
      for (int a = 0; a < AGENTS; a++) {
        int agent = a;
        agents.add(pool.submit(() -> {
          Random mine = new Random(seed + agent);
          for (int i = 0; i < BATCHES_PER_AGENT; i++) {
            int b = agent * BATCHES_PER_AGENT + i;
            HttpResponse<String> r = f.ingest("batch-" + b, batches.get(b));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            statuses.put(b, ServerFixture.body(r).get("status").asText());
            if (mine.nextInt(4) == 0) {
              int other = mine.nextInt(b + 1);
              HttpResponse<String> again = f.ingest("batch-" + other, batches.get(other));
              assertThat(again.statusCode()).isEqualTo(200);
            }
          }
          return null;
        }));
      }
      for (Future<?> agent : agents) {
        agent.get(120, TimeUnit.SECONDS);
      }
      ingesting.set(false);
      analyst.get(60, TimeUnit.SECONDS);
      pool.shutdown();
      assertThat(statuses).hasSize(AGENTS * BATCHES_PER_AGENT);
      assertThat(searches.get()).isPositive();

      Map<String, Long> actual = new HashMap<>();
      for (String line : f.get("/api/v1/export?format=jsonl", f.tokens.get(Role.ANALYST)).body().split("\n")) {
        JsonNode e = ServerFixture.JSON.readTree(line);
        actual.put(e.get("host").asText() + " " + e.get("fingerprint").asText(), e.get("count").asLong());
      }
      assertThat(actual).as("seed " + seed).isEqualTo(expected);
    }
  }
}
