package dev.lagotto.agent.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lagotto.agent.scan.ScanSummary;
import dev.lagotto.core.extract.SkippedEntry;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.extract.jdbc.ColumnFinding;
import dev.lagotto.core.extract.jdbc.JdbcScanSummary;
import dev.lagotto.core.extract.jdbc.SkippedTable;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SARIF 2.1.0 report: one run whose {@code tool.driver.rules} is the rule pack; one result per
 * finding (level from {@link ConfidenceBands}, region in lines, code-point columns and bytes, the
 * fingerprint as a partial fingerprint); skipped sources as tool execution notifications; the summary in
 * the run's properties. Results stream; only the skip notifications are held until the end. Not
 * thread-safe.
 */
final class SarifWriter implements ReportWriter {
  static final String VERSION = "2.1.0";
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "lagottoFingerprint/v1";
  /** Rule id prefix of database columns classified by their name alone. */
  static final String COLUMN_NAME_RULE = "column-name/";
  private final PrintWriter out;
  private final JsonGenerator gen;
  private final Map<String, Integer> ruleIndex = new HashMap<>();
  private final List<Skip> skips = new ArrayList<>();

  SarifWriter(PrintWriter out) {
    this.out = out;
    try {
      this.gen = JsonRecords.generator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void begin(RulePack pack) {
    try {
      gen.writeStartObject();
      gen.writeStringField("$schema", SCHEMA);
      gen.writeStringField("version", VERSION);
      gen.writeArrayFieldStart("runs");
      gen.writeStartObject();
      gen.writeObjectFieldStart("tool");
      gen.writeObjectFieldStart("driver");
      gen.writeStringField("name", "lagotto");
      gen.writeStringField("semanticVersion", Versions.VERSION);
      gen.writeArrayFieldStart("rules");
      List<Rule> rules = pack.rules();
      for (int i = 0; i < rules.size(); i++) {
        Rule r = rules.get(i);
        ruleIndex.put(r.id(), i);
        gen.writeStartObject();
        gen.writeStringField("id", r.id());
        gen.writeStringField("name", r.id());
        gen.writeObjectFieldStart("shortDescription");
        gen.writeStringField("text", r.description() == null ? r.id() : r.description());
        gen.writeEndObject();
        gen.writeObjectFieldStart("defaultConfiguration");
        gen.writeStringField("level", ConfidenceBands.sarifLevel(r.confidence()));
        gen.writeEndObject();
        gen.writeObjectFieldStart("properties");
        gen.writeStringField("category", r.category().id());
        gen.writeNumberField("confidence", ConfidenceBands.rounded(r.confidence()));
        gen.writeEndObject();
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeEndObject();
      gen.writeEndObject();
      gen.writeStringField("columnKind", "unicodeCodePoints");
      gen.writeArrayFieldStart("results");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finding(Finding f) {
    try {
      gen.writeStartObject();
      gen.writeStringField("ruleId", f.rule());
      Integer index = ruleIndex.get(f.rule());
      if (index != null) {
        gen.writeNumberField("ruleIndex", index);
      }
      gen.writeStringField("level", ConfidenceBands.sarifLevel(f.confidence()));
      gen.writeObjectFieldStart("message");
      gen.writeStringField("text", f.category().id() + " found: " + f.masked());
      gen.writeEndObject();
      gen.writeArrayFieldStart("locations");
      gen.writeStartObject();
      gen.writeObjectFieldStart("physicalLocation");
      artifact(f.source());
      if (f.location() instanceof Location.Text t) {
        gen.writeObjectFieldStart("region");
        gen.writeNumberField("startLine", t.line());
        gen.writeNumberField("startColumn", t.column());
        gen.writeNumberField("byteOffset", t.offset());
        gen.writeNumberField("byteLength", t.length());
        gen.writeEndObject();
      }
      gen.writeEndObject();
      if (f.location() instanceof Location.Table t) {
        logicalLocation(t.table(), t.column());
      }
      gen.writeEndObject();
      gen.writeEndArray();
      gen.writeObjectFieldStart("partialFingerprints");
      gen.writeStringField(FINGERPRINT_KEY, f.fingerprint());
      gen.writeEndObject();
      gen.writeObjectFieldStart("properties");
      gen.writeStringField("category", f.category().id());
      gen.writeNumberField("confidence", ConfidenceBands.rounded(f.confidence()));
      gen.writeStringField("masked", f.masked());
      gen.writeStringField("host", f.source().host());
      if (f.location() instanceof Location.Text t && t.entry() != null) {
        gen.writeStringField("entry", t.entry());
      }
      if (f.location() instanceof Location.Text t && t.field() != null) {
        gen.writeStringField("field", t.field());
      }
      if (f.location() instanceof Location.Table t && t.row() != null) {
        gen.writeStringField("row", t.row());
      }
      if (f.value() != null) {
        gen.writeStringField("value", f.value());
      }
      gen.writeEndObject();
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A database column as a result: rule id the rule that matched most rows, or {@code column-name/CATEGORY} for
   * name evidence only; the database as artifact and {@code table.column} as logical location (kind
   * {@code member}); rows and evidence in the properties.
   */
  @Override
  public void column(ColumnFinding f) {
    try {
      gen.writeStartObject();
      String ruleId = f.rule() != null ? f.rule() : COLUMN_NAME_RULE + f.category().id();
      gen.writeStringField("ruleId", ruleId);
      Integer index = ruleIndex.get(ruleId);
      if (index != null) {
        gen.writeNumberField("ruleIndex", index);
      }
      gen.writeStringField("level", ConfidenceBands.sarifLevel(f.confidence()));
      gen.writeObjectFieldStart("message");
      gen.writeStringField("text", f.category().id() + " in column " + f.table() + "." + f.column() + ": "
          + f.rowsMatched() + " of " + f.rowsSampled() + " sampled rows"
          + (f.masked() == null ? " (column name)" : ", e.g. " + f.masked()));
      gen.writeEndObject();
      gen.writeArrayFieldStart("locations");
      gen.writeStartObject();
      gen.writeObjectFieldStart("physicalLocation");
      artifact(f.source());
      gen.writeEndObject();
      logicalLocation(f.table(), f.column());
      gen.writeEndObject();
      gen.writeEndArray();
      gen.writeObjectFieldStart("properties");
      gen.writeStringField("category", f.category().id());
      gen.writeNumberField("confidence", ConfidenceBands.rounded(f.confidence()));
      gen.writeNumberField("rowsMatched", f.rowsMatched());
      gen.writeNumberField("rowsNonNull", f.rowsNonNull());
      gen.writeNumberField("rowsSampled", f.rowsSampled());
      gen.writeArrayFieldStart("evidence");
      for (ColumnFinding.Evidence e : f.evidence()) {
        gen.writeString(e.id());
      }
      gen.writeEndArray();
      if (f.masked() != null) {
        gen.writeStringField("masked", f.masked());
      }
      gen.writeStringField("host", f.source().host());
      gen.writeEndObject();
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void tableSkipped(SourceRef database, SkippedTable s) {
    String where = s.table() + (s.column() == null ? "" : "." + s.column());
    skips.add(new Skip(database, new SourceResult(SourceResult.Status.SKIPPED, s.reason().id(),
        where + (s.message() == null || s.message().isEmpty() ? "" : ": " + s.message()), 0, 0)));
  }

  @Override
  public void database(SourceRef database, JdbcScanSummary summary) {}

  private void logicalLocation(String table, String column) throws IOException {
    gen.writeArrayFieldStart("logicalLocations");
    gen.writeStartObject();
    if (column != null) {
      gen.writeStringField("name", column);
      gen.writeStringField("fullyQualifiedName", table + "." + column);
      gen.writeStringField("kind", "member");
    } else {
      gen.writeStringField("name", table);
      gen.writeStringField("fullyQualifiedName", table);
      gen.writeStringField("kind", "type");
    }
    gen.writeEndObject();
    gen.writeEndArray();
  }

  private void artifact(SourceRef source) throws IOException {
    gen.writeObjectFieldStart("artifactLocation");
    gen.writeStringField("uri", source.uri());
    gen.writeEndObject();
  }

  @Override
  public void endSource(SourceRef source, SourceResult result) {
    for (SkippedEntry e : result.entries()) {
      skips.add(new Skip(source, new SourceResult(e.error() ? SourceResult.Status.FAILED : SourceResult.Status.SKIPPED,
          e.reason(), e.detail().isEmpty() ? e.entry() : e.entry() + ": " + e.detail(), 0, 0)));
    }
    if (result.status() != SourceResult.Status.SCANNED) {
      skips.add(new Skip(source, result));
    }
  }

  @Override
  public void summary(ScanSummary summary) {
    try {
      gen.writeEndArray();
      gen.writeArrayFieldStart("invocations");
      gen.writeStartObject();
      gen.writeBooleanField("executionSuccessful", summary.failed() == 0);
      gen.writeArrayFieldStart("toolExecutionNotifications");
      for (Skip s : skips) {
        boolean error = s.result.status() == SourceResult.Status.FAILED;
        gen.writeStartObject();
        gen.writeStringField("level", error ? "error" : "note");
        gen.writeObjectFieldStart("message");
        String detail = s.result.detail().isEmpty() ? "" : " (" + s.result.detail() + ")";
        gen.writeStringField("text", (error ? "failed: " : "skipped: ") + s.result.reason() + detail);
        gen.writeEndObject();
        gen.writeArrayFieldStart("locations");
        gen.writeStartObject();
        gen.writeObjectFieldStart("physicalLocation");
        artifact(s.source);
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeEndObject();
      gen.writeEndArray();
      gen.writeObjectFieldStart("properties");
      gen.writeObjectFieldStart("summary");
      JsonRecords.summary(gen, summary);
      gen.writeEndObject();
      gen.writeEndObject();
      gen.writeEndObject();
      gen.writeEndArray();
      gen.writeEndObject();
      gen.writeRaw('\n');
      gen.flush();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Skip(SourceRef source, SourceResult result) {}
}
