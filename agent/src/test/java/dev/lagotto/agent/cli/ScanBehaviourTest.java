package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code lagotto scan} reads and how: trees, filters, gzip, stdin, threads, chunk borders, exit codes. */
class ScanBehaviourTest {
  @TempDir
  Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir.resolve("home"));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return buf.toByteArray();
  }

  private static List<String> findingFiles(CliHarness.Result r) {
    return r.ofType("finding").stream().map(f -> Path.of(java.net.URI.create(f.get("source").get("uri").asText())).getFileName().toString()).toList();
  }

  @Test
  void directoriesAreScannedRecursivelyWithGzipReadByMagicNotName() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("var/log/app"));
    Files.writeString(logs.resolve("app.log"), "u jane.doe@example.com\n");
    Files.write(logs.resolve("app.log.3.gz"), gzip("old 203.0.113.8\nline two x@mail.example.org\n"));
    Files.write(logs.resolve("renamed.txt"), gzip("hidden 198.51.100.9\n"));
    Files.writeString(logs.resolve("fake.gz"), "plain 203.0.113.10\n");
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", dir.resolve("var").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(findingFiles(r)).containsExactlyInAnyOrder("app.log", "app.log.3.gz", "app.log.3.gz", "renamed.txt", "fake.gz");
    JsonNode second = r.ofType("finding").stream()
        .filter(f -> f.get("source").get("uri").asText().endsWith("app.log.3.gz") && f.get("category").asText().equals("email"))
        .findFirst().orElseThrow();
    assertThat(second.get("location").get("line").asLong()).isEqualTo(2);
    assertThat(second.get("location").get("offset").asLong()).isEqualTo("old 203.0.113.8\nline two ".length());
    assertThat(r.summary().get("sources").get("scanned").asInt()).isEqualTo(4);
  }

  @Test
  void includeExcludeAndMaxFileSize() throws IOException {
    Path root = Files.createDirectories(dir.resolve("tree"));
    Files.createDirectories(root.resolve("archive/old"));
    Files.createDirectories(root.resolve("cache"));
    Files.writeString(root.resolve("a.log"), "203.0.113.1\n");
    Files.writeString(root.resolve("b.txt"), "203.0.113.2\n");
    Files.writeString(root.resolve("archive/old/c.log"), "203.0.113.3\n");
    Files.writeString(root.resolve("cache/d.log"), "203.0.113.4\n");
    Files.writeString(root.resolve("big.log"), "203.0.113.5\n" + "x".repeat(5000) + "\n");
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", "--include", "*.log", "--exclude", "cache",
        "--exclude", "archive/**", "--max-file-size", "4K", root.toString());
    assertThat(findingFiles(r)).containsExactly("a.log");
    List<JsonNode> skips = r.ofType("skipped");
    assertThat(skips).hasSize(1);
    assertThat(skips.get(0).get("reason").asText()).isEqualTo("larger than --max-file-size");
    assertThat(skips.get(0).get("detail").asText()).isEqualTo("5013 > 4096 bytes");
    assertThat(r.summary().get("sources").get("excluded").asInt()).isEqualTo(3);
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void stdinIsReadForDash() {
    cli.stdin = new ByteArrayInputStream("piped 203.0.113.44\n".getBytes(StandardCharsets.UTF_8));
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", "-");
    JsonNode f = r.ofType("finding").get(0);
    assertThat(f.get("source").get("kind").asText()).isEqualTo("stdin");
    assertThat(f.get("source").get("uri").asText()).isEqualTo("stdin");
    assertThat(f.get("location").get("offset").asLong()).isEqualTo(6);
  }

  @Test
  void failOnFindingsExitsOneOnlyWhenSomethingIsFound() throws IOException {
    Path dirty = dir.resolve("dirty.log");
    Files.writeString(dirty, "jane.doe@example.com\n");
    Path clean = dir.resolve("clean.log");
    Files.writeString(clean, "nothing to see\n");
    assertThat(cli.run("scan", "--fail-on-findings", dirty.toString()).code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(cli.run("scan", "--fail-on-findings", clean.toString()).code()).isEqualTo(ExitCodes.OK);
    assertThat(cli.run("scan", dirty.toString()).code()).isEqualTo(ExitCodes.OK);
    assertThat(cli.run("scan", "--fail-on-findings", dirty.toString(), dir.resolve("missing").toString()).code())
        .isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void categoriesAndMinConfidenceFilter() throws IOException {
    Path log = dir.resolve("mixed.log");
    Files.writeString(log, "jane.doe@example.com 203.0.113.7\n");
    assertThat(cli.run("scan", "--format", "jsonl", "--categories", "ipv4", log.toString()).ofType("finding"))
        .extracting(f -> f.get("category").asText()).containsExactly("ipv4");
    double ipConfidence = cli.run("scan", "--format", "jsonl", log.toString()).ofType("finding").stream()
        .filter(f -> f.get("category").asText().equals("ipv4")).findFirst().orElseThrow().get("confidence").asDouble();
    CliHarness.Result strict = cli.run("scan", "--format", "jsonl", "--min-confidence",
        Double.toString(Math.min(1, ipConfidence + 0.001)), log.toString());
    assertThat(strict.ofType("finding")).noneMatch(f -> f.get("category").asText().equals("ipv4"));
  }

  @Test
  void userRulesAreAddedOrReplaceTheDefaultPack() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("ticket_email.yaml"), String.join("\n",
        "id: ticket_email",
        "category: email",
        "description: Ticket system addresses.",
        "pattern: 'ticket-[0-9]{4}@tickets\\.example\\.com'",
        "boundary: word",
        "keywords: ['ticket-']",
        "confidence: 0.95",
        "examples:",
        "  match:",
        "    - {text: 'to ticket-1234@tickets.example.com', find: 'ticket-1234@tickets.example.com'}",
        "    - {text: 'cc:ticket-0001@tickets.example.com;', find: 'ticket-0001@tickets.example.com'}",
        "  nomatch:",
        "    - {text: 'ticket-12@tickets.example.com', why: 'too few digits'}",
        "    - {text: 'ticket 1234', why: 'not an address'}",
        ""));
    Path log = dir.resolve("t.log");
    Files.writeString(log, "ip 203.0.113.7 wrote to ticket-1234@tickets.example.com\n");
    CliHarness.Result list = cli.run("rules", "list", "--rules", rules.toString());
    assertThat(list.out()).containsPattern("(?m)^ticket_email\\s").containsPattern("(?m)^email\\s");
    CliHarness.Result add = cli.run("scan", "--format", "jsonl", "--rules", rules.toString(), log.toString());
    assertThat(add.code()).as(add.err()).isEqualTo(ExitCodes.OK);
    assertThat(add.ofType("finding")).extracting(f -> f.get("category").asText()).contains("email");
    CliHarness.Result replace = cli.run("scan", "--format", "jsonl", "--rules", rules.toString(), "--rules-mode", "replace", log.toString());
    assertThat(replace.ofType("finding")).extracting(f -> f.get("rule").asText()).containsExactly("ticket_email");
  }

  @Test
  void aMatchAcrossTheReadersChunkBorderIsReportedOnce() throws IOException {
    int border = (1 << 20) + 4096;
    StringBuilder sb = new StringBuilder();
    long lines = 0;
    while (sb.length() < border - 200) {
      sb.append("plain filler line number ").append(lines++).append('\n');
    }
    sb.append("é".repeat(10));
    String prefix = "x".repeat(border - 8 - sb.toString().getBytes(StandardCharsets.UTF_8).length) + " ";
    sb.append(prefix);
    long offset = sb.toString().getBytes(StandardCharsets.UTF_8).length;
    sb.append("jane.doe@example.com tail\n");
    Path log = dir.resolve("border.log");
    Files.writeString(log, sb);
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", log.toString());
    List<JsonNode> findings = r.ofType("finding");
    assertThat(findings).hasSize(1);
    JsonNode loc = findings.get(0).get("location");
    assertThat(offset).isLessThan(border).isGreaterThan(border - 20);
    assertThat(loc.get("offset").asLong()).isEqualTo(offset);
    assertThat(loc.get("line").asLong()).isEqualTo(lines + 1);
    assertThat(loc.get("column").asLong()).isEqualTo(10 + prefix.length() + 1);
  }

  @Test
  void manyFilesOnManyThreadsKeepEachFilesFindingsTogether() throws IOException {
    Path root = Files.createDirectories(dir.resolve("many"));
    int files = 24;
    for (int i = 0; i < files; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < 40; j++) {
        sb.append("line ").append(j).append(" user").append(j).append("@example.com\n");
      }
      Files.writeString(root.resolve("f" + i + ".log"), sb);
    }
    StringBuilder huge = new StringBuilder();
    for (int j = 0; j < 10_050; j++) {
      huge.append("u").append(j).append("@example.org\n");
    }
    Files.writeString(root.resolve("huge.log"), huge);
    CliHarness.Result r = cli.run("scan", "--format", "jsonl", "--threads", "4", root.toString());
    List<String> order = new ArrayList<>();
    for (JsonNode f : r.ofType("finding")) {
      order.add(f.get("source").get("uri").asText());
    }
    assertThat(order).hasSize(files * 40 + 10_050);
    Set<String> closed = new HashSet<>();
    String current = null;
    for (String uri : order) {
      if (!uri.equals(current)) {
        assertThat(closed).as("findings of %s are split", uri).doesNotContain(uri);
        if (current != null) {
          closed.add(current);
        }
        current = uri;
      }
    }
    assertThat(closed).hasSize(files);
  }

  @Test
  void aNewDefaultKeyIsAnnouncedOnceAndThenReused() throws IOException {
    Path log = dir.resolve("k.log");
    Files.writeString(log, "jane.doe@example.com\n");
    cli.env.remove("LAGOTTO_KEY");
    CliHarness.Result first = cli.run("scan", "--format", "jsonl", log.toString());
    Path keyFile = cli.home.resolve(".lagotto/key");
    assertThat(first.err()).contains("created the fingerprint key " + keyFile);
    assertThat(first.summary().get("fingerprint_key").asText()).isEqualTo(keyFile.toString());
    CliHarness.Result second = cli.run("scan", "--format", "jsonl", log.toString());
    assertThat(second.err()).isEmpty();
    assertThat(second.ofType("finding").get(0).get("fingerprint").asText())
        .isEqualTo(first.ofType("finding").get(0).get("fingerprint").asText())
        .isNotEqualTo(CliHarness.hmac("jane.doe@example.com"));
  }
}
