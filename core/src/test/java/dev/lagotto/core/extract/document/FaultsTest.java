package dev.lagotto.core.extract.document;

import static dev.lagotto.core.extract.document.Fixtures.bytes;
import static dev.lagotto.core.extract.document.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile, broken, mislabelled and empty inputs: each gives the exact skip reason or the exact units. */
class FaultsTest {

  private static DocumentExtractor extractor;

  @TempDir Path dir;

  @BeforeAll
  static void loadTika() {
    extractor = new DocumentExtractor();
  }

  @Test
  void encryptedPdfIsReportedEncrypted() throws IOException {
    Path pdf = Fixtures.pdf(dir, "locked.pdf", null, "user-pw", "IBAN GB82 WEST 1234 5698 7654 32");
    Recorder r = Recorder.of(extractor, pdf);
    assertThat(r.skipKeys()).containsExactly("null|ENCRYPTED");
    assertThat(r.units).allSatisfy(u -> assertThat(u.text()).doesNotContain("GB82"));
  }

  @Test
  void truncatedPdfIsReportedCorrupt() throws IOException {
    byte[] pdf = bytes(Fixtures.pdf(dir, "whole.pdf", null, null, "Signed by dave@example.com"));
    Path cut = Files.write(dir.resolve("cut.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
    Recorder r = Recorder.of(extractor, cut);
    assertThat(r.skipKeys()).containsExactly("null|CORRUPT");
  }

  @Test
  void textNamedPdfTakesThePlainTextPath() throws IOException {
    String content = "name: Jane Doe\nemail: jane@example.com\n";
    Path fake = Fixtures.text(dir, "report.pdf", content);
    assertThat(extractor.detector().isPlainText(fake)).isTrue();
    assertThat(extractor.detector().detect(fake)).isEqualTo(new DetectedType(ContentKind.PLAIN_TEXT, "text/plain"));
    Recorder r = Recorder.of(extractor, fake);
    assertThat(r.units).containsExactly(new Recorder.Unit(null, null, false, "text/plain", content));
    assertThat(r.skips).isEmpty();
  }

  @Test
  void emptyFileGivesNothing() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.docx"));
    assertThat(extractor.detector().detect(empty).kind()).isEqualTo(ContentKind.EMPTY);
    assertThat(extractor.detector().isPlainText(empty)).isTrue();
    Recorder r = Recorder.of(extractor, empty);
    assertThat(r.units).isEmpty();
    assertThat(r.skips).isEmpty();
    assertThat(r.geos).isEmpty();
  }

  @Test
  void textIsCutAtMaxChars() throws IOException {
    Path docx = Fixtures.docx(dir, "long.docx", "x".repeat(1000) + " tail@example.com", "A", "B");
    Recorder r = Recorder.of(extractor.withLimits(ExtractLimits.defaults().withMaxChars(100)), docx);
    assertThat(r.body(null).text()).hasSize(100).doesNotContain("tail@");
    assertThat(r.skipKeys()).containsExactly("null|TOO_LARGE");
  }

  @Test
  void slowParseTimesOutAndTheExtractionGoesOn() throws IOException {
    String[] pages = new String[300];
    Arrays.fill(pages, "Page of text for the timeout test, contact page@example.com");
    Path pdf = Fixtures.pdf(dir, "slow.pdf", null, null, pages);
    Path zip = Fixtures.zip(dir, "slow.zip", Map.of("slow.pdf", bytes(pdf), "z.txt", utf8("after@example.com")));
    long start = System.nanoTime();
    Recorder r = Recorder.of(extractor.withLimits(ExtractLimits.defaults().withParseTimeout(Duration.ofMillis(1))),
        zip);
    assertThat(r.skipKeys()).containsExactly("slow.zip!/slow.pdf|TIMEOUT");
    assertThat(r.body("slow.zip!/z.txt").text()).isEqualTo("after@example.com");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void documentOverTheSizeLimitIsNotParsed() throws IOException {
    Path pdf = Fixtures.pdf(dir, "big.pdf", null, null, "some text");
    Recorder r = Recorder.of(extractor.withLimits(ExtractLimits.defaults().withMaxDocumentBytes(100)), pdf);
    assertThat(r.skipKeys()).containsExactly("null|TOO_LARGE");
    assertThat(r.units).isEmpty();
  }

  @Test
  void unknownBinaryAndRarAreUnsupported() throws IOException {
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 7 + i / 256);
    }
    Recorder bin = Recorder.of(extractor, Files.write(dir.resolve("blob.bin"), binary));
    assertThat(bin.skipKeys()).containsExactly("null|UNSUPPORTED");
    byte[] rar = Arrays.copyOf(new byte[] {'R', 'a', 'r', '!', 0x1a, 0x07, 0x00}, 64);
    Recorder r = Recorder.of(extractor, Files.write(dir.resolve("x.rar"), rar));
    assertThat(r.skipKeys()).containsExactly("null|UNSUPPORTED");
    assertThat(r.skips.get(0).detail()).contains("rar");
  }

  @Test
  void streamIsExtractedUnderItsName() throws IOException {
    byte[] zip = bytes(Fixtures.zip(dir, "upload.zip", Map.of("x.txt", utf8("mia@example.com"))));
    Recorder r = new Recorder();
    extractor.extract(new ByteArrayInputStream(zip), "upload.zip", r);
    assertThat(r.units).containsExactly(new Recorder.Unit("upload.zip!/x.txt", null, false, "text/plain",
        "mia@example.com"));
  }

  @Test
  void visitorFailurePropagatesUnchanged() throws IOException {
    Path zip = Fixtures.zip(dir, "v.zip", Map.of("x.txt", utf8("noah@example.com")));
    IOException full = new IOException("sink full");
    ExtractVisitor failing = new ExtractVisitor() {
      @Override
      public void text(TextUnit unit, InputStream text) throws IOException {
        throw full;
      }

      @Override
      public void geo(String entryPath, double latitude, double longitude) {}

      @Override
      public void skipped(String entryPath, SkipReason reason, String detail) {}
    };
    assertThatThrownBy(() -> extractor.extract(zip, failing)).isSameAs(full);
  }

  @Test
  void missingTopLevelFileIsTheCallersError() {
    assertThatThrownBy(() -> extractor.extract(dir.resolve("gone.pdf"), new Recorder()))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void limitsRejectNonPositiveValuesByName() {
    assertThatThrownBy(() -> ExtractLimits.defaults().withMaxDepth(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
    assertThatThrownBy(() -> ExtractLimits.defaults().withParseTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parseTimeout");
    assertThat(ExtractLimits.defaults().parseTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(ExtractLimits.defaults().maxDepth()).isEqualTo(5);
  }
}
