package dev.lagotto.agent.daemon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The NDJSON lines the agent sends to {@code POST /api/v1/findings} (the server's batch schema):
 *
 * <pre>
 * {"type":"finding","category":"email","rule":"email","confidence":0.9,
 *  "source":{"kind":"file","uri":"file:///var/log/app.log","host":"web-1"},
 *  "location":{"line":12,"last_line":980},"masked":"j***@example.com","fingerprint":"64 hex",
 *  "count":42,"first_seen":"2026-01-31T12:00:00Z","last_seen":"2026-01-31T12:05:00Z"}
 * {"type":"skipped","reason":"deleted","source":{"kind":"file","uri":"file:///srv/old.csv","host":"web-1"},
 *  "time":"2026-01-31T12:05:00Z"}
 * {"type":"present","source":{...},"time":"..."}
 * {"type":"rescanned","source":{...},"time":"..."}
 * </pre>
 *
 * Source lines follow the findings they concern. {@code deleted}: a scanned file no longer exists, the
 * server closes its exposures. {@code present}: the file is unchanged since it was last read, its open
 * exposures are still there (last seen moves to {@code time}, so retention keeps them). {@code rescanned}:
 * the file changed and was read again completely at {@code time}; every exposure still in it was sent with
 * {@code last_seen} = {@code time} (count 0 when it has no new occurrence), the others are closed. Never a
 * raw value. Stateless; each call allocates its own generator.
 */
public final class WireRecords {
  public static final String DELETED = "deleted";
  private static final JsonFactory JSON = new JsonFactory();
  private static final double CONFIDENCE_STEP = 1000.0;

  private WireRecords() {}

  /** Appends one {@code finding} line (with its newline). */
  public static void finding(ByteArrayOutputStream out, ExposureRecord r) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      ExposureRecord.Key k = r.key();
      g.writeStartObject();
      g.writeStringField("type", "finding");
      g.writeStringField("category", k.category());
      g.writeStringField("rule", k.rule());
      g.writeNumberField("confidence", Math.round(Math.min(1, Math.max(0, r.confidence())) * CONFIDENCE_STEP) / CONFIDENCE_STEP);
      source(g, r.kind(), k.uri(), k.host());
      if (r.firstLine() > 0 || k.entry() != null || k.table() != null) {
        g.writeObjectFieldStart("location");
        if (r.firstLine() > 0) {
          g.writeNumberField("line", r.firstLine());
          g.writeNumberField("last_line", Math.max(r.firstLine(), r.lastLine()));
        }
        if (k.entry() != null) {
          g.writeStringField("entry", k.entry());
        }
        if (k.table() != null) {
          g.writeStringField("table", k.table());
          if (k.column() != null) {
            g.writeStringField("column", k.column());
          }
        }
        g.writeEndObject();
      }
      g.writeStringField("masked", r.masked());
      g.writeStringField("fingerprint", k.fingerprint());
      g.writeNumberField("count", r.count());
      g.writeStringField("first_seen", r.firstSeen().toString());
      g.writeStringField("last_seen", r.lastSeen().toString());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
  }

  /** What the agent reports about a whole source. */
  public enum SourceEvent {
    /** The source no longer exists. */
    DELETED,
    /** The source is unchanged since it was last read. */
    PRESENT,
    /** The source changed and was read again completely. */
    RESCANNED
  }

  /** Appends one source line (with its newline). */
  public static void source(ByteArrayOutputStream out, Outbox.SourceLine line) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      switch (line.event()) {
        case DELETED -> {
          g.writeStringField("type", "skipped");
          g.writeStringField("reason", DELETED);
        }
        case PRESENT -> g.writeStringField("type", "present");
        case RESCANNED -> g.writeStringField("type", "rescanned");
      }
      source(g, line.kind(), line.uri(), line.host());
      g.writeStringField("time", line.time().toString());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
  }

  private static void source(JsonGenerator g, String kind, String uri, String host) throws IOException {
    g.writeObjectFieldStart("source");
    g.writeStringField("kind", kind);
    g.writeStringField("uri", uri);
    g.writeStringField("host", host);
    g.writeEndObject();
  }
}
