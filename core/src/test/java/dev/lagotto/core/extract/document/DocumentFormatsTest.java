package dev.lagotto.core.extract.document;

import static dev.lagotto.core.extract.document.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per format family: known synthetic personal data goes in, the exact text units come out. */
class DocumentFormatsTest {

  private static DocumentExtractor extractor;

  @TempDir Path dir;

  @BeforeAll
  static void loadTika() {
    extractor = new DocumentExtractor();
  }

  private static Recorder extract(Path file) throws IOException {
    Recorder r = new Recorder();
    extractor.extract(file, r);
    return r;
  }

  @Test
  void docxBodyAuthorAndLastModifier() throws IOException {
    Recorder r = extract(Fixtures.docx(dir, "letter.docx", "Contact jane.doe@example.com, phone 555-0101",
        "Jane Author", "Bob Modifier"));
    assertThat(r.unitKeys()).containsExactly("null|null|true", "null|author|true", "null|last-modified-by|true");
    assertThat(r.body(null).text()).contains("Contact jane.doe@example.com, phone 555-0101");
    assertThat(r.body(null).mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(r.field(null, "author").text()).isEqualTo("Jane Author");
    assertThat(r.field(null, "last-modified-by").text()).isEqualTo("Bob Modifier");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void docBodyAuthorAndLastModifier() throws IOException {
    Recorder r = extract(Fixtures.resource(dir, "letter.doc"));
    assertThat(r.unitKeys()).containsExactly("null|null|true", "null|author|true", "null|last-modified-by|true");
    assertThat(r.body(null).mediaType()).isEqualTo("application/msword");
    assertThat(r.body(null).text().strip())
        .isEqualTo("Dear customer, call Jane Doe on 555-0142 or write to jane.doe@example.com.");
    assertThat(r.field(null, "author").text()).isEqualTo("Jane Author");
    assertThat(r.field(null, "last-modified-by").text()).isEqualTo("bob.modifier@example.org");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void xlsxAndXlsCells() throws IOException {
    String[][] rows = {{"Name", "Email", "Card"}, {"Alice Example", "alice@example.org", "4111 1111 1111 1111"}};
    for (boolean xml : new boolean[] {true, false}) {
      Recorder r = extract(Fixtures.workbook(dir, xml ? "customers.xlsx" : "customers.xls", xml, rows));
      assertThat(r.body(null).text()).contains("Alice Example\talice@example.org\t4111 1111 1111 1111");
      assertThat(r.body(null).extracted()).isTrue();
      assertThat(r.skips).isEmpty();
    }
  }

  @Test
  void pptxSlideText() throws IOException {
    Recorder r = extract(Fixtures.pptx(dir, "deck.pptx", "Speaker: Carol Example, carol@example.com"));
    assertThat(r.body(null).text()).contains("Speaker: Carol Example, carol@example.com");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void pptSlideText() throws IOException {
    Recorder r = extract(Fixtures.ppt(dir, "deck.ppt", "Speaker: Carol Example, carol@example.com"));
    assertThat(r.unitKeys()).containsExactly("null|null|true", "null|title|true");
    assertThat(r.body(null).mediaType()).isEqualTo("application/vnd.ms-powerpoint");
    assertThat(r.body(null).text().strip()).isEqualTo("Speaker: Carol Example, carol@example.com");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void msgBodySenderRecipientAndSubject() throws IOException {
    Recorder r = extract(Fixtures.msg(dir, "invoice.msg", "Invoice for Jane Doe",
        "Please call 555-0123 or write to jane.doe@example.com", "Jane Doe", "jane.doe@example.com", "Bob Example",
        "bob@example.org"));
    assertThat(r.unitKeys()).containsExactly("null|null|true", "null|From|true", "null|To|true", "null|title|true");
    assertThat(r.body(null).mediaType()).isEqualTo("application/vnd.ms-outlook");
    assertThat(r.body(null).text()).contains("Please call 555-0123 or write to jane.doe@example.com")
        .contains("bob@example.org");
    assertThat(r.field(null, "From").text()).isEqualTo("Jane Doe\njane.doe@example.com");
    assertThat(r.field(null, "To").text()).isEqualTo("Bob Example");
    assertThat(r.field(null, "title").text()).isEqualTo("Invoice for Jane Doe");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void pdfTextOnEveryPageAndAuthor() throws IOException {
    Recorder r = extract(Fixtures.pdf(dir, "contract.pdf", "Jane Author", null,
        "IBAN GB82 WEST 1234 5698 7654 32", "Signed by dave@example.com"));
    assertThat(r.body(null).text()).contains("IBAN GB82 WEST 1234 5698 7654 32").contains("Signed by dave@example.com");
    assertThat(r.field(null, "author").text()).isEqualTo("Jane Author");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void odtParagraph() throws IOException {
    Recorder r = extract(Fixtures.odt(dir, "minutes.odt", "Attendee: erin.odt@example.com"));
    assertThat(r.body(null).mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(r.body(null).text()).contains("Attendee: erin.odt@example.com");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void emlBodyHeadersAndAttachment() throws IOException {
    Path eml = Fixtures.text(dir, "mail.eml", String.join("\r\n",
        "From: Jane Doe <jane.doe@example.com>",
        "To: bob@example.org",
        "Cc: carol@example.net",
        "Subject: Quarterly report",
        "Date: Mon, 1 Jan 2024 10:00:00 +0000",
        "Message-ID: <1@example.com>",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"XYZ\"",
        "",
        "--XYZ",
        "Content-Type: text/plain; charset=UTF-8",
        "",
        "Call me at 555-0100.",
        "--XYZ",
        "Content-Type: text/plain; name=\"notes.txt\"",
        "Content-Disposition: attachment; filename=\"notes.txt\"",
        "Content-Transfer-Encoding: base64",
        "",
        java.util.Base64.getEncoder().encodeToString(utf8("Card 4111 1111 1111 1111\n")),
        "--XYZ--",
        ""));
    Recorder r = extract(eml);
    assertThat(r.body(null).text()).contains("Call me at 555-0100.");
    assertThat(r.body(null).mediaType()).isEqualTo("message/rfc822");
    assertThat(r.field(null, "From").text()).isEqualTo("Jane Doe <jane.doe@example.com>");
    assertThat(r.field(null, "To").text()).isEqualTo("bob@example.org");
    assertThat(r.field(null, "Cc").text()).isEqualTo("carol@example.net");
    assertThat(r.field(null, "title").text()).isEqualTo("Quarterly report");
    Recorder.Unit attachment = r.body("mail.eml!/notes.txt");
    assertThat(attachment.text()).isEqualTo("Card 4111 1111 1111 1111\n");
    assertThat(attachment.extracted()).isFalse();
    assertThat(r.skips).isEmpty();
  }

  @Test
  void mboxEachMessage() throws IOException {
    Path mbox = Fixtures.text(dir, "box.mbox", String.join("\n",
        "From jane@example.com Mon Jan  1 10:00:00 2024",
        "From: jane@example.com",
        "Subject: first",
        "",
        "Reach me on 555-0102",
        "",
        "From bob@example.org Mon Jan  1 11:00:00 2024",
        "From: bob@example.org",
        "Subject: second",
        "",
        "My IP is 192.0.2.44",
        ""));
    Recorder r = extract(mbox);
    assertThat(r.body("box.mbox!/#1").text()).contains("Reach me on 555-0102");
    assertThat(r.field("box.mbox!/#1", "From").text()).isEqualTo("jane@example.com");
    assertThat(r.body("box.mbox!/#2").text()).contains("My IP is 192.0.2.44");
    assertThat(r.field("box.mbox!/#2", "From").text()).isEqualTo("bob@example.org");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void htmlEntitiesDecodedAndTitle() throws IOException {
    Recorder r = extract(Fixtures.text(dir, "profile.html", "<!DOCTYPE html><html><head><title>Profile of Jane Doe"
        + "</title></head><body><p>Contact: jane.html&#64;example.com</p><script>var x = 1;</script></body></html>"));
    assertThat(r.body(null).text()).contains("Contact: jane.html@example.com").doesNotContain("var x");
    assertThat(r.field(null, "title").text()).isEqualTo("Profile of Jane Doe");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void rtfText() throws IOException {
    Recorder r = extract(Fixtures.text(dir, "memo.rtf", "{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard "
        + "Contact Jane Doe at jane.rtf@example.com\\par}"));
    assertThat(r.body(null).mediaType()).isEqualTo("application/rtf");
    assertThat(r.body(null).text()).contains("Contact Jane Doe at jane.rtf@example.com");
    assertThat(r.skips).isEmpty();
  }

  @Test
  void csvAndJsonArePassedAsStored() throws IOException {
    String csv = "name,email\nFrank Example,frank@example.com\n";
    String json = "{\"user\":{\"email\":\"grace@example.org\",\"ip\":\"198.51.100.7\"}}\n";
    Recorder c = extract(Fixtures.text(dir, "users.csv", csv));
    Recorder j = extract(Fixtures.text(dir, "users.json", json));
    assertThat(c.units).containsExactly(new Recorder.Unit(null, null, false, "text/plain", csv));
    assertThat(j.units).containsExactly(new Recorder.Unit(null, null, false, "text/plain", json));
    assertThat(c.skips).isEmpty();
    assertThat(j.skips).isEmpty();
  }

  @Test
  void jpegWithGpsExifGivesPosition() throws IOException {
    Recorder r = extract(Fixtures.jpeg(dir, "photo.jpg", new int[] {51, 30, 0}, 'N', new int[] {0, 7, 30}, 'W'));
    assertThat(r.geos).hasSize(1);
    assertThat(r.geos.get(0).entryPath()).isNull();
    assertThat(r.geos.get(0).latitude()).isCloseTo(51.5, within(1e-6));
    assertThat(r.geos.get(0).longitude()).isCloseTo(-0.125, within(1e-6));
    assertThat(r.skips).isEmpty();
  }

  @Test
  void jpegWithGpsOnlyInXmpGivesPosition() throws IOException {
    Recorder r = extract(Fixtures.jpegXmp(dir, "xmp.jpg", "48,51.4N", "2,21,3W"));
    assertThat(r.geos).hasSize(1);
    assertThat(r.geos.get(0).entryPath()).isNull();
    assertThat(r.geos.get(0).latitude()).isCloseTo(48 + 51.4 / 60, within(1e-9));
    assertThat(r.geos.get(0).longitude()).isCloseTo(-(2 + 21 / 60.0 + 3 / 3600.0), within(1e-9));
    assertThat(r.units).isEmpty();
    assertThat(r.skips).isEmpty();
  }

  @Test
  void jpegWithXmpButNoGpsGivesNothing() throws IOException {
    Recorder r = extract(Fixtures.jpegXmp(dir, "xmp-plain.jpg", null, null));
    assertThat(r.geos).isEmpty();
    Recorder half = extract(Fixtures.jpegXmp(dir, "xmp-half.jpg", "48,51.4N", null));
    assertThat(half.geos).isEmpty();
    assertThat(r.skips).isEmpty();
  }

  @Test
  void jpegWithoutExifGivesNothing() throws IOException {
    Recorder r = extract(Fixtures.jpeg(dir, "plain.jpg", null, 'N', null, 'E'));
    assertThat(r.geos).isEmpty();
    assertThat(r.units).isEmpty();
    assertThat(r.skips).isEmpty();
  }
}
