package dev.lagotto.agent.daemon;

import static dev.lagotto.agent.daemon.AgentFixture.append;
import static dev.lagotto.agent.daemon.AgentFixture.await;
import static dev.lagotto.agent.daemon.AgentFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.client.ServerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight agents ingest into one server while two analysts search and look up subjects. */
class AgentConcurrencyTest {
  private static final int AGENTS = 8;
  private static final int ROUNDS = 4;
  private static final int PER_ROUND = 60;
  private static final int USERS = 24;

  @TempDir
  Path dir;

  @Test
  void eightAgentsIngestWhileAnalystsSearch() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      List<Agent> agents = new ArrayList<>();
      List<Path> logs = new ArrayList<>();
      AgentFixture.Log log = new AgentFixture.Log();
      AtomicBoolean searching = new AtomicBoolean(true);
      AtomicInteger searches = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> analysts = new ArrayList<>();
      try {
        for (int i = 0; i < AGENTS; i++) {
          Path file = Files.createDirectories(dir.resolve("logs-" + i)).resolve("app.log");
          logs.add(file);
          agents.add(AgentFixture.start(AgentFixture.config(dir, server, "node-" + i, List.of(file.toString()), ""), log.stream));
        }
        for (int a = 0; a < 2; a++) {
          ServerClient analyst = server.analyst();
          int which = a;
          Thread t = new Thread(() -> {
            try {
              while (searching.get()) {
                JsonNode r = which == 0 ? analyst.search("category:email AND host:node-*", 0, 100, "-count")
                    : analyst.subject("user3@example.com", null);
                assertThat(r.isObject()).isTrue();
                searches.incrementAndGet();
              }
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          }, "analyst-" + a);
          t.start();
          analysts.add(t);
        }
        for (int round = 0; round < ROUNDS; round++) {
          for (Path file : logs) {
            append(file, lines("load", round * PER_ROUND, PER_ROUND, USERS));
          }
          Thread.sleep(50);
        }
        long want = (long) AGENTS * ROUNDS * PER_ROUND;
        await(want + " occurrences from " + AGENTS + " agents", 60, () -> server.totalCount("host:node-*") >= want);
        searching.set(false);
        for (Thread t : analysts) {
          t.join();
        }
        assertThat(failure.get()).as("analyst errors").isNull();
        assertThat(searches.get()).isPositive();
        Map<String, Long> counts = server.counts("host:node-*");
        assertThat(counts).hasSize(AGENTS * USERS);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(want);
        JsonNode subject = server.analyst().subject("USER3@example.com", null);
        assertThat(subject.path("hosts").size()).isEqualTo(AGENTS);
        for (int i = 0; i < AGENTS; i++) {
          assertThat(subject.path("hosts").path("node-" + i).asLong()).isEqualTo((long) ROUNDS * PER_ROUND / USERS);
        }
        System.out.println("concurrency test: " + searches.get() + " analyst requests during ingest");
      } finally {
        searching.set(false);
        for (Agent a : agents) {
          a.close();
        }
      }
    }
  }
}
