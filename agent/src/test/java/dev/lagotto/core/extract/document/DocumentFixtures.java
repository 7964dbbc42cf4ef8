package dev.lagotto.core.extract.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The document builders of core's tests ({@link Fixtures}, package-private there), opened to the CLI tests. */
public final class DocumentFixtures {
  private DocumentFixtures() {}

  public static Path docx(Path dir, String name, String body, String author, String lastModifiedBy) throws IOException {
    return Fixtures.docx(dir, name, body, author, lastModifiedBy);
  }

  public static Path zip(Path dir, String name, Map<String, byte[]> entries) throws IOException {
    return Fixtures.zip(dir, name, entries);
  }

  public static Path tarGz(Path dir, String name, Map<String, byte[]> entries) throws IOException {
    return Fixtures.tarGz(dir, name, entries);
  }

  public static Path gzip(Path dir, String name, byte[] content) throws IOException {
    return Fixtures.gzip(dir, name, content);
  }

  public static Path pdf(Path dir, String name, String author, String userPassword, String... pages) throws IOException {
    return Fixtures.pdf(dir, name, author, userPassword, pages);
  }

  public static Path zipWithEncryptedEntry(Path dir, String name, String lockedEntry, String openEntry, byte[] content)
      throws IOException {
    return Fixtures.zipWithEncryptedEntry(dir, name, lockedEntry, openEntry, content);
  }

  public static Path zipBomb(Path dir, String name, String entry, int size) throws IOException {
    return Fixtures.zipBomb(dir, name, entry, size);
  }

  public static Path jpeg(Path dir, String name, int[] latDms, char latRef, int[] lonDms, char lonRef) throws IOException {
    return Fixtures.jpeg(dir, name, latDms, latRef, lonDms, lonRef);
  }

  public static Path jpegXmp(Path dir, String name, String gpsLatitude, String gpsLongitude) throws IOException {
    return Fixtures.jpegXmp(dir, name, gpsLatitude, gpsLongitude);
  }

  public static Path resource(Path dir, String name) throws IOException {
    return Fixtures.resource(dir, name);
  }

  public static Path ppt(Path dir, String name, String slideText) throws IOException {
    return Fixtures.ppt(dir, name, slideText);
  }

  public static Path msg(Path dir, String name, String subject, String body, String senderName, String senderEmail,
      String recipientName, String recipientEmail) throws IOException {
    return Fixtures.msg(dir, name, subject, body, senderName, senderEmail, recipientName, recipientEmail);
  }

  public static byte[] bytes(Path file) throws IOException {
    return Fixtures.bytes(file);
  }
}
