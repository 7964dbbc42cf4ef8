package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A content handler registered by SPI reads a binary format; its entries, fields and faults reach the report. */
class ContentHandlerExtensionTest {
  @TempDir
  Path dir;

  @Test
  void documentTextIsScannedWithEntryFieldAndExtractedFlag() throws IOException {
    CliHarness cli = new CliHarness(dir.resolve("home"));
    Path doc = dir.resolve("backup.bin");
    Files.write(doc, (FakeDocumentHandler.MAGIC
        + "2024/customers.csv||id,mail\n1,jane.doe@example.com\n".replace("\n1,", " 1,")
        + "photo.jpg|Author|by x@mail.example.org\n").getBytes(StandardCharsets.UTF_8));
    Path locked = dir.resolve("locked.bin");
    Files.write(locked, (FakeDocumentHandler.MAGIC + "a||203.0.113.9\n!encrypted\n").getBytes(StandardCharsets.UTF_8));
    Path other = dir.resolve("other.bin");
    Files.write(other, "\0\0\0 203.0.113.1".getBytes(StandardCharsets.UTF_8));

    CliHarness.Result r = cli.run("scan", "--format", "jsonl", doc.toString(), locked.toString(), other.toString());
    List<JsonNode> findings = r.ofType("finding");
    JsonNode mail = findings.stream().filter(f -> f.get("source").get("uri").asText().endsWith("backup.bin")
        && f.get("location").get("entry").asText().equals("2024/customers.csv")).findFirst().orElseThrow();
    assertThat(mail.get("location").get("extracted").asBoolean()).isTrue();
    assertThat(mail.get("location").has("field")).isFalse();
    assertThat(mail.get("location").get("offset").asLong()).isEqualTo("id,mail 1,".length());
    JsonNode author = findings.stream().filter(f -> f.get("location").path("field").asText().equals("Author")).findFirst().orElseThrow();
    assertThat(author.get("location").get("entry").asText()).isEqualTo("photo.jpg");
    assertThat(author.get("location").get("column").asLong()).isEqualTo(4);

    assertThat(findings.stream().filter(f -> f.get("source").get("uri").asText().endsWith("locked.bin"))).hasSize(1);
    JsonNode lockedSkip = r.ofType("skipped").stream().filter(s -> s.get("source").get("uri").asText().endsWith("locked.bin"))
        .findFirst().orElseThrow();
    assertThat(lockedSkip.get("reason").asText()).isEqualTo("encrypted");
    assertThat(lockedSkip.get("error").asBoolean()).isTrue();
    JsonNode otherSkip = r.ofType("skipped").stream().filter(s -> s.get("source").get("uri").asText().endsWith("other.bin"))
        .findFirst().orElseThrow();
    assertThat(otherSkip.get("reason").asText()).isEqualTo("binary content");
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
  }
}
