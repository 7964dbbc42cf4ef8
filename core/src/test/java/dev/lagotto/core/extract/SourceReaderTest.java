package dev.lagotto.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.FindingFactory;
import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SourceReaderTest {
  private static final SourceRef REF = new SourceRef("file", "file:///test", "host.example.com");
  private static SourceReader reader;

  @BeforeAll
  static void engine() throws Exception {
    Scanner scanner = Scanner.build(RulePackLoader.loadDefault(), ScanSettings.DEFAULTS);
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    reader = new SourceReader(new TextScanner(scanner, new ChunkedReader(4096, 256)),
        new FindingFactory(new Fingerprinter(key), false), ContentHandlers.defaults());
  }

  private static byte[] gzip(byte[]... members) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] m : members) {
      try (GZIPOutputStream gz = new GZIPOutputStream(out) {
        @Override
        public void close() throws IOException {
          finish();
        }
      }) {
        gz.write(m);
      }
    }
    return out.toByteArray();
  }

  private record Read(SourceResult result, List<Finding> findings) {}

  private static Read read(byte[] raw, long expectedSize) {
    List<Finding> findings = new ArrayList<>();
    SourceResult r = reader.read(new ByteArrayInputStream(raw), REF, expectedSize, findings::add);
    return new Read(r, findings);
  }

  private static String text(int fillerLines) {
    StringBuilder sb = new StringBuilder("start 203.0.113.7\n");
    for (int i = 0; i < fillerLines; i++) {
      sb.append("filler line ").append(i).append(" nothing here\n");
    }
    return sb.append("end jane.doe@example.com\n").toString();
  }

  @Test
  void gzipIsDetectedByMagicAndOffsetsAreInTheDecompressedStream() throws IOException {
    String text = text(2000);
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);
    Read r = read(gzip(plain), -1);
    assertThat(r.result.status()).isEqualTo(SourceResult.Status.SCANNED);
    assertThat(r.result.bytes()).isEqualTo(plain.length);
    assertThat(r.findings).extracting(f -> ((Location.Text) f.location()).offset())
        .containsExactly(6L, (long) text.indexOf("jane"));
    assertThat(r.findings).extracting(f -> ((Location.Text) f.location()).line()).containsExactly(1L, 2002L);
  }

  @Test
  void multiMemberGzipIsReadWhole() throws IOException {
    byte[] a = "a 203.0.113.7\n".getBytes(StandardCharsets.UTF_8);
    byte[] b = "b jane.doe@example.com\n".getBytes(StandardCharsets.UTF_8);
    Read r = read(gzip(a, b), -1);
    assertThat(r.findings).extracting(f -> ((Location.Text) f.location()).offset()).containsExactly(2L, (long) a.length + 2);
  }

  @Test
  void truncatedGzipKeepsTheFindingsBeforeTheCut() throws IOException {
    byte[] gz = gzip(text(20000).getBytes(StandardCharsets.UTF_8));
    Read r = read(Arrays.copyOf(gz, gz.length / 2), -1);
    assertThat(r.result.status()).isEqualTo(SourceResult.Status.FAILED);
    assertThat(r.result.reason()).isEqualTo("truncated gzip stream");
    assertThat(r.findings).extracting(Finding::rule).containsExactly("ipv4");
    assertThat(r.result.findings()).isEqualTo(1);
    assertThat(r.result.bytes()).isGreaterThan(0);
  }

  @Test
  void textThatIsNotGzipButNamedSoIsText() {
    Read r = read("x 203.0.113.7".getBytes(StandardCharsets.UTF_8), -1);
    assertThat(r.result.status()).isEqualTo(SourceResult.Status.SCANNED);
    assertThat(r.findings).hasSize(1);
  }

  @Test
  void binaryEmptyAndShrunkSources() throws IOException {
    Read nul = read("ab\0cd 203.0.113.7".getBytes(StandardCharsets.UTF_8), -1);
    assertThat(nul.result).isEqualTo(SourceResult.skipped("binary content", "NUL bytes"));
    assertThat(nul.findings).isEmpty();
    assertThat(read(gzip("\0\0\0".getBytes(StandardCharsets.UTF_8)), -1).result)
        .isEqualTo(SourceResult.skipped("binary content", "NUL bytes (in gzip stream)"));
    assertThat(read(new byte[0], 0).result).isEqualTo(SourceResult.skipped("empty", ""));
    byte[] data = "x 203.0.113.7\n".getBytes(StandardCharsets.UTF_8);
    Read shrunk = read(data, data.length + 100);
    assertThat(shrunk.result.status()).isEqualTo(SourceResult.Status.FAILED);
    assertThat(shrunk.result.reason()).isEqualTo("file shrank while being read");
    assertThat(shrunk.result.detail()).isEqualTo("read " + data.length + " of " + (data.length + 100) + " bytes");
    assertThat(shrunk.findings).hasSize(1);
  }

  @Test
  void anIoErrorMidStreamIsAFailureThatKeepsEarlierFindings() {
    byte[] data = text(5000).getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      private int i;

      @Override
      public int read() throws IOException {
        if (i == data.length) {
          throw new IOException("Input/output error");
        }
        return data[i++];
      }
    };
    List<Finding> findings = new ArrayList<>();
    SourceResult r = reader.read(failing, REF, -1, findings::add);
    assertThat(r).isEqualTo(SourceResult.failed("I/O error", "Input/output error", data.length, 2));
    assertThat(findings).hasSize(2);
  }
}
