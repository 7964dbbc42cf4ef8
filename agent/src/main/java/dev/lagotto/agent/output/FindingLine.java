package dev.lagotto.agent.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSONL text of one {@code finding} record, written without a generator: the same characters, field
 * for field, as a Jackson {@link JsonGenerator} made by {@link JsonRecords#generator} writes for the record
 * (strings escaped by Jackson's own {@link JsonStringEncoder}, numbers as the generator writes them). The
 * {@code source} object, the same for every finding of a source, is escaped once per source; a confidence
 * (rounded to {@link ConfidenceBands#rounded}) is looked up in a table made by a generator. Cost per record:
 * a pass over its characters into a reused buffer. Not thread-safe; one per writer.
 */
final class FindingLine {
  /** Confidences {@code k / 1000} whose text is kept; others are written through a generator. */
  private static final int CONFIDENCE_STEPS = 1000;
  /**
   * The text of {@code k / CONFIDENCE_STEPS} at index {@code k}, filled on first use (a scan reports a few
   * distinct confidences; making all 1,001 texts cost a twentieth of the start of {@code lagotto scan}). A
   * race only computes the same immutable text twice.
   */
  private static final String[] CONFIDENCE_TEXT = new String[CONFIDENCE_STEPS + 1];
  private static final JsonStringEncoder ESCAPER = JsonStringEncoder.getInstance();

  private final StringBuilder line = new StringBuilder(512);
  private char[] chars = new char[512];
  private SourceRef lastSource;
  private String lastSourceText;

  /**
   * Writes the record of {@code f} and its line feed through {@code gen}, which must stand between root
   * values (as after a previous record).
   */
  void write(JsonGenerator gen, Finding f) throws IOException {
    StringBuilder b = line;
    b.setLength(0);
    b.append("{\"type\":\"finding\",\"category\":");
    string(b, f.category().id());
    field(b, "rule", f.rule());
    b.append(",\"confidence\":").append(confidence(f.confidence()));
    b.append(",\"source\":").append(source(f.source()));
    b.append(",\"location\":");
    location(b, f.location());
    field(b, "masked", f.masked());
    field(b, "fingerprint", f.fingerprint());
    optional(b, "value", f.value());
    b.append("}\n");
    int n = b.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, 2 * chars.length)];
    }
    b.getChars(0, n, chars, 0);
    gen.writeRaw(chars, 0, n);
  }

  /** The {@code source} object of {@code ref}: escaped once while the findings come from the same source. */
  private String source(SourceRef ref) {
    if (ref != lastSource && !ref.equals(lastSource)) {
      StringBuilder b = new StringBuilder(64 + ref.uri().length());
      b.append("{\"kind\":");
      string(b, ref.kind());
      field(b, "uri", ref.uri());
      field(b, "host", ref.host());
      b.append('}');
      lastSourceText = b.toString();
    }
    lastSource = ref;
    return lastSourceText;
  }

  private static void location(StringBuilder b, Location location) {
    b.append('{');
    if (location instanceof Location.Text t) {
      b.append("\"line\":").append(t.line()).append(",\"column\":").append(t.column())
          .append(",\"offset\":").append(t.offset()).append(",\"length\":").append(t.length());
      optional(b, "entry", t.entry());
      optional(b, "field", t.field());
      if (t.extracted()) {
        b.append(",\"extracted\":true");
      }
    } else if (location instanceof Location.Table t) {
      b.append("\"table\":");
      string(b, t.table());
      optional(b, "column", t.column());
      optional(b, "row", t.row());
    }
    b.append('}');
  }

  /** {@code ,"name":} and {@code value} as a JSON string ({@code null} written as such). */
  private static void field(StringBuilder b, String name, String value) {
    b.append(",\"").append(name).append("\":");
    string(b, value);
  }

  /** {@link #field}, left out when {@code value} is {@code null}. */
  private static void optional(StringBuilder b, String name, String value) {
    if (value != null) {
      field(b, name, value);
    }
  }

  /** {@code s} as a JSON string, or {@code null}: what the generator writes for a string value. */
  static void string(StringBuilder b, String s) {
    if (s == null) {
      b.append("null");
      return;
    }
    b.append('"');
    if (plain(s)) {
      b.append(s);
    } else {
      ESCAPER.quoteAsString(s, b);
    }
    b.append('"');
  }

  /** Whether {@code s} has no character that JSON escapes: no control character, quote or backslash. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** The text the generator writes for {@link ConfidenceBands#rounded} of {@code confidence}. */
  static String confidence(double confidence) {
    long k = Math.round(confidence * CONFIDENCE_STEPS);
    if (k >= 0 && k <= CONFIDENCE_STEPS) {
      String text = CONFIDENCE_TEXT[(int) k];
      if (text == null) {
        text = generated(k / (double) CONFIDENCE_STEPS);
        CONFIDENCE_TEXT[(int) k] = text;
      }
      return text;
    }
    return generated(ConfidenceBands.rounded(confidence));
  }

  /** The text of {@code value} as a root number written by a generator of {@link JsonRecords#generator}. */
  private static String generated(double value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator gen = JsonRecords.generator(text)) {
      gen.writeNumber(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
