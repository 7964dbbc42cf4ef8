package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.core.extract.document.DocumentFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lagotto scan} over documents, archives and photos through Tika, with real files made by the tests. */
class ScanDocumentsTest {
  @TempDir
  Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir.resolve("home"));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private CliHarness.Result scan(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("scan", "--format", "jsonl"));
    all.addAll(List.of(args));
    return cli.run(all.toArray(new String[0]));
  }

  private static JsonNode only(List<JsonNode> records) {
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  @Test
  void docxBodyAndMetadataAreScannedAsExtractedText() throws IOException {
    Path docx = DocumentFixtures.docx(dir, "letter.docx", "Dear customer, write to jane.doe@example.com today.",
        "Jane Doe", "kim@example.org");
    CliHarness.Result r = scan(docx.toString());
    List<JsonNode> findings = r.ofType("finding");
    JsonNode body = findings.stream().filter(f -> !f.get("location").has("field")).findFirst().orElseThrow();
    assertThat(body.get("category").asText()).isEqualTo("email");
    assertThat(body.get("masked").asText()).isEqualTo("j***@example.com");
    assertThat(body.get("fingerprint").asText()).isEqualTo(CliHarness.hmac("jane.doe@example.com"));
    assertThat(body.get("location").get("extracted").asBoolean()).isTrue();
    assertThat(body.get("location").has("entry")).isFalse();
    assertThat(body.get("location").get("column").asLong()).isEqualTo("Dear customer, write to ".length() + 1);
    JsonNode meta = findings.stream().filter(f -> f.get("location").has("field")).findFirst().orElseThrow();
    assertThat(meta.get("location").get("field").asText()).isEqualTo("last-modified-by");
    assertThat(meta.get("fingerprint").asText()).isEqualTo(CliHarness.hmac("kim@example.org"));
    assertThat(findings).hasSize(2);
    assertThat(r.ofType("skipped")).isEmpty();
    assertThat(r.summary().get("sources").get("scanned").asInt()).isEqualTo(1);
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
  }

  /** Findings as "category|field|fingerprinted value" strings, sorted, for exact assertions. */
  private static List<String> keys(List<JsonNode> findings) {
    return findings.stream().map(f -> f.get("category").asText() + "|"
        + (f.get("location").has("field") ? f.get("location").get("field").asText() : "-") + "|"
        + f.get("value").asText()).sorted().toList();
  }

  @Test
  void binaryOfficeFormatsDocPptAndMsg() throws IOException {
    Path doc = DocumentFixtures.resource(dir, "letter.doc");
    Path ppt = DocumentFixtures.ppt(dir, "deck.ppt", "Speaker: Carol Example, carol@example.com, VPN 198.51.100.23");
    Path msg = DocumentFixtures.msg(dir, "invoice.msg", "Invoice for Jane Doe",
        "Logged in from 203.0.113.9, write to jane.doe@example.com", "Jane Doe", "jane.doe@example.com", "Bob Example",
        "bob@example.org");

    CliHarness.Result d = scan("--reveal", doc.toString());
    assertThat(keys(d.ofType("finding")))
        .containsExactly("email|-|jane.doe@example.com", "email|last-modified-by|bob.modifier@example.org");
    CliHarness.Result p = scan("--reveal", ppt.toString());
    assertThat(keys(p.ofType("finding")))
        .containsExactly("email|-|carol@example.com", "ipv4|-|198.51.100.23");
    CliHarness.Result m = scan("--reveal", msg.toString());
    assertThat(keys(m.ofType("finding"))).containsExactly("email|-|bob@example.org", "email|-|jane.doe@example.com",
        "email|From|jane.doe@example.com", "ipv4|-|203.0.113.9");
    for (CliHarness.Result r : List.of(d, p, m)) {
      assertThat(r.ofType("finding")).allSatisfy(f -> {
        assertThat(f.get("location").get("extracted").asBoolean()).isTrue();
        assertThat(f.get("location").has("entry")).isFalse();
      });
      assertThat(r.ofType("skipped")).isEmpty();
      assertThat(r.code()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void zipInTarGzInZipGivesTheNestedEntryPath() throws IOException {
    Path inner = dir.resolve("inner");
    Files.createDirectories(inner);
    Path docx = DocumentFixtures.docx(inner, "y.docx", "owner ann@example.net", "A", "B");
    Map<String, byte[]> c = new LinkedHashMap<>();
    c.put("x.txt", utf8("line one\ncontact: jane.doe@example.com\n"));
    c.put("y.docx", DocumentFixtures.bytes(docx));
    Path cZip = DocumentFixtures.zip(inner, "c.zip", c);
    Path bTar = DocumentFixtures.tarGz(inner, "b.tar.gz", Map.of("c.zip", DocumentFixtures.bytes(cZip)));
    Path aZip = DocumentFixtures.zip(dir, "a.zip", Map.of("b.tar.gz", DocumentFixtures.bytes(bTar)));

    CliHarness.Result r = scan(aZip.toString());
    List<JsonNode> findings = r.ofType("finding");
    assertThat(findings).hasSize(2);
    JsonNode text = findings.stream().filter(f -> f.get("location").get("entry").asText().endsWith("x.txt"))
        .findFirst().orElseThrow();
    assertThat(text.get("location").get("entry").asText()).isEqualTo("a.zip!/b.tar.gz!/c.zip!/x.txt");
    assertThat(text.get("location").get("line").asLong()).isEqualTo(2);
    assertThat(text.get("location").get("column").asLong()).isEqualTo(10);
    assertThat(text.get("location").get("offset").asLong()).isEqualTo("line one\ncontact: ".length());
    assertThat(text.get("source").get("uri").asText()).isEqualTo(aZip.toUri().toString());
    assertThat(text.get("masked").asText()).isEqualTo("j***@example.com");
    // a plain-text entry is scanned as stored (docs: extracted only for text a document parser produced)
    assertThat(text.get("location").has("extracted")).isFalse();
    JsonNode doc = findings.stream().filter(f -> f.get("location").get("entry").asText().endsWith("y.docx"))
        .findFirst().orElseThrow();
    assertThat(doc.get("location").get("entry").asText()).isEqualTo("a.zip!/b.tar.gz!/c.zip!/y.docx");
    assertThat(doc.get("location").get("extracted").asBoolean()).isTrue();
    assertThat(doc.get("fingerprint").asText()).isEqualTo(CliHarness.hmac("ann@example.net"));
    assertThat(r.code()).isEqualTo(ExitCodes.OK);

    CliHarness.Result shallow = scan("--max-archive-depth", "2", aZip.toString());
    JsonNode skip = only(shallow.ofType("skipped"));
    assertThat(skip.get("reason").asText()).isEqualTo("too deep");
    assertThat(skip.get("location").get("entry").asText()).isEqualTo("a.zip!/b.tar.gz!/c.zip");
    assertThat(skip.get("detail").asText()).isEqualTo("archive nested deeper than 2");
    assertThat(shallow.ofType("finding")).isEmpty();
    assertThat(shallow.summary().get("failed_reasons").get("too deep").asInt()).isEqualTo(1);
    assertThat(shallow.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
  }

  @Test
  void jpegGpsBecomesAGeoFinding() throws IOException {
    Path photo = DocumentFixtures.jpeg(dir, "photo.jpg", new int[] {51, 30, 0}, 'N', new int[] {0, 7, 30}, 'W');
    Path plain = DocumentFixtures.jpeg(dir, "plain.jpg", null, 'N', null, 'E');
    CliHarness.Result r = scan("--reveal", photo.toString(), plain.toString());
    JsonNode geo = only(r.ofType("finding"));
    assertThat(geo.get("category").asText()).isEqualTo("geo_coordinates");
    assertThat(geo.get("rule").asText()).isEqualTo("exif_gps");
    assertThat(geo.get("source").get("uri").asText()).isEqualTo(photo.toUri().toString());
    assertThat(geo.get("location").get("field").asText()).isEqualTo("GPS");
    assertThat(geo.get("location").has("entry")).isFalse();
    assertThat(geo.get("location").get("extracted").asBoolean()).isTrue();
    assertThat(geo.get("value").asText()).isEqualTo("51.500000,-0.125000");
    assertThat(geo.get("masked").asText()).isEqualTo("51.5,-0.1");
    assertThat(geo.get("fingerprint").asText()).isEqualTo(CliHarness.hmac("51.5000,-0.1250"));
    assertThat(r.ofType("skipped")).isEmpty();
    assertThat(r.summary().get("sources").get("scanned").asInt()).isEqualTo(2);
    assertThat(r.summary().get("findings").get("by_category").get("geo_coordinates").asInt()).isEqualTo(1);

    assertThat(scan("--categories", "email", photo.toString()).ofType("finding")).isEmpty();
  }

  @Test
  void xmpOnlyGpsBecomesAGeoFinding() throws IOException {
    Path photo = DocumentFixtures.jpegXmp(dir, "xmp.jpg", "48,51.4N", "2,21.05E");
    Path noGps = DocumentFixtures.jpegXmp(dir, "xmp-plain.jpg", null, null);
    Path zip = DocumentFixtures.zip(dir, "photos.zip", Map.of("2024/xmp.jpg", DocumentFixtures.bytes(photo)));
    CliHarness.Result r = scan("--reveal", photo.toString(), noGps.toString(), zip.toString());
    List<JsonNode> geos = r.ofType("finding");
    assertThat(geos).extracting(g -> g.get("category").asText() + "|" + g.get("location").get("field").asText() + "|"
        + g.get("location").path("entry").asText("-") + "|" + g.get("value").asText())
        .containsExactlyInAnyOrder("geo_coordinates|GPS|-|48.856667,2.350833",
            "geo_coordinates|GPS|photos.zip!/2024/xmp.jpg|48.856667,2.350833");
    assertThat(r.ofType("skipped")).isEmpty();
    assertThat(r.summary().get("sources").get("scanned").asInt()).isEqualTo(3);
  }

  @Test
  void encryptedZipEntryIsReportedAndTheOpenEntryStillScanned() throws IOException {
    Path locked = DocumentFixtures.zipWithEncryptedEntry(dir, "locked.zip", "secret.txt", "open.txt", utf8("kim@example.com"));
    CliHarness.Result r = scan(locked.toString());
    JsonNode finding = only(r.ofType("finding"));
    assertThat(finding.get("location").get("entry").asText()).isEqualTo("locked.zip!/open.txt");
    JsonNode skip = only(r.ofType("skipped"));
    assertThat(skip.get("reason").asText()).isEqualTo("encrypted");
    assertThat(skip.get("location").get("entry").asText()).isEqualTo("locked.zip!/secret.txt");
    assertThat(skip.get("detail").asText()).isEqualTo("encrypted zip entry");
    assertThat(skip.get("error").asBoolean()).isTrue();
    assertThat(r.summary().get("failed_reasons").get("encrypted").asInt()).isEqualTo(1);
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
  }

  @Test
  void eachBadEntryIsOneSkipRecordAndTheGoodEntriesAreScanned() throws IOException {
    Path parts = Files.createDirectories(dir.resolve("parts"));
    byte[] pdf = DocumentFixtures.bytes(DocumentFixtures.pdf(parts, "whole.pdf", null, null, "mail pdf@example.com"));
    Path locked = DocumentFixtures.zipWithEncryptedEntry(parts, "locked.zip", "secret.txt", "open.txt",
        utf8("mail kim@example.com\n"));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("notes.txt", utf8("owner jane.doe@example.com\n"));
    entries.put("docs/broken.pdf", java.util.Arrays.copyOf(pdf, pdf.length / 2));
    entries.put("zeros.bin", new byte[8 << 20]);
    entries.put("inner/locked.zip", DocumentFixtures.bytes(locked));
    entries.put("after.txt", utf8("from 203.0.113.8\n"));
    Path mixed = DocumentFixtures.zip(dir, "mixed.zip", entries);

    CliHarness.Result r = scan(mixed.toString());
    assertThat(r.ofType("finding")).extracting(f -> f.get("location").get("entry").asText())
        .containsExactly("mixed.zip!/notes.txt", "mixed.zip!/inner/locked.zip!/open.txt", "mixed.zip!/after.txt");
    assertThat(r.ofType("skipped")).extracting(s -> s.get("location").get("entry").asText() + "|"
        + s.get("reason").asText() + "|" + s.get("error").asBoolean() + "|" + s.get("source").get("uri").asText())
        .containsExactly(
            "mixed.zip!/docs/broken.pdf|corrupt|true|" + mixed.toUri(),
            "mixed.zip!/zeros.bin|zip bomb|true|" + mixed.toUri(),
            "mixed.zip!/inner/locked.zip!/secret.txt|encrypted|true|" + mixed.toUri());
    JsonNode sources = r.summary().get("sources");
    assertThat(sources.get("scanned").asInt()).isEqualTo(1);
    assertThat(sources.get("failed").asInt()).isEqualTo(3);
    assertThat(sources.get("entries_failed").asInt()).isEqualTo(3);
    assertThat(sources.get("entries_skipped").asInt()).isZero();
    assertThat(r.summary().get("failed_reasons").toString())
        .isEqualTo("{\"corrupt\":1,\"encrypted\":1,\"zip bomb\":1}");
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);

    CliHarness.Result table = cli.run("scan", "--format", "table", mixed.toString());
    assertThat(table.out()).contains("FAILED  " + mixed + "!/inner/locked.zip!/secret.txt: encrypted (encrypted zip entry)")
        .contains("Sources: 1 scanned, 0 skipped, 3 failed").contains("Archive entries: 0 skipped, 3 failed");
  }

  @Test
  void encryptedPdfIsReportedEncrypted() throws IOException {
    Path pdf = DocumentFixtures.pdf(dir, "locked.pdf", "A", "secret", "mail jane.doe@example.com");
    CliHarness.Result r = scan(pdf.toString());
    assertThat(r.ofType("finding")).isEmpty();
    JsonNode skip = only(r.ofType("skipped"));
    assertThat(skip.get("reason").asText()).isEqualTo("encrypted");
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
  }

  @Test
  void zipBombIsStoppedAndTheOtherSourcesScanned() throws IOException {
    Path bomb = DocumentFixtures.zipBomb(dir, "bomb.zip", "zeros.bin", 20 << 20);
    Path good = Files.writeString(dir.resolve("good.log"), "user=jane.doe@example.com\n");
    CliHarness.Result r = scan(bomb.toString(), good.toString());
    JsonNode skip = only(r.ofType("skipped"));
    assertThat(skip.get("source").get("uri").asText()).isEqualTo(bomb.toUri().toString());
    assertThat(skip.get("reason").asText()).isEqualTo("zip bomb");
    assertThat(skip.get("location").get("entry").asText()).isEqualTo("bomb.zip!/zeros.bin");
    assertThat(skip.get("detail").asText()).startsWith("expanded ");
    assertThat(only(r.ofType("finding")).get("source").get("uri").asText()).isEqualTo(good.toUri().toString());
    assertThat(r.summary().get("failed_reasons").get("zip bomb").asInt()).isEqualTo(1);
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);

    CliHarness.Result lenient = scan("--max-compression-ratio", "100000", "--max-archive-bytes", "1M", bomb.toString());
    assertThat(only(lenient.ofType("skipped")).get("reason").asText()).isEqualTo("too large");
  }

  @Test
  void textNamedPdfAndGzipLogsStayOnTheFastPath() throws IOException {
    Path fake = Files.writeString(dir.resolve("report.pdf"), "owner: jane.doe@example.com\n");
    Path log = DocumentFixtures.gzip(dir, "app.log.3.gz", utf8("start\nfrom 203.0.113.9\n"));
    Path tgz = DocumentFixtures.tarGz(dir, "logs.tar.gz", Map.of("x.log", utf8("ip 203.0.113.7\n")));
    CliHarness.Result r = scan(fake.toString(), log.toString(), tgz.toString());
    List<JsonNode> findings = r.ofType("finding");
    assertThat(findings).hasSize(3);
    for (JsonNode f : findings) {
      String uri = f.get("source").get("uri").asText();
      JsonNode loc = f.get("location");
      assertThat(loc.has("extracted")).as(uri).isFalse();
      if (uri.endsWith("logs.tar.gz")) {
        assertThat(loc.get("entry").asText()).isEqualTo("logs.tar.gz!/x.log");
      } else {
        assertThat(loc.has("entry")).as(uri).isFalse();
      }
    }
    JsonNode gz = findings.stream().filter(f -> f.get("source").get("uri").asText().endsWith(".gz")).findFirst().orElseThrow();
    assertThat(gz.get("location").get("offset").asLong()).isEqualTo("start\nfrom ".length());
    assertThat(r.ofType("skipped")).isEmpty();
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void archiveOnStandardInputIsCopiedAndNamedStdin() throws IOException {
    Path zip = DocumentFixtures.zip(dir, "in.zip", Map.of("notes/x.txt", utf8("mail kim@example.com\n")));
    cli.stdin = new java.io.ByteArrayInputStream(DocumentFixtures.bytes(zip));
    CliHarness.Result r = scan("-");
    JsonNode f = only(r.ofType("finding"));
    assertThat(f.get("source").get("kind").asText()).isEqualTo("stdin");
    assertThat(f.get("location").get("entry").asText()).isEqualTo("stdin!/notes/x.txt");
    assertThat(f.get("location").get("offset").asLong()).isEqualTo(5);
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void badLimitValuesAreUsageErrorsNamingTheOption() throws IOException {
    Path f = Files.writeString(dir.resolve("a.log"), "x\n");
    CliHarness.Result r = scan("--max-archive-depth", "0", f.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--max-archive-depth 0");
    CliHarness.Result t = scan("--parse-timeout", "-1", f.toString());
    assertThat(t.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(t.err()).contains("--parse-timeout -1");
  }
}
