package dev.lagotto.core.extract.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tika.metadata.Geographic;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.OfficeOpenXMLExtended;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * The metadata of a parsed document that may hold personal data, as named fields: people (author, last
 * modifier, manager, e-mail headers), free text that often names people (title, subject), and the GPS position.
 * Cost: linear in the number of metadata values. Stateless.
 */
final class MetadataFields {

  /** Field name to the Tika metadata keys read for it, in order. */
  private static final Map<String, List<String>> FIELDS = fields();

  private MetadataFields() {}

  private static Map<String, List<String>> fields() {
    Map<String, List<String>> f = new LinkedHashMap<>();
    f.put("From", List.of(Message.MESSAGE_FROM, Message.MESSAGE_FROM_EMAIL.getName()));
    f.put("To", List.of(Message.MESSAGE_TO));
    f.put("Cc", List.of(Message.MESSAGE_CC));
    f.put("Bcc", List.of(Message.MESSAGE_BCC));
    f.put("Reply-To", List.of(Message.MESSAGE_RAW_HEADER_PREFIX + "Reply-To"));
    f.put("author", List.of(TikaCoreProperties.CREATOR.getName(), Office.AUTHOR.getName()));
    f.put("last-modified-by", List.of(TikaCoreProperties.MODIFIER.getName(), Office.LAST_AUTHOR.getName()));
    f.put("manager", List.of(OfficeOpenXMLExtended.MANAGER.getName()));
    f.put("title", List.of(TikaCoreProperties.TITLE.getName()));
    f.put("subject", List.of(TikaCoreProperties.SUBJECT.getName()));
    return f;
  }

  /** A metadata field and its distinct values joined by newlines. */
  record Field(String name, String text) {}

  /**
   * The non-blank fields of a document, in a fixed order. A value already given under an earlier field (an
   * e-mail's author is its {@code From}, its title its subject) is not repeated.
   */
  static List<Field> of(Metadata metadata) {
    List<Field> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Map.Entry<String, List<String>> field : FIELDS.entrySet()) {
      Set<String> values = new LinkedHashSet<>();
      for (String key : field.getValue()) {
        for (String value : metadata.getValues(key)) {
          String v = value.strip();
          if (!v.isEmpty() && !seen.contains(v)) {
            values.add(v);
          }
        }
      }
      if (field.getKey().equals("From")) {
        values.removeAll(bareAddressesRepeated(values));
      }
      if (!values.isEmpty()) {
        seen.addAll(values);
        out.add(new Field(field.getKey(), String.join("\n", values)));
      }
    }
    return out;
  }

  /** Bare addresses ({@code a@example.com}) also present in a {@code Name <a@example.com>} value. */
  private static Set<String> bareAddressesRepeated(Set<String> values) {
    Set<String> bare = new LinkedHashSet<>();
    for (String v : values) {
      for (String other : values) {
        if (!v.contains("<") && other.contains("<" + v + ">")) {
          bare.add(v);
        }
      }
    }
    return bare;
  }

  /** The GPS position as {latitude, longitude}, or {@code null} when absent or out of range. */
  static double[] gps(Metadata metadata) {
    String lat = metadata.get(Geographic.LATITUDE);
    String lon = metadata.get(Geographic.LONGITUDE);
    if (lat == null || lon == null) {
      return null;
    }
    try {
      double la = Double.parseDouble(lat.strip());
      double lo = Double.parseDouble(lon.strip());
      if (Math.abs(la) > 90 || Math.abs(lo) > 180 || Double.isNaN(la) || Double.isNaN(lo)) {
        return null;
      }
      return new double[] {la, lo};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
