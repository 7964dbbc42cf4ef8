package dev.lagotto.core.extract.document;

import static dev.lagotto.core.extract.document.Fixtures.bytes;
import static dev.lagotto.core.extract.document.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives opened recursively with {@code !/} paths, and the limits that stop hostile ones. */
class ArchivesTest {

  private static DocumentExtractor extractor;

  @TempDir Path dir;

  @BeforeAll
  static void loadTika() {
    extractor = new DocumentExtractor();
  }

  @Test
  void zipInsideTarGzInsideZip() throws IOException {
    String secret = "nested: nina.nested@example.com\n";
    Path c = Fixtures.zip(dir, "c.zip", Map.of("x.txt", utf8(secret)));
    Path b = Fixtures.tarGz(dir, "b.tar.gz", Map.of("c.zip", bytes(c)));
    Path a = Fixtures.zip(dir, "a.zip", Map.of("b.tar.gz", bytes(b)));
    Recorder r = Recorder.of(extractor, a);
    assertThat(r.units).containsExactly(new Recorder.Unit("a.zip!/b.tar.gz!/c.zip!/x.txt", null, false,
        "text/plain", secret));
    assertThat(r.skips).isEmpty();
  }

  @Test
  void spreadsheetInsideZipIsParsed() throws IOException {
    Path xlsx = Fixtures.workbook(dir, "customers.xlsx", true,
        new String[][] {{"Alice Example", "alice@example.org"}});
    Path zip = Fixtures.zip(dir, "backup.zip", Map.of("2024/customers.xlsx", bytes(xlsx)));
    Recorder r = Recorder.of(extractor, zip);
    Recorder.Unit unit = r.body("backup.zip!/2024/customers.xlsx");
    assertThat(unit.extracted()).isTrue();
    assertThat(unit.text()).contains("Alice Example\talice@example.org");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void sevenZipEntries() throws IOException {
    Path p = Fixtures.sevenZ(dir, "people.7z", null, Map.of("people.txt", utf8("henry@example.com\n")));
    Recorder r = Recorder.of(extractor, p);
    assertThat(r.units).containsExactly(new Recorder.Unit("people.7z!/people.txt", null, false, "text/plain",
        "henry@example.com\n"));
    assertThat(r.skips).isEmpty();
  }

  @Test
  void gzipOfTextIsStreamedAsStoredAndNamedByItsFile() throws IOException {
    String log = "2024-01-01 10:00:00 login user=ivy@example.com ip=203.0.113.9\n";
    Path gz = Fixtures.gzip(dir, "app.log.gz", utf8(log));
    Recorder top = Recorder.of(extractor, gz);
    assertThat(top.units).containsExactly(new Recorder.Unit(null, null, false, "text/plain", log));
    Path zip = Fixtures.zip(dir, "logs.zip", Map.of("app.log.gz", bytes(gz)));
    Recorder nested = Recorder.of(extractor, zip);
    assertThat(nested.units).containsExactly(new Recorder.Unit("logs.zip!/app.log.gz", null, false, "text/plain",
        log));
  }

  @Test
  void bzip2AndXzStreamsAndTarXz() throws IOException {
    String log = "user=olga@example.com\n";
    Path bz2 = dir.resolve("app.log.bz2");
    try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
      out.write(utf8(log));
    }
    Path tar = Fixtures.tarGz(dir, "t.tar.gz", Map.of("in/tar.txt", utf8(log)));
    byte[] plainTar;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tar))) {
      plainTar = in.readAllBytes();
    }
    Path txz = dir.resolve("t.tar.xz");
    try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(txz))) {
      out.write(plainTar);
    }
    assertThat(Recorder.of(extractor, bz2).units).containsExactly(new Recorder.Unit(null, null, false, "text/plain",
        log));
    assertThat(Recorder.of(extractor, txz).units).containsExactly(new Recorder.Unit("t.tar.xz!/in/tar.txt", null,
        false, "text/plain", log));
  }

  @Test
  void zipAttachedToAnEmailIsOpened() throws IOException {
    Path zip = Fixtures.zip(dir, "files.zip", Map.of("x.txt", utf8("jack@example.org\n")));
    Path eml = Fixtures.text(dir, "mail.eml", String.join("\r\n",
        "From: jane@example.com",
        "Subject: files",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"B\"",
        "",
        "--B",
        "Content-Type: text/plain",
        "",
        "see attached",
        "--B",
        "Content-Type: application/zip; name=\"files.zip\"",
        "Content-Disposition: attachment; filename=\"files.zip\"",
        "Content-Transfer-Encoding: base64",
        "",
        Base64.getMimeEncoder().encodeToString(bytes(zip)),
        "--B--",
        ""));
    Recorder r = Recorder.of(extractor, eml);
    assertThat(r.body("mail.eml!/files.zip!/x.txt").text()).isEqualTo("jack@example.org\n");
    assertThat(r.body(null).text()).contains("see attached");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void encryptedZipEntryIsReportedAndTheOthersRead() throws IOException {
    Path zip = Fixtures.zipWithEncryptedEntry(dir, "locked.zip", "secret.txt", "open.txt", utf8("kim@example.com"));
    Recorder r = Recorder.of(extractor, zip);
    assertThat(r.skipKeys()).containsExactly("locked.zip!/secret.txt|ENCRYPTED");
    assertThat(r.units).containsExactly(new Recorder.Unit("locked.zip!/open.txt", null, false, "text/plain",
        "kim@example.com"));
  }

  @Test
  void encryptedSevenZipEntryIsReported() throws IOException {
    Path p = Fixtures.sevenZ(dir, "locked.7z", "s3cret", Map.of("people.txt", utf8("lee@example.com\n")));
    Recorder r = Recorder.of(extractor, p);
    assertThat(r.skipKeys()).containsExactly("locked.7z!/people.txt|ENCRYPTED");
    assertThat(r.units).isEmpty();
  }

  @Test
  void zipBombByRatio() throws IOException {
    Path bomb = Fixtures.zipBomb(dir, "bomb.zip", "zeros.bin", 20 << 20);
    assertThat(Files.size(bomb)).isLessThan(100_000);
    Recorder r = Recorder.of(extractor, bomb);
    assertThat(r.skipKeys()).containsExactly("bomb.zip!/zeros.bin|ZIP_BOMB");
    assertThat(r.units).isEmpty();
  }

  @Test
  void gzipBombOfTextIsCutWhileStreaming() throws IOException {
    Path gz = Fixtures.gzip(dir, "huge.log.gz", utf8("a".repeat(20 << 20)));
    Recorder r = Recorder.of(extractor, gz);
    assertThat(r.skipKeys()).containsExactly("null|ZIP_BOMB");
    assertThat(r.units).hasSize(1);
    assertThat(r.units.get(0).text().length()).isLessThan(20 << 20);
  }

  @Test
  void nestingBeyondTheDepthLimitIsNotOpened() throws IOException {
    byte[] inner = utf8("deep@example.com\n");
    String name = "deep.txt";
    for (int level = 7; level >= 0; level--) {
      Path z = Fixtures.zip(dir, "n" + level + ".zip", Map.of(name, inner));
      inner = bytes(z);
      name = "n" + level + ".zip";
    }
    Path top = dir.resolve("n0.zip");
    Recorder r = Recorder.of(extractor, top);
    assertThat(r.skipKeys()).containsExactly("n0.zip!/n1.zip!/n2.zip!/n3.zip!/n4.zip!/n5.zip|TOO_DEEP");
    assertThat(r.units).isEmpty();

    Recorder deeper = Recorder.of(extractor.withLimits(ExtractLimits.defaults().withMaxDepth(10)), top);
    assertThat(deeper.skips).isEmpty();
    assertThat(deeper.body("n0.zip!/n1.zip!/n2.zip!/n3.zip!/n4.zip!/n5.zip!/n6.zip!/n7.zip!/deep.txt").text())
        .isEqualTo("deep@example.com\n");
  }

  @Test
  void entriesBeyondTheLimitAreNotOpened() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      entries.put("f" + i + ".txt", utf8("user" + i + "@example.com"));
    }
    Path zip = Fixtures.zip(dir, "many.zip", entries);
    Recorder r = Recorder.of(extractor.withLimits(ExtractLimits.defaults().withMaxEntries(5)), zip);
    assertThat(r.skipKeys()).containsExactly("null|TOO_MANY_ENTRIES");
    assertThat(r.unitKeys()).containsExactly("many.zip!/f0.txt|null|false", "many.zip!/f1.txt|null|false",
        "many.zip!/f2.txt|null|false", "many.zip!/f3.txt|null|false", "many.zip!/f4.txt|null|false");
  }

  @Test
  void expansionBudgetStopsTheArchive() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      entries.put("f" + i + ".txt", utf8(("user" + i + "@example.com ").repeat(40)));
    }
    Path zip = Fixtures.zip(dir, "big.zip", entries);
    Recorder r = Recorder.of(extractor.withLimits(ExtractLimits.defaults().withMaxExpandedBytes(1000)), zip);
    assertThat(r.skipKeys()).containsExactly("big.zip!/f1.txt|TOO_LARGE");
    assertThat(r.unitKeys()).containsExactly("big.zip!/f0.txt|null|false");
  }

  @Test
  void corruptZipIsReported() throws IOException {
    byte[] z = bytes(Fixtures.zip(dir, "ok.zip", Map.of("x.txt", utf8("x"))));
    byte[] broken = new byte[z.length - 10];
    System.arraycopy(z, 0, broken, 0, broken.length);
    Recorder r = Recorder.of(extractor, Files.write(dir.resolve("broken.zip"), broken));
    assertThat(r.skipKeys()).containsExactly("null|CORRUPT");
  }
}
