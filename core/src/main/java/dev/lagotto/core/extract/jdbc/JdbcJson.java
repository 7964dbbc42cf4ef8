package dev.lagotto.core.extract.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;

/**
 * The JSONL shapes of database results, as Jackson trees (one object per line; the CLI writes them).
 * Stateless and thread-safe.
 *
 * <pre>
 * {"type":"finding","category":"email","confidence":0.99,"source":{"kind":"jdbc","uri":"jdbc:postgresql://db1/shop","host":"h"},
 *  "location":{"table":"public.customer","column":"email"},"rows_matched":812,"rows_non_null":1000,"rows_sampled":1000,
 *  "evidence":["name","values"],"masked":"j***@example.com","rule":"email"}
 * {"type":"finding","category":"email",...,"location":{"table":"public.customer","column":"email","row":"17"},"masked":...,"fingerprint":...}
 * {"type":"skipped","source":{...},"location":{"table":"public.secret"},"reason":"permission_denied","message":"...","rows_read":0}
 * {"type":"summary","source":{...},"tables_scanned":12,"tables_skipped":1,"rows_scanned":120000,...}
 * </pre>
 */
public final class JdbcJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JdbcJson() {}

  /**
   * A sink that renders every result as one JSON object for {@code out} (one JSONL line each); pass the
   * same {@code host} as to the {@link DatabaseScanner}.
   */
  public static JdbcScanSink sink(String uri, String host, java.util.function.Consumer<ObjectNode> out) {
    SourceRef src = new SourceRef("jdbc", JdbcUris.redact(uri), host);
    return new JdbcScanSink() {
      @Override
      public void column(ColumnFinding finding) {
        out.accept(JdbcJson.column(finding));
      }

      @Override
      public void skipped(SkippedTable skipped) {
        out.accept(JdbcJson.skipped(src, skipped));
      }

      @Override
      public void row(Finding finding) {
        out.accept(JdbcJson.row(finding));
      }
    };
  }

  /** A column-level finding. */
  public static ObjectNode column(ColumnFinding f) {
    ObjectNode o = F.objectNode();
    o.put("type", "finding");
    o.put("category", f.category().id());
    o.put("confidence", f.confidence());
    o.set("source", source(f.source()));
    o.set("location", location(f.location()));
    o.put("rows_matched", f.rowsMatched());
    o.put("rows_non_null", f.rowsNonNull());
    o.put("rows_sampled", f.rowsSampled());
    ArrayNode ev = o.putArray("evidence");
    f.evidence().forEach(e -> ev.add(e.id()));
    if (f.masked() != null) {
      o.put("masked", f.masked());
    }
    if (f.rule() != null) {
      o.put("rule", f.rule());
    }
    return o;
  }

  /** A row-level finding ({@code --per-row}); {@code value} only when the finding carries one ({@code --reveal}). */
  public static ObjectNode row(Finding f) {
    ObjectNode o = F.objectNode();
    o.put("type", "finding");
    o.put("category", f.category().id());
    o.put("rule", f.rule());
    o.put("confidence", f.confidence());
    o.set("source", source(f.source()));
    if (f.location() instanceof Location.Table t) {
      o.set("location", location(t));
    }
    o.put("masked", f.masked());
    o.put("fingerprint", f.fingerprint());
    if (f.value() != null) {
      o.put("value", f.value());
    }
    return o;
  }

  /** A skipped table or column. */
  public static ObjectNode skipped(SourceRef source, SkippedTable s) {
    ObjectNode o = F.objectNode();
    o.put("type", "skipped");
    o.set("source", source(source));
    o.set("location", location(new Location.Table(s.table(), s.column(), null)));
    o.put("reason", s.reason().id());
    o.put("error", true);
    o.put("message", s.message());
    o.put("rows_read", s.rowsRead());
    return o;
  }

  /** The counts of a scan. */
  public static ObjectNode summary(SourceRef source, JdbcScanSummary s) {
    ObjectNode o = F.objectNode();
    o.put("type", "summary");
    o.set("source", source(source));
    o.put("tables_scanned", s.tablesScanned());
    o.put("tables_skipped", s.tablesSkipped());
    o.put("rows_scanned", s.rowsScanned());
    o.put("values_scanned", s.valuesScanned());
    o.put("binary_columns_skipped", s.binaryColumnsSkipped());
    o.put("column_findings", s.columnFindings());
    o.put("row_findings", s.rowFindings());
    o.put("elapsed_ms", s.elapsed().toMillis());
    return o;
  }

  /** {@code {"kind":"jdbc","uri":...,"host":...}}; the URI is already stripped of credentials. */
  public static ObjectNode source(SourceRef s) {
    ObjectNode o = F.objectNode();
    o.put("kind", s.kind());
    o.put("uri", s.uri());
    if (s.host() != null) {
      o.put("host", s.host());
    }
    return o;
  }

  /** {@code {"table":...,"column":...,"row":...}}, leaving out absent parts. */
  public static ObjectNode location(Location.Table t) {
    ObjectNode o = F.objectNode();
    o.put("table", t.table());
    if (t.column() != null) {
      o.put("column", t.column());
    }
    if (t.row() != null) {
      o.put("row", t.row());
    }
    return o;
  }
}
