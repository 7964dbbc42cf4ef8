package dev.lagotto.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JSONL finding records of {@link FindingLine} (through {@link JsonlWriter}, in bytes) against a Jackson
 * generator writing the same record through a UTF-8 {@link OutputStreamWriter}, as the report was written
 * before the byte path.
 */
class FindingLineTest {
  /** Characters that JSON escapes or that are easy to get wrong: controls, quote, backslash, non-ASCII, surrogates. */
  private static final String ALPHABET = "aZ09@.:-_ /\"\\\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080é°ü中\u2028\u2029\ud83d\ude00\ud800\udfff";

  /** The record as the generator-based writer wrote it before {@link FindingLine}: the oracle. */
  private static void oracle(JsonGenerator gen, Finding f) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("type", "finding");
    gen.writeStringField("category", f.category().id());
    gen.writeStringField("rule", f.rule());
    gen.writeNumberField("confidence", ConfidenceBands.rounded(f.confidence()));
    JsonRecords.source(gen, f.source());
    gen.writeObjectFieldStart("location");
    if (f.location() instanceof Location.Text t) {
      gen.writeNumberField("line", t.line());
      gen.writeNumberField("column", t.column());
      gen.writeNumberField("offset", t.offset());
      gen.writeNumberField("length", t.length());
      if (t.entry() != null) {
        gen.writeStringField("entry", t.entry());
      }
      if (t.field() != null) {
        gen.writeStringField("field", t.field());
      }
      if (t.extracted()) {
        gen.writeBooleanField("extracted", true);
      }
    } else if (f.location() instanceof Location.Table t) {
      gen.writeStringField("table", t.table());
      if (t.column() != null) {
        gen.writeStringField("column", t.column());
      }
      if (t.row() != null) {
        gen.writeStringField("row", t.row());
      }
    }
    gen.writeEndObject();
    gen.writeStringField("masked", f.masked());
    gen.writeStringField("fingerprint", f.fingerprint());
    if (f.value() != null) {
      gen.writeStringField("value", f.value());
    }
    gen.writeEndObject();
    gen.writeRaw('\n');
  }

  private static String text(Random r, int max) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      b.append(r.nextInt(3) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : (char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  private static String maybe(Random r, String s) {
    return r.nextInt(3) == 0 ? null : s;
  }

  private static Finding finding(Random r, List<SourceRef> sources) {
    Location location = r.nextInt(4) == 0
        ? new Location.Table(text(r, 12), maybe(r, text(r, 8)), maybe(r, text(r, 6)))
        : new Location.Text(r.nextInt(1 << 20) + 1L, r.nextInt(5000) + 1L, r.nextLong() & Long.MAX_VALUE,
            r.nextInt(200), maybe(r, text(r, 20)), maybe(r, text(r, 5)), r.nextBoolean());
    double confidence = switch (r.nextInt(6)) {
      case 0 -> r.nextInt(101) / 100.0;
      case 1 -> r.nextDouble() * 3 - 1;
      case 2 -> Double.NaN;
      default -> r.nextDouble();
    };
    Category category = Category.values()[r.nextInt(Category.values().length)];
    return new Finding(category, text(r, 15), confidence, sources.get(r.nextInt(sources.size())), location,
        text(r, 30), text(r, 64), maybe(r, text(r, 40)));
  }

  @Test
  void writesWhatTheGeneratorWrites() throws IOException {
    long seed = System.nanoTime();
    System.out.println("FindingLineTest seed " + seed);
    Random r = new Random(seed);
    List<SourceRef> sources = List.of(new SourceRef("file", "file:///var/log/app.log", "host1.example.com"),
        new SourceRef("file", "file:///tmp/d%C3%A9j%C3%A0 vu/\"q\".log", "hôst\t2"),
        new SourceRef("stdin", "stdin:", "host1.example.com"));
    ByteArrayOutputStream expectedBytes = new ByteArrayOutputStream();
    Writer expected = new OutputStreamWriter(expectedBytes, StandardCharsets.UTF_8);
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    JsonlWriter writer = new JsonlWriter(actual);
    List<Finding> findings = new ArrayList<>();
    try (JsonGenerator gen = JsonRecords.generator(expected)) {
      for (int i = 0; i < 5_000; i++) {
        Finding f = finding(r, sources);
        findings.add(f);
        oracle(gen, f);
        writer.finding(f);
        if (i % 997 == 0) {
          writer.endSource(f.source(), SourceResult.scanned(1, 1));
          writer.endSource(f.source(), SourceResult.skipped("empty", ""));
          gen.writeStartObject();
          gen.writeStringField("type", "skipped");
          JsonRecords.source(gen, f.source());
          gen.writeStringField("reason", "empty");
          gen.writeBooleanField("error", false);
          gen.writeEndObject();
          gen.writeRaw('\n');
        }
      }
    }
    writer.endSource(sources.get(0), SourceResult.scanned(1, 1));
    expected.flush();
    // byte for byte, as Latin-1 text (one char per byte): what the character path wrote through a UTF-8 writer
    String[] want = expectedBytes.toString(StandardCharsets.ISO_8859_1).split("\n", -1);
    String[] got = actual.toString(StandardCharsets.ISO_8859_1).split("\n", -1);
    assertThat(got).hasSameSizeAs(want);
    for (int i = 0; i < want.length; i++) {
      assertThat(got[i]).as("line %d (seed %d)", i + 1, seed).isEqualTo(want[i]);
    }
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(got[0].getBytes(StandardCharsets.ISO_8859_1));
    // an unpaired surrogate is written as '?', as String.getBytes and the UTF-8 writer both write it
    String masked = findings.get(0).masked();
    assertThat(first.get("masked").asText()).isEqualTo(new String(masked.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  @Test
  void writesConfidencesAsTheGeneratorDoes() throws IOException {
    for (int k = -20; k <= 1020; k++) {
      for (double c : new double[] {k / 1000.0, k / 1000.0 + 0.0004, k / 1000.0 - 0.0005, k / 1000.0 + 0.0005}) {
        StringWriter w = new StringWriter();
        try (JsonGenerator gen = JsonRecords.generator(w)) {
          gen.writeNumber(ConfidenceBands.rounded(c));
        }
        assertThat(FindingLine.confidence(c)).as("%s", c).isEqualTo(w.toString());
      }
    }
  }
}
