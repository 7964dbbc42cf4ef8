package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.core.finding.ValueForms;
import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSONL, SARIF and table reports of {@code lagotto scan}, field by field. */
class ScanOutputTest {
  @TempDir
  Path dir;
  CliHarness cli;
  Path log;
  String uri;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(dir.resolve("home"));
    log = dir.resolve("app.log");
    Files.writeString(log, "boot ok\nuser jane.doe@example.com from 203.0.113.7\n", StandardCharsets.UTF_8);
    uri = log.toUri().toString();
  }

  @Test
  void jsonlFindingRecordsCarryEveryField() {
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", log.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    List<JsonNode> records = r.records();
    assertThat(records).extracting(n -> n.get("type").asText()).containsExactly("finding", "finding", "summary");

    JsonNode email = records.get(0);
    assertThat(fieldNames(email)).containsExactly("type", "category", "rule", "confidence", "source", "location", "masked", "fingerprint");
    assertThat(email.get("category").asText()).isEqualTo("email");
    assertThat(email.get("rule").asText()).isEqualTo("email");
    assertThat(email.get("confidence").asDouble()).isBetween(0.5, 1.0);
    assertThat(email.get("source").get("kind").asText()).isEqualTo("file");
    assertThat(email.get("source").get("uri").asText()).isEqualTo(uri).startsWith("file:///");
    assertThat(email.get("source").get("host").asText()).isEqualTo(CliHarness.HOST);
    assertThat(fieldNames(email.get("location"))).containsExactly("line", "column", "offset", "length");
    assertThat(email.get("location").get("line").asLong()).isEqualTo(2);
    assertThat(email.get("location").get("column").asLong()).isEqualTo(6);
    assertThat(email.get("location").get("offset").asLong()).isEqualTo(13);
    assertThat(email.get("location").get("length").asLong()).isEqualTo(20);
    assertThat(email.get("masked").asText()).isEqualTo(ValueForms.mask(Category.EMAIL, "jane.doe@example.com"))
        .doesNotContain("jane.doe@example.com");
    assertThat(email.get("fingerprint").asText()).isEqualTo(CliHarness.hmac("jane.doe@example.com")).hasSize(64);
    assertThat(r.out()).doesNotContain("jane.doe@example.com");

    JsonNode ip = records.get(1);
    assertThat(ip.get("category").asText()).isEqualTo("ipv4");
    assertThat(ip.get("location").get("line").asLong()).isEqualTo(2);
    assertThat(ip.get("location").get("column").asLong()).isEqualTo(32);
    assertThat(ip.get("location").get("offset").asLong()).isEqualTo(39);
    assertThat(ip.get("location").get("length").asLong()).isEqualTo(11);
    assertThat(ip.get("fingerprint").asText()).isEqualTo(CliHarness.hmac("203.0.113.7"));

    JsonNode summary = records.get(2);
    assertThat(summary.get("sources").get("scanned").asLong()).isEqualTo(1);
    assertThat(summary.get("sources").get("skipped").asLong()).isZero();
    assertThat(summary.get("sources").get("failed").asLong()).isZero();
    assertThat(summary.get("bytes").asLong()).isEqualTo(51);
    assertThat(summary.get("findings").get("total").asLong()).isEqualTo(2);
    assertThat(summary.get("findings").get("by_category").get("email").asLong()).isEqualTo(1);
    assertThat(summary.get("findings").get("by_category").get("ipv4").asLong()).isEqualTo(1);
    assertThat(summary.get("elapsed_seconds").isNumber()).isTrue();
  }

  @Test
  void revealAddsTheValueAndOnlyThen() {
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", "--reveal", log.toString());
    assertThat(r.ofType("finding")).extracting(n -> n.get("value").asText()).containsExactly("jane.doe@example.com", "203.0.113.7");
    assertThat(cli.run("scan", "--format", "jsonl", log.toString()).ofType("finding")).allMatch(n -> !n.has("value"));
  }

  @Test
  void sarifIsOneRunWithRulesResultsAndSkipNotifications() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.log"));
    CliHarness.Result r = cli.run("scan", "--format", "sarif", log.toString(), empty.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    JsonNode sarif = CliHarness.JSON.readTree(r.out());
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
    assertThat(sarif.get("runs")).hasSize(1);
    JsonNode run = sarif.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertThat(driver.get("name").asText()).isEqualTo("lagotto");
    List<String> ruleIds = driver.get("rules").findValuesAsText("id");
    assertThat(ruleIds).contains("email", "ipv4");
    assertThat(run.get("columnKind").asText()).isEqualTo("unicodeCodePoints");

    JsonNode results = run.get("results");
    assertThat(results).hasSize(2);
    JsonNode email = results.get(0);
    assertThat(email.get("ruleId").asText()).isEqualTo("email");
    assertThat(ruleIds.get(email.get("ruleIndex").asInt())).isEqualTo("email");
    assertThat(email.get("level").asText()).isIn("error", "warning", "note");
    assertThat(email.get("level").asText()).isEqualTo(email.get("properties").get("confidence").asDouble() >= 0.8 ? "error" : "warning");
    assertThat(email.get("message").get("text").asText()).contains("email").doesNotContain("jane.doe");
    JsonNode physical = email.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo(uri);
    JsonNode region = physical.get("region");
    assertThat(region.get("startLine").asInt()).isEqualTo(2);
    assertThat(region.get("startColumn").asInt()).isEqualTo(6);
    assertThat(region.get("byteOffset").asInt()).isEqualTo(13);
    assertThat(region.get("byteLength").asInt()).isEqualTo(20);
    assertThat(email.get("partialFingerprints").get("lagottoFingerprint/v1").asText()).isEqualTo(CliHarness.hmac("jane.doe@example.com"));
    assertThat(results.get(1).get("ruleId").asText()).isEqualTo("ipv4");

    JsonNode notes = run.get("invocations").get(0).get("toolExecutionNotifications");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).get("message").get("text").asText()).isEqualTo("skipped: empty");
    assertThat(notes.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
        .isEqualTo(empty.toUri().toString());
    assertThat(run.get("properties").get("summary").get("findings").get("total").asInt()).isEqualTo(2);
  }

  @Test
  void tableIsTheDefaultOnATerminalAndJsonlOtherwise() {
    cli.terminal = true;
    CliHarness.Result table = cli.run("scan", log.toString());
    assertThat(table.out()).contains(log.toString(), "2:6", "email", "2:32", "ipv4", "2 findings: email 1, ipv4 1", "Sources: 1 scanned", "Findings: 2 (email 1, ipv4 1)");
    assertThat(table.out()).doesNotContain("{\"type\"").doesNotContain("jane.doe@example.com");
    cli.terminal = false;
    assertThat(cli.run("scan", log.toString()).out()).startsWith("{\"type\":\"finding\"");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
