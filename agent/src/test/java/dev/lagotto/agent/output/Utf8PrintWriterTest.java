package dev.lagotto.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.agent.scan.ScanStats;
import dev.lagotto.agent.scan.ScanSummary;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The character and byte paths of {@link Utf8PrintWriter}, and the JSONL writer on either kind of PrintWriter. */
class Utf8PrintWriterTest {
  @Test
  void bytesComeAfterTheCharactersWrittenBefore() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Utf8PrintWriter out = new Utf8PrintWriter(sink, 16);
    out.print("héllo ");
    OutputStream bytes = out.bytes();
    bytes.write("wörld".getBytes(StandardCharsets.UTF_8), 0, 6);
    bytes.flush();
    out.println();
    out.flush();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("héllo wörld" + System.lineSeparator());
    assertThat(out.checkError()).isFalse();
  }

  @Test
  void aFailingStreamSetsTheErrorFlagInsteadOfThrowing() throws IOException {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
    Utf8PrintWriter out = new Utf8PrintWriter(broken, 4);
    OutputStream bytes = out.bytes();
    bytes.write(new byte[64], 0, 64);
    bytes.flush();
    assertThat(out.checkError()).isTrue();
  }

  @Test
  void aJsonlReportIsTheSameOnEitherKindOfPrintWriter() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Utf8PrintWriter bytePath = new Utf8PrintWriter(sink, 1 << 10);
    StringWriter chars = new StringWriter();
    PrintWriter charPath = new PrintWriter(chars);
    ScanSummary summary = new ScanStats("test key").snapshot();
    for (PrintWriter out : new PrintWriter[] {bytePath, charPath}) {
      ReportWriter writer = OutputFormat.JSONL.writer(out, true);
      SourceRef source = new SourceRef("file", "file:///tmp/d%C3%A9j%C3%A0.log", "host.example.com");
      for (int i = 0; i < 3_000; i++) {
        writer.finding(new Finding(Category.EMAIL, "email", 0.9, source, Location.Text.of(i + 1, 1, 40L * i, 20),
            "j***@exämple.com", "ab" + i, "jane" + i + "@exämple.com"));
      }
      writer.endSource(source, SourceResult.scanned(120_000, 3_000));
      writer.summary(summary);
      out.flush();
    }
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(chars.toString()).contains("\"type\":\"finding\"")
        .contains("\"type\":\"summary\"");
  }
}
