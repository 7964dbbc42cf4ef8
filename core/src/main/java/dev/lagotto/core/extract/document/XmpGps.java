package dev.lagotto.core.extract.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The EXIF GPS position of an image's XMP packet ({@code exif:GPSLatitude}/{@code exif:GPSLongitude} in XMP's
 * {@code "DDD,MM,SSk"} or {@code "DDD,MM.mmk"} form, as attribute or element), for images whose position is
 * only in XMP: Tika maps EXIF GPS to its geographic metadata but not XMP's. Cost: reads at most
 * {@link #SCAN_BYTES} of the file and parses one packet of at most {@link #MAX_PACKET_BYTES} with the JDK's
 * DOM parser (DOCTYPEs refused, no external entities). Stateless.
 */
final class XmpGps {

  /** Bytes searched for an XMP packet from the start of the file: 4 MiB (JPEG and PNG keep it near the start). */
  static final int SCAN_BYTES = 4 << 20;
  /** Largest XMP packet parsed: 1 MiB. */
  static final int MAX_PACKET_BYTES = 1 << 20;
  /** The namespace of XMP's EXIF schema. */
  static final String EXIF_NS = "http://ns.adobe.com/exif/1.0/";

  private static final byte[] START = "<x:xmpmeta".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "</x:xmpmeta>".getBytes(StandardCharsets.US_ASCII);

  /** Fails on errors without printing them (the JDK's default handler writes to standard error). */
  private static final ErrorHandler QUIET = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };

  private XmpGps() {}

  /** The position as {latitude, longitude} in decimal degrees, or {@code null} when absent or malformed. */
  static double[] read(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SCAN_BYTES);
    }
    int start = indexOf(head, START, 0);
    if (start < 0) {
      return null;
    }
    int end = indexOf(head, END, start);
    if (end < 0 || end + END.length - start > MAX_PACKET_BYTES) {
      return null;
    }
    return fromPacket(new ByteArrayInputStream(head, start, end + END.length - start));
  }

  /** The position in one {@code x:xmpmeta} element, or {@code null}. */
  static double[] fromPacket(InputStream packet) throws IOException {
    Document doc;
    try {
      doc = builder().parse(packet);
    } catch (SAXException | ParserConfigurationException e) {
      return null;
    }
    Double lat = coordinate(value(doc, "GPSLatitude"), 'N', 'S');
    Double lon = coordinate(value(doc, "GPSLongitude"), 'E', 'W');
    return lat == null || lon == null ? null : new double[] {lat, lon};
  }

  /**
   * An XMP GPSCoordinate ({@code "48,51.4N"}, {@code "48,51,24N"}, {@code "48.857N"}) in signed decimal degrees,
   * or {@code null} when malformed or its direction letter is not one of {@code positive}/{@code negative}.
   */
  static Double coordinate(String value, char positive, char negative) {
    if (value == null) {
      return null;
    }
    String v = value.strip().toUpperCase(Locale.ROOT);
    if (v.length() < 2) {
      return null;
    }
    char direction = v.charAt(v.length() - 1);
    if (direction != positive && direction != negative) {
      return null;
    }
    String[] parts = v.substring(0, v.length() - 1).split(",", -1);
    if (parts.length > 3) {
      return null;
    }
    double degrees = 0;
    double unit = 1;
    try {
      for (String part : parts) {
        double x = Double.parseDouble(part.strip());
        if (x < 0 || Double.isNaN(x) || Double.isInfinite(x)) {
          return null;
        }
        degrees += x / unit;
        unit *= 60;
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return direction == negative ? -degrees : degrees;
  }

  /** The value of an EXIF-schema property, written as an attribute or as a simple element. */
  private static String value(Document doc, String localName) {
    NodeList descriptions = doc.getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Description");
    for (int i = 0; i < descriptions.getLength(); i++) {
      Element d = (Element) descriptions.item(i);
      if (d.hasAttributeNS(EXIF_NS, localName)) {
        return d.getAttributeNS(EXIF_NS, localName);
      }
    }
    NodeList elements = doc.getElementsByTagNameNS(EXIF_NS, localName);
    return elements.getLength() == 0 ? null : elements.item(0).getTextContent();
  }

  private static DocumentBuilder builder() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(QUIET);
    return b;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
