package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.core.extract.jdbc.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lagotto scan jdbc:postgresql://...} against a real PostgreSQL 15 (core's test harness). */
class ScanPostgresIT {
  static final String USER = "lagotto_cli";
  static final String PASSWORD = "cli-test-password";
  static TestPostgres server;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = TestPostgres.start();
    try (Connection c = server.admin("postgres"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
      s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
    }
    try (Connection c = server.admin("shop"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customer (id int PRIMARY KEY, email text, order_no text, client inet)");
      s.execute("INSERT INTO customer SELECT g, 'buyer' || g || '@example.org', 'ORD-' || (100000 + g),"
          + " ('198.51.100.' || (g % 250 + 1))::inet FROM generate_series(1, 100) g");
      s.execute("CREATE TABLE secret (id int PRIMARY KEY, email text)");
      s.execute("INSERT INTO secret VALUES (1, 'hidden@example.com')");
      s.execute("GRANT SELECT ON customer TO " + USER);
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void classifiesColumnsSkipsTheForbiddenTableAndNeverShowsThePassword() {
    CliHarness cli = new CliHarness(dir.resolve("home"));
    cli.env.put("PG_PASSWORD", PASSWORD);
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", "--user", USER, "--password-env", "PG_PASSWORD",
        "--statement-timeout", "30", server.uri("shop"));
    assertThat(r.code()).as("public.secret could not be read: " + r.err()).isEqualTo(ExitCodes.SOURCES_FAILED);
    List<JsonNode> findings = r.ofType("finding");
    JsonNode email = findings.stream().filter(f -> f.get("location").get("column").asText().equals("email"))
        .findFirst().orElseThrow();
    assertThat(email.get("location").get("table").asText()).isEqualTo("public.customer");
    assertThat(email.get("rows_matched").asInt()).isEqualTo(100);
    assertThat(email.get("source").get("uri").asText()).isEqualTo(server.uri("shop"));
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.get("location").get("column").asText()).isEqualTo("client");
      assertThat(f.get("category").asText()).isEqualTo("ipv4");
    });
    assertThat(findings).noneSatisfy(f -> assertThat(f.get("location").get("column").asText()).isEqualTo("order_no"));
    JsonNode skip = r.ofType("skipped").stream().filter(s -> s.has("location")).findFirst().orElseThrow();
    assertThat(skip.get("location").get("table").asText()).isEqualTo("public.secret");
    assertThat(skip.get("reason").asText()).isEqualTo("permission_denied");
    assertThat(r.summary().get("tables").get("skipped_reasons").get("permission_denied").asInt()).isEqualTo(1);
    assertThat(r.out() + r.err()).doesNotContain(PASSWORD).doesNotContain("hidden@example.com");

    cli.env.put("PG_PASSWORD", "wrong");
    CliHarness.Result wrong = cli.run("scan", "--format", "jsonl", "--user", USER, "--password-env", "PG_PASSWORD",
        server.uri("shop"));
    assertThat(wrong.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
    assertThat(wrong.ofType("skipped").get(0).get("reason").asText()).isEqualTo("authentication");
  }
}
