package dev.lagotto.agent.server;

import static dev.lagotto.agent.server.ServerFixture.START;
import static dev.lagotto.agent.server.ServerFixture.enc;
import static dev.lagotto.agent.server.ServerFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's source lines against a real server: {@code deleted} and {@code rescanned} close the exposures a
 * source no longer holds, {@code present} moves last seen of the open ones; resends, replays and restarts change
 * nothing.
 */
class ServerSourceEventsTest {
  private static final String APP = "/srv/app/users.csv";
  private static final String OLD = "/srv/app/old.csv";

  @TempDir Path dir;

  @Test
  void deletedClosesEveryExposureOfTheSourceIdempotentlyAndALaterSightingReopens() throws IOException {
    try (ServerFixture f = new ServerFixture(dir)) {
      Instant t0 = START.minus(Duration.ofHours(2));
      String first = f.finding("web-01", APP, Category.EMAIL, "alice@example.com", 2, 3, t0) + "\n"
          + f.finding("web-01", APP, Category.PHONE, "+1 555 0100", 3, 1, t0) + "\n"
          + f.finding("web-01", OLD, Category.EMAIL, "bob@example.org", 1, 1, t0) + "\n"
          + f.finding("web-02", APP, Category.EMAIL, "alice@example.com", 2, 1, t0);
      json(f.ingest("a-1", first));
      Instant t1 = START.minus(Duration.ofHours(1));
      String deleted = source("skipped\",\"reason\":\"deleted", "web-01", APP, t1);
      assertThat(json(f.ingest("a-2", deleted)).get("status").asText()).isEqualTo("applied");

      assertThat(states(f, "state:*")).containsExactlyInAnyOrderEntriesOf(Map.of(
          "web-01 " + APP + " email", "closed " + t1, "web-01 " + APP + " phone", "closed " + t1,
          "web-01 " + OLD + " email", "open", "web-02 " + APP + " email", "open"));
      assertThat(f.search("").get("total").asLong()).as("closed ones left out by default").isEqualTo(2);
      assertThat(f.search("state:closed AND closed_at:[" + t1.toEpochMilli() + " TO *]").get("total").asLong()).isEqualTo(2);
      Map<String, String> closed = states(f, "state:*");

      // resent with the same id, sent again with another id, the first batch replayed late: still closed
      assertThat(json(f.ingest("a-2", deleted)).get("status").asText()).isEqualTo("duplicate");
      json(f.ingest("a-2-again", deleted));
      json(f.ingest("a-1-replayed", first));
      assertThat(states(f, "state:*")).isEqualTo(closed);
      f.restart();
      assertThat(states(f, "state:*")).isEqualTo(closed);

      // facets and the subject lookup leave closed exposures out; the subject lookup shows them on request
      assertThat(json(f.get("/api/v1/facets", f.tokens.get(Role.ANALYST))).path("host").has("web-01")).isTrue();
      assertThat(json(f.get("/api/v1/facets?q=" + enc("host:web-01 AND category:phone"), f.tokens.get(Role.ANALYST)))
          .path("category").size()).isZero();
      JsonNode subject = json(f.get("/api/v1/subject?value=" + enc("alice@example.com"), f.tokens.get(Role.ANALYST)));
      assertThat(subject.path("hosts").has("web-01")).isFalse();
      assertThat(subject.path("hosts").path("web-02").asLong()).as("1, replayed under another id").isEqualTo(2);
      JsonNode all = json(f.get("/api/v1/subject?include_closed=true&value=" + enc("alice@example.com"),
          f.tokens.get(Role.ANALYST)));
      assertThat(all.path("hosts").path("web-01").asLong()).isEqualTo(6);
      assertThat(all.path("exposures").findValuesAsText("state")).containsExactlyInAnyOrder("closed", "open");

      // the file comes back with alice: that exposure reopens, the phone stays closed
      Instant t2 = START.minus(Duration.ofMinutes(30));
      json(f.ingest("a-3", f.finding("web-01", APP, Category.EMAIL, "alice@example.com", 2, 1, t2) + "\n"
          + source("rescanned", "web-01", APP, t2)));
      Map<String, String> now = states(f, "state:*");
      assertThat(now).containsEntry("web-01 " + APP + " email", "open").containsEntry("web-01 " + APP + " phone", "closed " + t1);
      String csv = f.get("/api/v1/export?format=csv&q=" + enc("state:closed"), f.tokens.get(Role.ANALYST)).body();
      assertThat(csv.lines()).hasSize(2);
      assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",state,closed_at");
      assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",closed," + t1);
    }
  }

  @Test
  void presentMovesLastSeenOfOpenExposuresOnlyAndRescannedClosesWhatWasNotSeenAgain() throws IOException {
    try (ServerFixture f = new ServerFixture(dir)) {
      Instant t0 = START.minus(Duration.ofDays(40));
      json(f.ingest("p-1", f.finding("db-01", APP, Category.EMAIL, "carol@example.com", 1, 2, t0) + "\n"
          + f.finding("db-01", APP, Category.EMAIL, "dave@example.org", 2, 1, t0) + "\n"
          + f.finding("db-01", OLD, Category.EMAIL, "erin@example.com", 2, 1, t0)));
      // rescanned at t1: carol seen again with no new occurrence (count 0), dave gone
      Instant t1 = START.minus(Duration.ofDays(35));
      json(f.ingest("p-2", f.finding("db-01", APP, Category.EMAIL, "carol@example.com", 1, 0, t1) + "\n"
          + source("rescanned", "db-01", APP, t1)));
      // unchanged since: two present lines, the second resent
      Instant t2 = START.minus(Duration.ofDays(1));
      String present = source("present", "db-01", APP, t2);
      json(f.ingest("p-3", present));
      json(f.ingest("p-3-again", present));
      JsonNode hits = f.search("state:* AND uri:\"file://" + APP + "\"").get("hits");
      Map<String, String> byMasked = new TreeMap<>();
      hits.forEach(h -> byMasked.put(h.get("masked").asText(), h.get("count").asLong() + " " + h.get("last_seen").asText()
          + " " + h.get("state").asText()));
      assertThat(byMasked).containsExactly(Map.entry("c***@example.com", "2 " + t2 + " open"),
          Map.entry("d***@example.org", "1 " + t0 + " closed"));

      // retention of 30 days: the confirmed exposure stays; the closed one and the unconfirmed file go
      f.server.close();
      f.start(b -> b.retention(Duration.ofDays(30)));
      assertThat(f.server.purgeNow().exposures()).isEqualTo(2);
      assertThat(f.search("state:*").get("total").asLong()).isEqualTo(1);
    }
  }

  @Test
  void sourceLinesAreValidatedLikeFindings() throws IOException {
    try (ServerFixture f = new ServerFixture(dir)) {
      assertThat(f.ingest("v-1", "{\"type\":\"present\",\"source\":{\"kind\":\"file\",\"uri\":\"file:///a\"},\"time\":\"2026-06-01T11:00:00Z\"}")
          .body()).contains("line 1: field 'host' is missing");
      assertThat(f.ingest("v-2", "{\"type\":\"present\",\"source\":{\"kind\":\"file\",\"uri\":\"file:///a\",\"host\":\"h\"},"
          + "\"time\":\"2026-06-01T11:00:00Z\",\"count\":3}").body()).contains("unknown field 'count'");
      assertThat(f.ingest("v-3", source("rescanned", "h", "/a", START.plus(Duration.ofDays(3)))).body()).contains("future");
      assertThat(f.ingest("v-4", "{\"type\":\"skipped\",\"reason\":\"binary\",\"source\":{\"kind\":\"file\",\"uri\":\"file:///a\"}}")
          .statusCode()).as("other skipped lines are accepted and ignored").isEqualTo(200);
    }
  }

  private static String source(String type, String host, String path, Instant time) {
    return "{\"type\":\"" + type + "\",\"source\":{\"kind\":\"file\",\"uri\":\"file://" + path + "\",\"host\":\"" + host
        + "\"},\"time\":\"" + time + "\"}";
  }

  /** "host path category" → "open" or "closed CLOSED_AT", for every exposure matching {@code query}. */
  private static Map<String, String> states(ServerFixture f, String query) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode h : f.search(query).get("hits")) {
      String state = h.get("state").asText();
      out.put(h.get("host").asText() + " " + h.path("source").get("uri").asText().substring("file://".length()) + " "
          + h.get("category").asText(), state.equals("open") ? state : state + " " + h.get("closed_at").asText());
    }
    return out;
  }
}
