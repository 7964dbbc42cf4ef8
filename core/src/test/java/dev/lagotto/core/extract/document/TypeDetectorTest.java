package dev.lagotto.core.extract.document;

import static dev.lagotto.core.extract.document.Fixtures.bytes;
import static dev.lagotto.core.extract.document.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing by content, never by name: which files keep the plain-text fast path and which go to Tika. */
class TypeDetectorTest {

  private static TypeDetector detector;

  @TempDir Path dir;

  @BeforeAll
  static void load() {
    detector = new TypeDetector();
  }

  private DetectedType detect(String name, String content) throws IOException {
    return detector.detect(Fixtures.text(dir, name, content));
  }

  @Test
  void textFormatsTakeTheFastPath() throws IOException {
    assertThat(detect("app.log", "2024-01-01 10:00:00 INFO user=jane ip=192.0.2.1\n").kind())
        .isEqualTo(ContentKind.PLAIN_TEXT);
    assertThat(detect("b.log", "Date: Mon\nlog line\n").kind()).isEqualTo(ContentKind.PLAIN_TEXT);
    assertThat(detect("color.log", "\u001b[32mINFO\u001b[0m user=jane ip=192.0.2.1\n"))
        .isEqualTo(new DetectedType(ContentKind.PLAIN_TEXT, "text/plain"));
    assertThat(detect("u.csv", "name,email\nJane,j@example.com\n").kind()).isEqualTo(ContentKind.PLAIN_TEXT);
    assertThat(detect("u.json", "{\"email\":\"a@example.com\"}\n").kind()).isEqualTo(ContentKind.PLAIN_TEXT);
    assertThat(detect("u.xml", "<?xml version=\"1.0\"?><u email=\"x@example.com\">Jane</u>\n"))
        .isEqualTo(new DetectedType(ContentKind.PLAIN_TEXT, "application/xml"));
  }

  @Test
  void logLinesStartingLikeMarkupOrMailStayOffTika() throws IOException {
    long before = detector.tikaDetections();
    String[] logs = {
      "<34>1 2024-01-01T10:00:00Z host app - - - login from 192.0.2.1\n",
      "<13>Jan  1 10:00:00 host sshd[42]: Accepted password for jane\n",
      "%LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up\n",
      "%% Invalid input detected at '^' marker.\n",
      "From the start: backup job 42 ran\nno headers here\n",
      "INFO: started\nWARNING: disk 91% full\n",
      "<>\n",
    };
    for (String log : logs) {
      assertThat(detect("x.log", log)).as(log).isEqualTo(new DetectedType(ContentKind.PLAIN_TEXT, "text/plain"));
    }
    assertThat(detector.tikaDetections()).isEqualTo(before);

    String[] documents = {"<!DOCTYPE html><html></html>\n", "<html><body>x</body></html>\n", "<?xml version=\"1.0\"?><a/>\n",
      "%PDF-1.4\n", "From jane@example.com Mon Jan  1 10:00:00 2024\nFrom: jane@example.com\n\nbody\n",
      "Received: from mx.example.com\n", "X-Mailer: test\n"};
    for (String doc : documents) {
      detect("x.txt", doc);
    }
    assertThat(detector.tikaDetections()).isEqualTo(before + documents.length);
  }

  @Test
  void markupAndMailGoToTheParser() throws IOException {
    assertThat(detect("page.txt", "<html><body><p>Jane</p></body></html>\n"))
        .isEqualTo(new DetectedType(ContentKind.DOCUMENT, "text/html"));
    assertThat(detect("memo.txt", "{\\rtf1\\ansi Jane Doe}\n").mediaType()).isEqualTo("application/rtf");
    assertThat(detect("mail.txt", "From: Jane <jane@example.com>\nTo: bob@example.org\nSubject: x\n"
        + "Date: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <1@example.com>\n\nbody\n"))
        .isEqualTo(new DetectedType(ContentKind.DOCUMENT, "message/rfc822"));
  }

  @Test
  void binaryFormatsAreRecognisedWhateverTheirName() throws IOException {
    Path pdf = Fixtures.pdf(dir, "x.pdf", null, null, "text");
    Path renamed = Files.write(dir.resolve("notes.txt"), bytes(pdf));
    assertThat(detector.detect(renamed)).isEqualTo(new DetectedType(ContentKind.DOCUMENT, "application/pdf"));
    assertThat(detector.isPlainText(renamed)).isFalse();

    Path docx = Fixtures.docx(dir, "d.docx", "body", "a", "b");
    Path docxAsZip = Files.write(dir.resolve("d.zip"), bytes(docx));
    assertThat(detector.detect(docxAsZip).kind()).isEqualTo(ContentKind.DOCUMENT);

    Path zip = Fixtures.zip(dir, "a.dat", Map.of("x.txt", utf8("x")));
    assertThat(detector.detect(zip)).isEqualTo(new DetectedType(ContentKind.ARCHIVE, "application/zip"));
    Path gz = Fixtures.gzip(dir, "a.bin", utf8("x"));
    assertThat(detector.detect(gz)).isEqualTo(new DetectedType(ContentKind.COMPRESSED, "application/gzip"));
    Path tgz = Fixtures.tarGz(dir, "t.tgz", Map.of("x.txt", utf8("x")));
    assertThat(detector.detect(tgz).kind()).isEqualTo(ContentKind.COMPRESSED);
  }

  @Test
  void streamDetectionResetsTheStream() throws IOException {
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(utf8("%PDF-1.7\nrest")));
    assertThat(detector.detect(in).mediaType()).isEqualTo("application/pdf");
    assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7\nrest");
    assertThat(detector.detect(new BufferedInputStream(new ByteArrayInputStream(new byte[0]))).kind())
        .isEqualTo(ContentKind.EMPTY);
  }
}
