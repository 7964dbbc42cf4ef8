package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.extract.document.DocumentFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a fresh JVM (logging is configured once per process): bad documents show only their one-line reason;
 * Tika, PDFBox and POI print neither the "no SLF4J provider" notice nor warnings or stack traces.
 */
class LoggingTest {
  @TempDir
  Path dir;

  @Test
  void badDocumentsLeaveStderrQuiet() throws Exception {
    Path pdf = DocumentFixtures.pdf(dir, "whole.pdf", "A", null, "mail jane.doe@example.com", "page two");
    byte[] bytes = Files.readAllBytes(pdf);
    Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(bytes, bytes.length / 2));
    Path locked = DocumentFixtures.pdf(dir, "locked.pdf", "A", "secret", "mail jane.doe@example.com");
    Path docx = DocumentFixtures.docx(dir, "d.docx", "x", "A", "B");
    byte[] d = Files.readAllBytes(docx);
    Path brokenDocx = Files.write(dir.resolve("broken.docx"), Arrays.copyOf(d, d.length - 40));

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "scan", "--format", "jsonl", "--rules", CliHarness.testPack().toString(),
        "--rules-mode", "replace", truncated.toString(), locked.toString(), brokenDocx.toString()));
    pb.environment().put("LAGOTTO_KEY", CliHarness.KEY_HEX);
    pb.environment().put("HOME", dir.toString());
    pb.redirectOutput(dir.resolve("out.jsonl").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out.jsonl"), StandardCharsets.UTF_8);
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.SOURCES_FAILED);
    assertThat(out).contains("\"reason\":\"encrypted\"").contains("\"type\":\"summary\"");
    assertThat(err).doesNotContain("SLF4J").doesNotContain("\tat ").doesNotContain("WARN").doesNotContain("ERROR");
    assertThat(err.strip()).isEmpty();
  }
}
