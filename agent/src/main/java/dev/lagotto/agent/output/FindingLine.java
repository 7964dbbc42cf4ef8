package dev.lagotto.agent.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The JSONL bytes of one {@code finding} record, written without a generator: the UTF-8 encoding (as
 * {@link ByteLine} encodes) of the same characters, field for field, as a Jackson {@link JsonGenerator} made
 * by {@link JsonRecords#generator} writes for the record (strings escaped by Jackson's own
 * {@link JsonStringEncoder}, numbers as the generator writes them). The {@code source} object, the same for
 * every finding of a source, is encoded once per source; a confidence (rounded to
 * {@link ConfidenceBands#rounded}) is looked up in a table made by a generator. Cost per record: a pass over
 * its characters into the caller's buffer. Not thread-safe; one per writer.
 */
final class FindingLine {
  /** Confidences {@code k / 1000} whose text is kept; others are written through a generator. */
  private static final int CONFIDENCE_STEPS = 1000;
  /**
   * The text of {@code k / CONFIDENCE_STEPS} at index {@code k}, and its UTF-8, filled on first use (a scan reports
   * a few distinct confidences; making all 1,001 texts cost a twentieth of the start of {@code lagotto scan}). A
   * race only computes the same immutable value twice.
   */
  private static final String[] CONFIDENCE_TEXT = new String[CONFIDENCE_STEPS + 1];
  private static final byte[][] CONFIDENCE_BYTES = new byte[CONFIDENCE_STEPS + 1][];
  private static final JsonStringEncoder ESCAPER = JsonStringEncoder.getInstance();
  private static final byte[] START = ByteLine.ascii("{\"type\":\"finding\",\"category\":");
  private static final byte[] RULE = ByteLine.ascii(",\"rule\":");
  private static final byte[] CONFIDENCE = ByteLine.ascii(",\"confidence\":");
  private static final byte[] SOURCE = ByteLine.ascii(",\"source\":");
  private static final byte[] LOCATION_LINE = ByteLine.ascii(",\"location\":{\"line\":");
  private static final byte[] COLUMN = ByteLine.ascii(",\"column\":");
  private static final byte[] OFFSET = ByteLine.ascii(",\"offset\":");
  private static final byte[] LENGTH = ByteLine.ascii(",\"length\":");
  private static final byte[] ENTRY = ByteLine.ascii(",\"entry\":");
  private static final byte[] FIELD = ByteLine.ascii(",\"field\":");
  private static final byte[] EXTRACTED = ByteLine.ascii(",\"extracted\":true");
  private static final byte[] LOCATION_TABLE = ByteLine.ascii(",\"location\":{\"table\":");
  private static final byte[] ROW = ByteLine.ascii(",\"row\":");
  private static final byte[] MASKED = ByteLine.ascii("},\"masked\":");
  private static final byte[] FINGERPRINT = ByteLine.ascii(",\"fingerprint\":");
  private static final byte[] VALUE = ByteLine.ascii(",\"value\":");
  private static final byte[] END = ByteLine.ascii("}\n");
  private static final byte[] NULL = ByteLine.ascii("null");
  private static final byte QUOTE = '"';

  private final ByteLine sourceText = new ByteLine();
  private SourceRef lastSource;
  private byte[] lastSourceBytes;

  /** Appends the record of {@code f} and its line feed to {@code b}. */
  void write(ByteLine b, Finding f) {
    b.append(START);
    string(b, f.category().id());
    b.append(RULE);
    string(b, f.rule());
    b.append(CONFIDENCE).append(confidenceBytes(f.confidence()));
    b.append(SOURCE).append(source(f.source()));
    if (f.location() instanceof Location.Text t) {
      text(b, t);
    } else if (f.location() instanceof Location.Table t) {
      table(b, t);
    }
    b.append(MASKED);
    string(b, f.masked());
    b.append(FINGERPRINT);
    string(b, f.fingerprint());
    optional(b, VALUE, f.value());
    b.append(END);
  }

  /** The {@code source} object of {@code ref}: encoded once while the findings come from the same source. */
  private byte[] source(SourceRef ref) {
    if (ref != lastSource && !ref.equals(lastSource)) {
      ByteLine b = sourceText;
      b.clear();
      b.append(ByteLine.ascii("{\"kind\":"));
      string(b, ref.kind());
      b.append(ByteLine.ascii(",\"uri\":"));
      string(b, ref.uri());
      b.append(ByteLine.ascii(",\"host\":"));
      string(b, ref.host());
      b.append((byte) '}');
      lastSourceBytes = Arrays.copyOf(b.array(), b.length());
    }
    lastSource = ref;
    return lastSourceBytes;
  }

  private static void text(ByteLine b, Location.Text t) {
    b.append(LOCATION_LINE).decimal(t.line()).append(COLUMN).decimal(t.column())
        .append(OFFSET).decimal(t.offset()).append(LENGTH).decimal(t.length());
    optional(b, ENTRY, t.entry());
    optional(b, FIELD, t.field());
    if (t.extracted()) {
      b.append(EXTRACTED);
    }
  }

  private static void table(ByteLine b, Location.Table t) {
    b.append(LOCATION_TABLE);
    string(b, t.table());
    optional(b, COLUMN, t.column());
    optional(b, ROW, t.row());
  }

  /** {@code name} (e.g. {@code ,"entry":}) and {@code value} as a JSON string, left out when {@code value} is {@code null}. */
  private static void optional(ByteLine b, byte[] name, String value) {
    if (value != null) {
      b.append(name);
      string(b, value);
    }
  }

  /** {@code s} as a JSON string, or {@code null}: what the generator writes for a string value. */
  static void string(ByteLine b, String s) {
    if (s == null) {
      b.append(NULL);
      return;
    }
    b.append(QUOTE);
    if (!b.appendPlain(s)) {
      StringBuilder escaped = new StringBuilder(s.length() + 16);
      ESCAPER.quoteAsString(s, escaped);
      b.utf8(escaped);
    }
    b.append(QUOTE);
  }

  /** The UTF-8 of {@link #confidence}. */
  private static byte[] confidenceBytes(double confidence) {
    long k = Math.round(confidence * CONFIDENCE_STEPS);
    if (k >= 0 && k <= CONFIDENCE_STEPS) {
      byte[] bytes = CONFIDENCE_BYTES[(int) k];
      if (bytes == null) {
        bytes = ByteLine.ascii(confidence(confidence));
        CONFIDENCE_BYTES[(int) k] = bytes;
      }
      return bytes;
    }
    return ByteLine.ascii(generated(ConfidenceBands.rounded(confidence)));
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
