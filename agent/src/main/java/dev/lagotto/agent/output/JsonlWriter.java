package dev.lagotto.agent.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lagotto.agent.scan.ScanSummary;
import dev.lagotto.core.extract.SkippedEntry;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.extract.jdbc.ColumnFinding;
import dev.lagotto.core.extract.jdbc.JdbcJson;
import dev.lagotto.core.extract.jdbc.JdbcScanSummary;
import dev.lagotto.core.extract.jdbc.SkippedTable;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.RulePack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The JSONL report: one JSON object per line, tagged by {@code type}: {@code finding}, {@code skipped}
 * (with {@code reason}, {@code error} and maybe {@code detail}; one per skipped archive entry too, with
 * {@code location.entry}) and a last {@code summary}; a database adds
 * its column findings, skipped tables and its own {@code summary} (with {@code source}) in the shapes of
 * {@link JdbcJson}. Streams: memory
 * does not grow with the number of findings. Not thread-safe.
 */
final class JsonlWriter implements ReportWriter {
  private final PrintWriter out;
  private final JsonGenerator gen;
  private final FindingLine findingLine = new FindingLine();

  JsonlWriter(PrintWriter out) {
    this.out = out;
    try {
      this.gen = JsonRecords.generator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void begin(RulePack pack) {}

  @Override
  public void finding(Finding f) {
    try {
      findingLine.write(gen, f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void endSource(SourceRef source, SourceResult result) {
    try {
      for (SkippedEntry e : result.entries()) {
        skipped(source, e.entry(), e.reason(), e.detail(), e.error());
      }
      if (result.status() != SourceResult.Status.SCANNED) {
        skipped(source, null, result.reason(), result.detail(), result.status() == SourceResult.Status.FAILED);
      }
      gen.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A skip record; {@code entry} (an archive entry's path) goes in {@code location.entry}. */
  private void skipped(SourceRef source, String entry, String reason, String detail, boolean error)
      throws IOException {
    gen.writeStartObject();
    gen.writeStringField("type", "skipped");
    JsonRecords.source(gen, source);
    if (entry != null) {
      gen.writeObjectFieldStart("location");
      gen.writeStringField("entry", entry);
      gen.writeEndObject();
    }
    gen.writeStringField("reason", reason);
    if (!detail.isEmpty()) {
      gen.writeStringField("detail", detail);
    }
    gen.writeBooleanField("error", error);
    gen.writeEndObject();
    newline();
  }

  @Override
  public void column(ColumnFinding finding) {
    tree(JdbcJson.column(finding));
  }

  @Override
  public void tableSkipped(SourceRef database, SkippedTable skipped) {
    tree(JdbcJson.skipped(database, skipped));
  }

  @Override
  public void database(SourceRef database, JdbcScanSummary summary) {
    tree(JdbcJson.summary(database, summary));
    try {
      gen.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One record built by {@link JdbcJson} (the database shapes of docs: README "Databases"). */
  private void tree(ObjectNode node) {
    try {
      Trees.MAPPER.writeTree(gen, node);
      newline();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void summary(ScanSummary summary) {
    try {
      gen.writeStartObject();
      gen.writeStringField("type", "summary");
      JsonRecords.summary(gen, summary);
      gen.writeEndObject();
      newline();
      gen.flush();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void newline() throws IOException {
    gen.writeRaw('\n');
  }

  /**
   * The mapper that writes database records, created on first use: a file scan never needs it, and Jackson
   * data binding's first use costs a tenth of the start of {@code lagotto scan}.
   */
  private static final class Trees {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Trees() {}
  }
}
