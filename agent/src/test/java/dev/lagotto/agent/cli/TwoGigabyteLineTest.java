package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 GiB stream that is one single line, scanned by the real command in a JVM whose heap
 * ({@value #HEAP}) is far smaller than the line: it can only pass if the reader streams in bounded
 * memory. Also checks long (past 2^31) offsets and columns and a match across a chunk border. The rule
 * pack is one literal-prefixed rule so that the test measures the reader rather than the rules.
 */
class TwoGigabyteLineTest {
  static final String HEAP = "-Xmx64m";
  static final long LENGTH = (1L << 31) + 100;
  static final int CHUNK = 1 << 20;

  @TempDir
  Path dir;

  @Test
  void twoGigabyteSingleLineScansInSmallHeap() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("test_session.yaml"), String.join("\n",
        "id: test_session",
        "category: session_id",
        "description: Synthetic session marker of the 2 GiB line test.",
        "pattern: 'SESSIONMARK[0-9]{8}'",
        "boundary: word",
        "keywords: ['SESSIONMARK']",
        "confidence: 0.9",
        "examples:",
        "  match:",
        "    - {text: 'sid=SESSIONMARK12345678;', find: 'SESSIONMARK12345678'}",
        "    - {text: 'x SESSIONMARK00000001 y', find: 'SESSIONMARK00000001'}",
        "  nomatch:",
        "    - {text: 'sid=SESSIONMARK123', why: 'too few digits'}",
        "    - {text: 'session 12345678', why: 'no marker'}",
        ""), StandardCharsets.UTF_8);
    long first = 1;
    long acrossBorder = CHUNK + 4096 + 700L * CHUNK - 7;
    long last = LENGTH - 30;
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-XX:+UseSerialGC",
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        TwoGigabyteLineMain.class.getName(), rules.toString(), dir.resolve("home").toString(), Long.toString(LENGTH),
        first + "=SESSIONMARK00000001", acrossBorder + "=SESSIONMARK00000002", last + "=SESSIONMARK00000003"));
    Path out = dir.resolve("out.jsonl");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the 2 GiB scan did not finish in 10 minutes");
    }
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as("exit code; stderr:\n%s", stderr).isEqualTo(ExitCodes.OK);
    assertThat(stderr).doesNotContain("OutOfMemoryError");

    List<JsonNode> records = new CliHarness.Result(0, Files.readString(out), stderr).records();
    List<JsonNode> findings = records.stream().filter(r -> r.get("type").asText().equals("finding")).toList();
    assertThat(findings).extracting(f -> f.get("location").get("offset").asLong()).containsExactly(first, acrossBorder, last);
    assertThat(findings).extracting(f -> f.get("location").get("column").asLong()).containsExactly(first + 1, acrossBorder + 1, last + 1);
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.get("location").get("line").asLong()).isEqualTo(1);
      assertThat(f.get("location").get("length").asInt()).isEqualTo(19);
      assertThat(f.get("category").asText()).isEqualTo("session_id");
      assertThat(f.get("source").get("kind").asText()).isEqualTo("stdin");
    });
    JsonNode summary = records.get(records.size() - 1);
    assertThat(summary.get("type").asText()).isEqualTo("summary");
    assertThat(summary.get("bytes").asLong()).isEqualTo(LENGTH);
    assertThat(summary.get("sources").get("scanned").asLong()).isEqualTo(1);
  }

  @Test
  void syntheticLinePutsMarkersWhereAsked() throws IOException {
    SyntheticLine line = new SyntheticLine(40, java.util.Map.of(10L, "XY"));
    byte[] all = line.readAllBytes();
    assertThat(new String(all, StandardCharsets.US_ASCII)).isEqualTo("abcd abcd XY d abcd abcd abcd abcd abcd ");
  }
}
