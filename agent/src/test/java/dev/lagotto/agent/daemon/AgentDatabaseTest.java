package dev.lagotto.agent.daemon;

import static dev.lagotto.agent.daemon.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.SeededTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's scheduled database scans against a real server: SQLite and H2 files made by the test, one
 * exposure per classified column, counts not inflated by rescans, a dropped table's columns closed, the
 * password only from the named environment variable and never in the log.
 */
class AgentDatabaseTest {
  private static final int ROWS = 20;
  private static final String H2_PASSWORD = "h2-agent-test-password";

  @TempDir
  Path dir;

  @Test
  void scansSqliteAndH2OnTheirScheduleAsColumnExposuresAndClosesADroppedTable() throws Exception {
    String sqlite = "jdbc:sqlite:" + dir.resolve("shop.db");
    try (Connection c = DriverManager.getConnection(sqlite)) {
      SeededTables.create(c, "INTEGER PRIMARY KEY", "TEXT", ROWS);
    }
    String h2 = "jdbc:h2:" + dir.resolve("crm");
    try (Connection c = DriverManager.getConnection(h2, "sa", H2_PASSWORD)) {
      SeededTables.create(c, "INT PRIMARY KEY", "VARCHAR(200)", ROWS);
    }
    String missing = "jdbc:h2:" + dir.resolve("absent") + ";IFEXISTS=TRUE";
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      String dbs = "databases:\n"
          + "  - url: " + sqlite + "\n    interval: 300ms\n"
          + "  - url: " + h2 + "\n    user: sa\n    password_env: CRM_DB_PASSWORD\n    interval: 300ms\n    sample_rows: 10\n"
          + "  - url: " + missing + "\n    user: sa\n    interval: 1h\n";
      Path config = AgentFixture.config(dir, server, "db-1", List.of(), dbs);
      AgentFixture.Log log = new AgentFixture.Log();
      Map<String, String> env = Map.of("CRM_DB_PASSWORD", H2_PASSWORD);
      try (Agent agent = Agent.start(AgentConfigLoader.load(config, "unused"), new AgentLog(log.stream, Clock.systemUTC()),
          Clock.systemUTC(), env::get)) {
        await("both databases' columns", 30, () -> columns(server, "host:db-1 AND kind:jdbc").size() == 4);
        Map<String, JsonNode> found = columns(server, "host:db-1 AND kind:jdbc");
        assertThat(found.keySet()).containsExactlyInAnyOrder(sqlite + " customer.email", sqlite + " customer.last_ip",
            h2 + " PUBLIC.CUSTOMER.EMAIL", h2 + " PUBLIC.CUSTOMER.LAST_IP");
        JsonNode email = found.get(sqlite + " customer.email");
        assertThat(email.path("category").asText()).isEqualTo("email");
        assertThat(email.path("rule").asText()).isEqualTo("email");
        assertThat(email.path("count").asLong()).as("sampled rows that matched").isEqualTo(ROWS);
        assertThat(email.path("masked").asText()).endsWith("@example.com").doesNotStartWith("user");
        assertThat(found.get(h2 + " PUBLIC.CUSTOMER.EMAIL").path("count").asLong()).as("sample_rows 10").isEqualTo(10);
        assertThat(found.get(sqlite + " customer.last_ip").path("category").asText()).isEqualTo("ipv4");

        // later passes move last_seen without adding to the counts
        long passes = agent.status().databasePasses();
        String firstSeen = email.path("last_seen").asText();
        await("more passes", 30, () -> agent.status().databasePasses() >= passes + 4 && agent.delivered()
            && !columns(server, "host:db-1 AND kind:jdbc").get(sqlite + " customer.email").path("last_seen").asText().equals(firstSeen));
        assertThat(columns(server, "host:db-1 AND kind:jdbc").get(sqlite + " customer.email").path("count").asLong()).isEqualTo(ROWS);

        // a dropped table: its columns are closed, the other database is untouched
        try (Connection c = DriverManager.getConnection(sqlite); Statement s = c.createStatement()) {
          s.execute("DROP TABLE customer");
        }
        await("closed columns", 30, () -> columns(server, "host:db-1 AND state:closed").size() == 2);
        assertThat(columns(server, "host:db-1 AND state:closed").keySet())
            .containsExactlyInAnyOrder(sqlite + " customer.email", sqlite + " customer.last_ip");
        assertThat(columns(server, "host:db-1").keySet())
            .containsExactlyInAnyOrder(h2 + " PUBLIC.CUSTOMER.EMAIL", h2 + " PUBLIC.CUSTOMER.LAST_IP");
        assertThat(agent.status().rejectedBatches()).isZero();
      }
      assertThat(log.text()).contains("database " + missing + ": not scanned this pass", "3 database(s)")
          .contains("scanned " + h2 + ": 2 tables")
          .doesNotContain(H2_PASSWORD, "user1@", "203.0.113.");
    }
  }

  /** "uri table.column" → the exposure, for every exposure matching {@code query}. */
  private static Map<String, JsonNode> columns(TestServer server, String query) throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode hit : server.analyst().search(query, 0, 100, null).path("hits")) {
      out.put(hit.path("source").path("uri").asText() + " " + hit.path("location").path("table").asText() + "."
          + hit.path("location").path("column").asText(), hit);
    }
    return out;
  }

}
