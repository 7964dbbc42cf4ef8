package dev.lagotto.core.extract.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Test documents made on the fly with synthetic personal data: Office files by Apache POI, PDFs by PDFBox,
 * archives by java.util.zip and Commons Compress, JPEG EXIF by hand. Every method writes one file and returns it.
 */
final class Fixtures {

  private Fixtures() {}

  static Path text(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static Path docx(Path dir, String name, String body, String author, String lastModifiedBy) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText(body);
      doc.getProperties().getCoreProperties().setCreator(author);
      doc.getProperties().getCoreProperties().setLastModifiedByUser(lastModifiedBy);
      return write(dir.resolve(name), doc::write);
    }
  }

  /** A workbook (XLSX when {@code xml}, else XLS) with one sheet of rows. */
  static Path workbook(Path dir, String name, boolean xml, String[][] rows) throws IOException {
    try (Workbook wb = xml ? new XSSFWorkbook() : new HSSFWorkbook()) {
      Sheet sheet = wb.createSheet("customers");
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      return write(dir.resolve(name), wb::write);
    }
  }

  static Path pptx(Path dir, String name, String slideText) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow()) {
      XSLFTextBox box = show.createSlide().createTextBox();
      box.setText(slideText);
      return write(dir.resolve(name), show::write);
    }
  }

  /** A committed test document (see {@code README.md} beside it) copied to {@code dir}. */
  static Path resource(Path dir, String name) throws IOException {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      Files.copy(in, dir.resolve(name));
    }
    return dir.resolve(name);
  }

  /** A binary (OLE2) PowerPoint deck with one text box, written by Apache POI's HSLF. */
  static Path ppt(Path dir, String name, String slideText) throws IOException {
    try (HSLFSlideShow show = new HSLFSlideShow()) {
      HSLFTextBox box = show.createSlide().createTextBox();
      box.setText(slideText);
      return write(dir.resolve(name), show::write);
    }
  }

  /**
   * An Outlook message (.msg): an OLE2 compound file holding the MAPI properties of one message as
   * {@code __substg1.0_<tag><type>} streams (Unicode strings, type 001F) with their {@code __properties_version1.0}
   * table, and one recipient storage, laid out as [MS-OXMSG] describes.
   */
  static Path msg(Path dir, String name, String subject, String body, String senderName, String senderEmail,
      String recipientName, String recipientEmail) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      DirectoryEntry root = fs.getRoot();
      Map<Integer, String> message = new LinkedHashMap<>();
      message.put(0x001A, "IPM.Note"); // PR_MESSAGE_CLASS
      message.put(0x0037, subject); // PR_SUBJECT
      message.put(0x0C1A, senderName); // PR_SENDER_NAME
      message.put(0x0C1F, senderEmail); // PR_SENDER_EMAIL_ADDRESS
      message.put(0x0E04, recipientName); // PR_DISPLAY_TO
      message.put(0x1000, body); // PR_BODY
      mapiStrings(root, message, 32, 1);
      Map<Integer, String> recipient = new LinkedHashMap<>();
      recipient.put(0x3001, recipientName); // PR_DISPLAY_NAME
      recipient.put(0x3003, recipientEmail); // PR_EMAIL_ADDRESS
      recipient.put(0x39FE, recipientEmail); // PR_SMTP_ADDRESS
      mapiStrings(root.createDirectory("__recip_version1.0_#00000000"), recipient, 8, 0);
      root.createDirectory("__nameid_version1.0");
      return write(dir.resolve(name), fs::writeFilesystem);
    }
  }

  /**
   * Unicode string properties as streams plus the property table: a header of {@code headerBytes} (32 for the
   * message, 8 for a recipient; the message's header counts {@code recipients}), then per property 16 bytes:
   * type, tag, flags (readable), byte size including the terminating NUL.
   */
  private static void mapiStrings(DirectoryEntry dir, Map<Integer, String> properties, int headerBytes,
      int recipients) throws IOException {
    ByteBuffer table = ByteBuffer.allocate(headerBytes + 16 * properties.size()).order(ByteOrder.LITTLE_ENDIAN);
    if (headerBytes == 32) {
      table.position(8);
      table.putInt(recipients).putInt(0).putInt(recipients).putInt(0);
    }
    table.position(headerBytes);
    for (Map.Entry<Integer, String> p : properties.entrySet()) {
      byte[] value = p.getValue().getBytes(StandardCharsets.UTF_16LE);
      dir.createDocument(String.format(Locale.ROOT, "__substg1.0_%04X001F", p.getKey()),
          new ByteArrayInputStream(value));
      table.putShort((short) 0x001F).putShort(p.getKey().shortValue()).putInt(6).putInt(value.length + 2).putInt(0);
    }
    dir.createDocument("__properties_version1.0", new ByteArrayInputStream(table.array()));
  }

  /** A PDF with one line of text per page; encrypted with a user password when {@code userPassword != null}. */
  static Path pdf(Path dir, String name, String author, String userPassword, String... pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String line : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 700);
          content.showText(line);
          content.endText();
        }
      }
      if (author != null) {
        doc.getDocumentInformation().setAuthor(author);
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      return write(dir.resolve(name), doc::save);
    }
  }

  /** An OpenDocument text: a zip whose first, stored entry is its mimetype, with content.xml. */
  static Path odt(Path dir, String name, String paragraph) throws IOException {
    String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
        + "<office:body><office:text><text:p>" + paragraph + "</text:p></office:text></office:body>"
        + "</office:document-content>";
    String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        + "<manifest:file-entry manifest:full-path=\"/\""
        + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        + "</manifest:manifest>";
    byte[] mime = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      ZipEntry mimetype = new ZipEntry("mimetype");
      mimetype.setMethod(ZipEntry.STORED);
      mimetype.setSize(mime.length);
      CRC32 crc = new CRC32();
      crc.update(mime);
      mimetype.setCrc(crc.getValue());
      zip.putNextEntry(mimetype);
      zip.write(mime);
      zip.closeEntry();
      put(zip, "content.xml", content.getBytes(StandardCharsets.UTF_8));
      put(zip, "META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
    }
    return dir.resolve(name);
  }

  /** A zip of named entries, in order. */
  static Path zip(Path dir, String name, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        put(zip, e.getKey(), e.getValue());
      }
    }
    return dir.resolve(name);
  }

  /** A gzip-compressed tar of named entries. */
  static Path tarGz(Path dir, String name, Map<String, byte[]> entries) throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
        new GZIPOutputStream(Files.newOutputStream(dir.resolve(name))))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return dir.resolve(name);
  }

  static Path gzip(Path dir, String name, byte[] content) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      out.write(content);
    }
    return dir.resolve(name);
  }

  /** A 7z archive of named entries, encrypted (AES-256, names included) when {@code password != null}. */
  static Path sevenZ(Path dir, String name, String password, Map<String, byte[]> entries) throws IOException {
    Path file = dir.resolve(name);
    try (SevenZOutputFile out = password == null ? new SevenZOutputFile(file.toFile())
        : new SevenZOutputFile(file.toFile(), password.toCharArray())) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        SevenZArchiveEntry entry = new SevenZArchiveEntry();
        entry.setName(e.getKey());
        entry.setSize(e.getValue().length);
        out.putArchiveEntry(entry);
        out.write(e.getValue());
        out.closeArchiveEntry();
      }
    }
    return file;
  }

  /**
   * A zip whose first entry has the "encrypted" flag (general purpose bit 0) set in its local and central
   * headers, as a password-protected zip has; its data is stored in clear, which a reader must not trust.
   */
  static Path zipWithEncryptedEntry(Path dir, String name, String lockedEntry, String openEntry, byte[] content)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, lockedEntry, content);
      put(zip, openEntry, content);
    }
    byte[] z = bytes.toByteArray();
    z[6] |= 1; // local file header of the first entry: flags at offset 6
    int central = indexOf(z, new byte[] {'P', 'K', 1, 2});
    z[central + 8] |= 1; // its central directory header: flags at offset 8
    return Files.write(dir.resolve(name), z);
  }

  /** {@code size} bytes of zeros deflated into a zip entry (ratio about 1000:1). */
  static Path zipBomb(Path dir, String name, String entry, int size) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      zip.putNextEntry(new ZipEntry(entry));
      byte[] zeros = new byte[1 << 20];
      for (int written = 0; written < size; written += zeros.length) {
        zip.write(zeros, 0, Math.min(zeros.length, size - written));
      }
      zip.closeEntry();
    }
    return dir.resolve(name);
  }

  /** A JPEG (1x1 pixel) carrying an EXIF GPS position in degrees/minutes/seconds, or no EXIF when null. */
  static Path jpeg(Path dir, String name, int[] latDms, char latRef, int[] lonDms, char lonRef) throws IOException {
    ByteArrayOutputStream image = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "jpg", image);
    byte[] jpg = image.toByteArray();
    if (latDms == null) {
      return Files.write(dir.resolve(name), jpg);
    }
    byte[] tiff = exifGps(latDms, latRef, lonDms, lonRef);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpg, 0, 2); // SOI
    int length = 2 + 6 + tiff.length;
    out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.write("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.write(tiff);
    out.write(jpg, 2, jpg.length - 2);
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  /**
   * A JPEG (1x1 pixel) whose only metadata is an XMP packet (APP1 {@code http://ns.adobe.com/xap/1.0/}) with the
   * EXIF GPS position in XMP's {@code "DDD,MM.mmk"} form, e.g. {@code "48,51.4N"}; {@code null} values are left
   * out of the packet.
   */
  static Path jpegXmp(Path dir, String name, String gpsLatitude, String gpsLongitude) throws IOException {
    ByteArrayOutputStream image = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "jpg", image);
    byte[] jpg = image.toByteArray();
    String packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + (gpsLatitude == null ? "" : " exif:GPSLatitude=\"" + gpsLatitude + "\"")
        + (gpsLongitude == null ? "" : " exif:GPSLongitude=\"" + gpsLongitude + "\"")
        + " exif:GPSVersionID=\"2.3.0.0\"><dc:format>image/jpeg</dc:format></rdf:Description></rdf:RDF></x:xmpmeta>"
        + "<?xpacket end=\"w\"?>";
    byte[] id = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    byte[] xmp = packet.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpg, 0, 2); // SOI
    int length = 2 + id.length + xmp.length;
    out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.write(id);
    out.write(xmp);
    out.write(jpg, 2, jpg.length - 2);
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  /** A big-endian TIFF structure: IFD0 with a GPSInfo pointer, and a GPS IFD with latitude and longitude. */
  private static byte[] exifGps(int[] lat, char latRef, int[] lon, char lonRef) {
    ByteBuffer b = ByteBuffer.allocate(140);
    b.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    b.putShort((short) 1); // IFD0: one entry
    b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26); // GPSInfo -> offset 26
    b.putInt(0);
    b.putShort((short) 5); // GPS IFD at 26: five entries
    b.putShort((short) 0).putShort((short) 1).putInt(4).put(new byte[] {2, 3, 0, 0}); // GPSVersionID
    b.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {(byte) latRef, 0, 0, 0});
    b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
    b.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {(byte) lonRef, 0, 0, 0});
    b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
    b.putInt(0);
    for (int v : lat) {
      b.putInt(v).putInt(1);
    }
    for (int v : lon) {
      b.putInt(v).putInt(1);
    }
    return b.array();
  }

  static byte[] bytes(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("not found");
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static Path write(Path file, Writer writer) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      writer.write(out);
    }
    return file;
  }
}
