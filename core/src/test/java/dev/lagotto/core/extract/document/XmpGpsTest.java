package dev.lagotto.core.extract.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** XMP GPSCoordinate values and packets: the forms of the XMP EXIF schema, attribute and element, and refusals. */
class XmpGpsTest {

  @Test
  void coordinateForms() {
    assertThat(XmpGps.coordinate("48,51.4N", 'N', 'S')).isCloseTo(48 + 51.4 / 60, within(1e-12));
    assertThat(XmpGps.coordinate("48,51,24S", 'N', 'S')).isCloseTo(-(48 + 51 / 60.0 + 24 / 3600.0), within(1e-12));
    assertThat(XmpGps.coordinate(" 2.35e ", 'E', 'W')).isCloseTo(2.35, within(1e-12));
    assertThat(XmpGps.coordinate("0,7.5W", 'E', 'W')).isCloseTo(-0.125, within(1e-12));
  }

  @Test
  void malformedCoordinatesAreRefused() {
    assertThat(XmpGps.coordinate("48,51.4E", 'N', 'S')).as("longitude letter on a latitude").isNull();
    assertThat(XmpGps.coordinate("48,51.4", 'N', 'S')).as("no direction").isNull();
    assertThat(XmpGps.coordinate("-48,51.4N", 'N', 'S')).isNull();
    assertThat(XmpGps.coordinate("1,2,3,4N", 'N', 'S')).isNull();
    assertThat(XmpGps.coordinate("a,bN", 'N', 'S')).isNull();
    assertThat(XmpGps.coordinate("N", 'N', 'S')).isNull();
    assertThat(XmpGps.coordinate(null, 'N', 'S')).isNull();
  }

  private static double[] packet(String rdf) throws IOException {
    String xml = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
        + " xmlns:exif=\"http://ns.adobe.com/exif/1.0/\">" + rdf + "</rdf:RDF></x:xmpmeta>";
    return XmpGps.fromPacket(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void attributeAndElementForms() throws IOException {
    assertThat(packet("<rdf:Description rdf:about=\"\" exif:GPSLatitude=\"10,30N\" exif:GPSLongitude=\"20,15W\"/>"))
        .containsExactly(10.5, -20.25);
    assertThat(packet("<rdf:Description rdf:about=\"\"><exif:GPSLatitude>10,30S</exif:GPSLatitude>"
        + "<exif:GPSLongitude>20,15E</exif:GPSLongitude></rdf:Description>")).containsExactly(-10.5, 20.25);
    assertThat(packet("<rdf:Description rdf:about=\"\" exif:GPSLatitude=\"10,30N\"/>")).isNull();
  }

  @Test
  void doctypeAndBrokenXmlGiveNothing() throws IOException {
    String withDoctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
        + "&e;</x:xmpmeta>";
    assertThat(XmpGps.fromPacket(new ByteArrayInputStream(withDoctype.getBytes(StandardCharsets.UTF_8)))).isNull();
    assertThat(XmpGps.fromPacket(new ByteArrayInputStream("<x:xmpmeta".getBytes(StandardCharsets.UTF_8)))).isNull();
  }
}
