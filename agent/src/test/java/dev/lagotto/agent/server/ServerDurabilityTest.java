package dev.lagotto.agent.server;

import static dev.lagotto.agent.server.ServerFixture.START;
import static dev.lagotto.agent.server.ServerFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resends, restarts and retention: exact counts, nothing acknowledged lost. */
class ServerDurabilityTest {
  @TempDir Path dir;

  @Test
  void aResentBatchChangesNothing() throws IOException {
    try (ServerFixture f = new ServerFixture(dir)) {
      String batch = f.finding("web-01", "/var/log/app.log", Category.EMAIL, "alice@example.com", 3, 7, START) + "\n"
          + f.finding("web-01", "/var/log/app.log", Category.PHONE, "+1 555 0100", 4, 2, START);
      assertThat(json(f.ingest("b-1", batch)).get("status").asText()).isEqualTo("applied");
      JsonNode again = json(f.ingest("b-1", batch));
      assertThat(again.get("status").asText()).isEqualTo("duplicate");
      assertThat(again.get("exposures").asInt()).isZero();
      assertThat(json(f.ingest(null, batch)).get("status").asText()).as("no id: content hash is the id").isEqualTo("applied");
      assertThat(json(f.ingest(null, batch)).get("status").asText()).isEqualTo("duplicate");
      assertThat(f.search("category:email").get("hits").get(0).get("count").asLong()).isEqualTo(14);
      assertThat(f.search("category:phone").get("hits").get(0).get("count").asLong()).isEqualTo(4);
      assertThat(f.search("").get("total").asLong()).isEqualTo(2);
    }
  }

  @Test
  void restartKeepsEverythingAcknowledgedAndRemembersBatchIds() throws IOException {
    try (ServerFixture f = new ServerFixture(dir)) {
      for (int i = 0; i < 20; i++) {
        json(f.ingest("r-" + i, f.finding("host-" + (i % 2), "/var/log/app.log", Category.EMAIL,
            "user" + (i % 5) + "@example.com", i + 1, 1, START)));
      }
      f.restart();
      assertThat(f.search("").get("total").asLong()).isEqualTo(10);
      assertThat(json(f.ingest("r-3", "{\"type\":\"summary\"}")).get("status").asText()).isEqualTo("duplicate");
      JsonNode sum = json(f.get("/api/v1/facets", f.tokens.get(Role.ANALYST)));
      assertThat(sum.get("host").get("host-0").asLong()).isEqualTo(5);
      long total = 0;
      for (JsonNode hit : f.search("").get("hits")) {
        total += hit.get("count").asLong();
      }
      assertThat(total).isEqualTo(20);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(TokenStore.FILE_NAME))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SiteKeys.SITE_KEY_FILE))))
        .isEqualTo("rw-------");
  }

  @Test
  void retentionPurgesExposuresNotSeenForTheRetentionPeriodOnASchedule() throws Exception {
    try (ServerFixture f = new ServerFixture(dir,
        b -> b.retention(Duration.ofDays(30)).purgeInterval(Duration.ofMillis(50)))) {
      json(f.ingest("old", f.finding("web-01", "/var/log/a.log", Category.EMAIL, "old@example.com", 1, 1,
          START.minus(Duration.ofDays(40)))));
      json(f.ingest("new", f.finding("web-01", "/var/log/a.log", Category.EMAIL, "new@example.com", 2, 1,
          START.minus(Duration.ofDays(2)))));
      awaitTotal(f, 1);
      assertThat(f.search("").get("hits").get(0).get("last_seen").asText()).isEqualTo(START.minus(Duration.ofDays(2)).toString());
      f.clock.advance(Duration.ofDays(29));
      awaitTotal(f, 0);
      // the scheduled purge counts what it purged only after the deletion is visible to searches
      awaitMetric(f, "lagotto_retention_purged_total 2");
      f.clock.advance(ExposureStoreDays.BATCH_MEMORY_PLUS_ONE);
      assertThat(f.server.purgeNow().batchIds()).as("batch ids forgotten after their memory").isEqualTo(2);
    }
  }

  private static void awaitMetric(ServerFixture f, String line) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!f.get("/metrics", f.tokens.get(Role.ADMIN)).body().contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(f.get("/metrics", f.tokens.get(Role.ADMIN)).body()).contains(line);
  }

  private static void awaitTotal(ServerFixture f, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (f.search("").get("total").asLong() != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(f.search("").get("total").asLong()).isEqualTo(expected);
  }

  /** Durations derived from the store's contract. */
  static final class ExposureStoreDays {
    static final Duration BATCH_MEMORY_PLUS_ONE =
        dev.lagotto.agent.server.store.ExposureStore.BATCH_ID_MEMORY.plusDays(1);

    private ExposureStoreDays() {}
  }
}
