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
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSONL report: one JSON object per line, tagged by {@code type}: {@code finding}, {@code skipped}
 * (with {@code reason}, {@code error} and maybe {@code detail}; one per skipped archive entry too, with
 * {@code location.entry}) and a last {@code summary}; a database adds
 * its column findings, skipped tables and its own {@code summary} (with {@code source}) in the shapes of
 * {@link JdbcJson}. Writes UTF-8 bytes: the finding records from {@link FindingLine}, the others from a
 * character generator encoded by {@link ByteLine} (the bytes an {@link java.io.OutputStreamWriter} would
 * write for the generator's text). Streams: memory does not grow with the number of findings; bytes go to
 * {@code out} in pieces of about {@value #FLUSH_BYTES} and at the end of each source. Not thread-safe.
 */
final class JsonlWriter implements ReportWriter {
  /** Bytes gathered before they are written to the stream. */
  static final int FLUSH_BYTES = 1 << 16;
  private final OutputStream out;
  private final ByteLine pending = new ByteLine();
  /** The text of the records other than findings, moved to {@link #pending} after each one. */
  private final StringWriter records = new StringWriter();
  private final JsonGenerator gen;
  private final FindingLine findingLine = new FindingLine();

  /** A writer on {@code out}, which it flushes after each source and never closes. */
  JsonlWriter(OutputStream out) {
    this.out = out;
    try {
      this.gen = JsonRecords.generator(records);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void begin(RulePack pack) {}

  @Override
  public void finding(Finding f) {
    findingLine.write(pending, f);
    if (pending.length() >= FLUSH_BYTES) {
      try {
        pending.drainTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
      flush();
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
      flush();
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
      flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends a record written through the generator: its line feed, and its text moved to {@link #pending}. */
  private void newline() throws IOException {
    gen.writeRaw('\n');
    gen.flush();
    StringBuffer text = records.getBuffer();
    pending.utf8(text);
    text.setLength(0);
  }

  /** Writes what is pending and flushes {@code out}. */
  private void flush() throws IOException {
    pending.drainTo(out);
    out.flush();
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
