package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.SeededTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lagotto scan jdbc:...} against SQLite and H2 files made by the tests: output shapes, options, faults. */
class ScanDatabaseTest {
  static final int ROWS = 30;
  static final String H2_PASSWORD = "h2-test-password";

  @TempDir
  Path dir;
  CliHarness cli;
  String sqlite;
  String h2;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliHarness(dir.resolve("home"));
    sqlite = "jdbc:sqlite:" + dir.resolve("shop.db");
    try (Connection c = DriverManager.getConnection(sqlite)) {
      SeededTables.create(c, "INTEGER PRIMARY KEY", "TEXT", ROWS);
    }
    h2 = "jdbc:h2:" + dir.resolve("crm");
    try (Connection c = DriverManager.getConnection(h2, "sa", H2_PASSWORD)) {
      SeededTables.create(c, "INT PRIMARY KEY", "VARCHAR(200)", ROWS);
    }
  }

  private static JsonNode column(List<JsonNode> findings, String column) {
    List<JsonNode> matches = findings.stream().filter(f -> f.get("location").path("column").asText().equalsIgnoreCase(column))
        .collect(Collectors.toList());
    assertThat(matches).as(column).hasSize(1);
    return matches.get(0);
  }

  @Test
  void sqliteColumnsInTheDocumentedJsonlShape() {
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", sqlite);
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    List<JsonNode> findings = r.ofType("finding");
    assertThat(findings).hasSize(2);
    JsonNode email = column(findings, "email");
    assertThat(email.get("category").asText()).isEqualTo("email");
    assertThat(email.get("rule").asText()).isEqualTo("email");
    assertThat(email.get("source").get("kind").asText()).isEqualTo("jdbc");
    assertThat(email.get("source").get("uri").asText()).isEqualTo(sqlite);
    assertThat(email.get("source").get("host").asText()).isEqualTo(CliHarness.HOST);
    assertThat(email.get("location").get("table").asText()).isEqualTo("customer");
    assertThat(email.get("location").has("row")).isFalse();
    assertThat(email.get("rows_matched").asLong()).isEqualTo(ROWS);
    assertThat(email.get("rows_non_null").asLong()).isEqualTo(ROWS);
    assertThat(email.get("rows_sampled").asLong()).isEqualTo(ROWS);
    assertThat(email.get("evidence")).extracting(JsonNode::asText).containsExactly("name", "values");
    assertThat(email.get("masked").asText()).endsWith("@example.com");
    assertThat(email.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.5);
    assertThat(column(findings, "last_ip").get("category").asText()).isEqualTo("ipv4");

    JsonNode db = r.ofType("summary").stream().filter(s -> s.has("source")).findFirst().orElseThrow();
    assertThat(db.get("tables_scanned").asInt()).isEqualTo(2);
    assertThat(db.get("tables_skipped").asInt()).isZero();
    assertThat(db.get("rows_scanned").asInt()).isEqualTo(2 * ROWS);
    assertThat(db.get("column_findings").asInt()).isEqualTo(2);
    JsonNode summary = r.summary();
    assertThat(summary.get("sources").get("scanned").asInt()).isEqualTo(1);
    assertThat(summary.get("findings").get("by_category").get("email").asInt()).isEqualTo(1);
    assertThat(summary.get("tables").get("scanned").asInt()).isEqualTo(2);
    assertThat(summary.get("tables").get("rows").asInt()).isEqualTo(2 * ROWS);
    assertThat(r.records().get(r.records().size() - 1)).isEqualTo(summary);
  }

  @Test
  void h2WithPasswordFromTheEnvironmentPerRowAndTableFilters() {
    cli.env.put("CRM_PASSWORD", H2_PASSWORD);
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", "--user", "sa", "--password-env", "CRM_PASSWORD",
        "--include-tables", "cust*", "--per-row", "--sample-rows", "5", "--categories", "email", h2);
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    List<JsonNode> findings = r.ofType("finding");
    JsonNode email = findings.stream().filter(f -> f.has("rows_sampled")).findFirst().orElseThrow();
    assertThat(email.get("location").get("table").asText()).isEqualTo("PUBLIC.CUSTOMER");
    assertThat(email.get("rows_sampled").asInt()).isEqualTo(5);
    List<JsonNode> rows = findings.stream().filter(f -> f.get("location").has("row")).collect(Collectors.toList());
    assertThat(rows).extracting(f -> f.get("location").get("row").asText()).containsExactly("1", "2", "3", "4", "5");
    assertThat(rows.get(0).get("fingerprint").asText()).isEqualTo(CliHarness.hmac("user1@example.com"));
    assertThat(rows.get(0).has("value")).isFalse();
    assertThat(findings).allSatisfy(f -> assertThat(f.get("category").asText()).isEqualTo("email"));
    assertThat(r.summary().get("tables").get("scanned").asInt()).isEqualTo(1);
  }

  @Test
  void wrongPasswordAndUnreachableServerFailOnlyTheirSource() throws Exception {
    cli.env.put("CRM_PASSWORD", "not-the-password");
    Path log = Files.writeString(dir.resolve("app.log"), "from 203.0.113.5\n");
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", "--user", "sa", "--password-env", "CRM_PASSWORD", h2,
        "jdbc:postgresql://127.0.0.1:1/shop", log.toString(), sqlite);
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
    List<JsonNode> skipped = r.ofType("skipped");
    assertThat(skipped).extracting(s -> s.get("reason").asText()).containsExactlyInAnyOrder("authentication", "unreachable");
    assertThat(skipped).allSatisfy(s -> {
      assertThat(s.get("error").asBoolean()).isTrue();
      assertThat(s.get("source").get("kind").asText()).isEqualTo("jdbc");
      assertThat(s.toString()).doesNotContain("not-the-password");
    });
    assertThat(r.err()).contains("lagotto scan: ").doesNotContain("not-the-password").doesNotContain("\tat ");
    assertThat(r.ofType("finding")).extracting(f -> f.get("source").get("uri").asText())
        .contains(log.toUri().toString(), sqlite);
    assertThat(r.summary().get("sources").get("failed").asInt()).isEqualTo(2);
    assertThat(r.summary().get("sources").get("scanned").asInt()).isEqualTo(2);
    assertThat(r.summary().get("failed_reasons").get("authentication").asInt()).isEqualTo(1);
  }

  @Test
  void skippedTablesAreReportedAndCounted() throws Exception {
    try (Connection c = DriverManager.getConnection(h2, "sa", H2_PASSWORD); Statement s = c.createStatement()) {
      s.execute("CREATE USER reader PASSWORD 'reader-pw'");
      s.execute("GRANT SELECT ON customer TO reader");
    }
    cli.env.put("READER_PW", "reader-pw");
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", "--user", "reader", "--password-env", "READER_PW", h2);
    List<JsonNode> skipped = r.ofType("skipped");
    assertThat(r.err()).isEmpty();
    assertThat(skipped).hasSize(1);
    JsonNode skip = skipped.get(0);
    assertThat(skip.get("location").get("table").asText()).isEqualTo("PUBLIC.AUDIT");
    assertThat(skip.get("reason").asText()).isEqualTo("permission_denied");
    assertThat(r.summary().get("tables").get("skipped").asInt()).isEqualTo(1);
    assertThat(r.summary().get("tables").get("skipped_reasons").get("permission_denied").asInt()).isEqualTo(1);
    assertThat(skip.get("error").asBoolean()).isTrue();
    assertThat(column(r.ofType("finding"), "email").get("location").get("table").asText()).isEqualTo("PUBLIC.CUSTOMER");
    assertThat(r.code()).as("a table that could not be read is data not seen").isEqualTo(ExitCodes.SOURCES_FAILED);
  }

  @Test
  void tableFormatShowsPerColumnResults() {
    CliHarness.Result r = cli.run("scan", "--format", "table", sqlite);
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains(sqlite + "\n")
        .containsPattern("(?m)^  customer\\.email\\s+email\\s+\\d\\.\\d\\d  30/30 of 30 rows  name\\+values\\s+\\S+@example\\.com$")
        .containsPattern("(?m)^  customer\\.last_ip\\s+ipv4\\s")
        .contains("2 tables scanned, 0 skipped; 60 rows")
        .contains("Tables: 2 scanned, 0 skipped; 60 rows");
  }

  @Test
  void sarifGivesColumnsAsResultsWithLogicalLocations() throws Exception {
    CliHarness.Result r = cli.run("scan", "--format", "sarif", sqlite);
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    JsonNode results = CliHarness.JSON.readTree(r.out()).get("runs").get(0).get("results");
    assertThat(results).hasSize(2);
    JsonNode email = null;
    for (JsonNode result : results) {
      if (result.get("properties").get("category").asText().equals("email")) {
        email = result;
      }
    }
    assertThat(email).isNotNull();
    assertThat(email.get("ruleId").asText()).isEqualTo("email");
    JsonNode location = email.get("locations").get(0);
    assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asText()).isEqualTo(sqlite);
    JsonNode logical = location.get("logicalLocations").get(0);
    assertThat(logical.get("fullyQualifiedName").asText()).isEqualTo("customer.email");
    assertThat(logical.get("kind").asText()).isEqualTo("member");
    assertThat(email.get("properties").get("rowsMatched").asInt()).isEqualTo(ROWS);
  }

  @Test
  void badDatabaseOptionsAreUsageErrors() {
    CliHarness.Result rows = cli.run("scan", "--sample-rows", "0", sqlite);
    assertThat(rows.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(rows.err()).contains("sample-rows");
    CliHarness.Result env = cli.run("scan", "--password-env", "NOT A VAR", sqlite);
    assertThat(env.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(env.out()).isEmpty();
  }
}
