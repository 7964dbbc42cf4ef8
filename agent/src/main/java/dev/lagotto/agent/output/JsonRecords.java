package dev.lagotto.agent.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lagotto.agent.scan.ScanSummary;
import dev.lagotto.core.finding.SourceRef;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The JSON shapes shared by the JSONL and SARIF writers (field names are part of the output contract); the
 * finding record of JSONL is {@link FindingLine}.
 */
final class JsonRecords {
  private JsonRecords() {}

  /** A generator on {@code out} that never closes it and writes no separator between root values. */
  static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator gen = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out);
    gen.setRootValueSeparator(null);
    return gen;
  }

  /** {@code "source":{"kind":...,"uri":...,"host":...}}. */
  static void source(JsonGenerator gen, SourceRef source) throws IOException {
    gen.writeObjectFieldStart("source");
    gen.writeStringField("kind", source.kind());
    gen.writeStringField("uri", source.uri());
    gen.writeStringField("host", source.host());
    gen.writeEndObject();
  }

  /** The fields of a summary record after {@code type}. */
  static void summary(JsonGenerator gen, ScanSummary s) throws IOException {
    gen.writeObjectFieldStart("sources");
    gen.writeNumberField("scanned", s.scanned());
    gen.writeNumberField("skipped", s.skipped());
    gen.writeNumberField("failed", s.failed());
    gen.writeNumberField("excluded", s.excluded());
    if (s.entriesSkipped() + s.entriesFailed() > 0) {
      gen.writeNumberField("entries_skipped", s.entriesSkipped());
      gen.writeNumberField("entries_failed", s.entriesFailed());
    }
    gen.writeEndObject();
    counts(gen, "skipped_reasons", s.skipReasons());
    counts(gen, "failed_reasons", s.failReasons());
    gen.writeNumberField("bytes", s.bytes());
    gen.writeObjectFieldStart("findings");
    gen.writeNumberField("total", s.findings());
    counts(gen, "by_category", s.findingsByCategory());
    gen.writeEndObject();
    if (s.tablesScanned() + s.tablesSkipped() > 0 || !s.tableSkipReasons().isEmpty()) {
      gen.writeObjectFieldStart("tables");
      gen.writeNumberField("scanned", s.tablesScanned());
      gen.writeNumberField("skipped", s.tablesSkipped());
      counts(gen, "skipped_reasons", s.tableSkipReasons());
      gen.writeNumberField("rows", s.rowsScanned());
      gen.writeEndObject();
    }
    gen.writeNumberField("elapsed_seconds", Math.round(s.elapsedSeconds() * 1000) / 1000.0);
    gen.writeStringField("fingerprint_key", s.keyOrigin());
  }

  private static void counts(JsonGenerator gen, String name, Map<String, Long> counts) throws IOException {
    gen.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      gen.writeNumberField(e.getKey(), e.getValue());
    }
    gen.writeEndObject();
  }
}
