package dev.lagotto.agent.server.store;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene document layout of an exposure and of an applied-batch marker: field names, which fields
 * are keywords, numbers, times or full text, and the conversion both ways. Stateless.
 *
 * <p>Searchable fields: keywords {@code host kind uri path entry table column category rule fingerprint
 * tags id state}; numbers {@code confidence count first_line last_line}; times {@code first_seen last_seen closed_at}
 * (ISO-8601, {@code YYYY-MM-DD}, epoch millis or {@code now-7d}); full text {@code text} (the default
 * field: host, uri, place, category, rule and tags, tokenised).
 */
public final class ExposureFields {
  public static final String DOC = "doc";
  public static final String DOC_EXPOSURE = "exposure";
  public static final String DOC_BATCH = "batch";
  public static final String BATCH_ID = "batch_id";
  public static final String APPLIED_AT = "applied_at";

  public static final String ID = "id";
  public static final String HOST = "host";
  public static final String KIND = "kind";
  public static final String URI_FIELD = "uri";
  public static final String PATH = "path";
  public static final String ENTRY = "entry";
  public static final String TABLE = "table";
  public static final String COLUMN = "column";
  public static final String CATEGORY = "category";
  public static final String RULE = "rule";
  public static final String FINGERPRINT = "fingerprint";
  public static final String MASKED = "masked";
  public static final String TAGS = "tags";
  public static final String CONFIDENCE = "confidence";
  public static final String COUNT = "count";
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";
  public static final String FIRST_LINE = "first_line";
  public static final String LAST_LINE = "last_line";
  public static final String TEXT = "text";
  public static final String STATE = "state";
  public static final String CLOSED_AT = "closed_at";

  /** Keyword fields, matched exactly ({@link #HOST} case-insensitively). */
  public static final Set<String> KEYWORDS =
      Set.of(ID, HOST, KIND, URI_FIELD, PATH, ENTRY, TABLE, COLUMN, CATEGORY, RULE, FINGERPRINT, TAGS, STATE);
  /** Whole-number fields. */
  public static final Set<String> LONGS = Set.of(COUNT, FIRST_LINE, LAST_LINE);
  /** Time fields, indexed as epoch milliseconds. */
  public static final Set<String> TIMES = Set.of(FIRST_SEEN, LAST_SEEN, CLOSED_AT);
  /** Fields a search may sort on. */
  public static final Set<String> SORTABLE =
      Set.of(HOST, KIND, URI_FIELD, CATEGORY, RULE, CONFIDENCE, COUNT, FIRST_SEEN, LAST_SEEN);
  /** Facet dimensions. */
  public static final List<String> FACET_DIMS = List.of(CATEGORY, HOST, RULE, KIND);

  private ExposureFields() {}

  /** Whether {@code field} may appear in a query. */
  public static boolean searchable(String field) {
    return KEYWORDS.contains(field) || LONGS.contains(field) || TIMES.contains(field)
        || field.equals(CONFIDENCE) || field.equals(TEXT);
  }

  /** The file path of a {@code file:} URI, else the URI itself. */
  public static String pathOf(String uri) {
    if (uri.regionMatches(true, 0, "file:", 0, 5)) {
      try {
        String path = URI.create(uri).getPath();
        if (path != null) {
          return path;
        }
      } catch (IllegalArgumentException e) {
        return uri;
      }
    }
    return uri;
  }

  /** The document of an exposure, before {@code FacetsConfig.build}. */
  public static Document toDocument(Exposure e) {
    ExposureKey k = e.key();
    Document doc = new Document();
    doc.add(new StringField(DOC, DOC_EXPOSURE, Field.Store.NO));
    String id = k.id();
    doc.add(new StringField(ID, id, Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
    sortedKeyword(doc, HOST, k.host());
    sortedKeyword(doc, KIND, e.kind());
    sortedKeyword(doc, URI_FIELD, k.uri());
    sortedKeyword(doc, CATEGORY, k.category());
    sortedKeyword(doc, RULE, k.rule());
    doc.add(new StringField(PATH, pathOf(k.uri()), Field.Store.NO));
    keyword(doc, ENTRY, k.entry());
    keyword(doc, TABLE, k.table());
    keyword(doc, COLUMN, k.column());
    keyword(doc, FINGERPRINT, k.fingerprint());
    for (String tag : e.tags()) {
      keyword(doc, TAGS, tag);
    }
    if (e.masked() != null) {
      doc.add(new StoredField(MASKED, e.masked()));
    }
    doc.add(new DoublePoint(CONFIDENCE, e.confidence()));
    doc.add(new StoredField(CONFIDENCE, e.confidence()));
    doc.add(new DoubleDocValuesField(CONFIDENCE, e.confidence()));
    number(doc, COUNT, e.count(), true);
    number(doc, FIRST_SEEN, e.firstSeen().toEpochMilli(), true);
    number(doc, LAST_SEEN, e.lastSeen().toEpochMilli(), true);
    number(doc, FIRST_LINE, e.firstLine(), false);
    number(doc, LAST_LINE, e.lastLine(), false);
    doc.add(new StringField(STATE, e.state(), Field.Store.NO));
    if (e.closedAt() != null) {
      number(doc, CLOSED_AT, e.closedAt().toEpochMilli(), false);
    }
    StringBuilder text = new StringBuilder(256)
        .append(k.host()).append(' ').append(k.uri()).append(' ').append(k.category()).append(' ').append(k.rule());
    for (String part : new String[] {k.entry(), k.table(), k.column()}) {
      if (part != null) {
        text.append(' ').append(part);
      }
    }
    e.tags().forEach(t -> text.append(' ').append(t));
    doc.add(new TextField(TEXT, text.toString(), Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(CATEGORY, k.category()));
    doc.add(new SortedSetDocValuesFacetField(HOST, k.host()));
    doc.add(new SortedSetDocValuesFacetField(RULE, k.rule()));
    doc.add(new SortedSetDocValuesFacetField(KIND, e.kind()));
    return doc;
  }

  /** The marker document recording that a batch id was applied at a time. */
  public static Document batchMarker(String batchId, Instant appliedAt) {
    Document doc = new Document();
    doc.add(new StringField(DOC, DOC_BATCH, Field.Store.NO));
    doc.add(new StringField(BATCH_ID, batchId, Field.Store.YES));
    doc.add(new LongPoint(APPLIED_AT, appliedAt.toEpochMilli()));
    return doc;
  }

  /** The exposure stored in a document read back from the index. */
  public static Exposure fromDocument(Document doc) {
    ExposureKey key = new ExposureKey(
        doc.get(HOST), doc.get(URI_FIELD), doc.get(ENTRY), doc.get(TABLE), doc.get(COLUMN),
        doc.get(CATEGORY), doc.get(RULE), doc.get(FINGERPRINT));
    List<String> tags = new ArrayList<>();
    for (IndexableField f : doc.getFields(TAGS)) {
      tags.add(f.stringValue());
    }
    return new Exposure(
        key,
        doc.get(KIND),
        doc.getField(CONFIDENCE).numericValue().doubleValue(),
        doc.get(MASKED),
        longOf(doc, COUNT),
        Instant.ofEpochMilli(longOf(doc, FIRST_SEEN)),
        Instant.ofEpochMilli(longOf(doc, LAST_SEEN)),
        longOf(doc, FIRST_LINE),
        longOf(doc, LAST_LINE),
        tags,
        doc.getField(CLOSED_AT) == null ? null : Instant.ofEpochMilli(longOf(doc, CLOSED_AT)));
  }

  /** Lower-cases a host name the way the index stores it. */
  public static String normaliseHost(String host) {
    return host.toLowerCase(Locale.ROOT);
  }

  private static long longOf(Document doc, String field) {
    return doc.getField(field).numericValue().longValue();
  }

  private static void keyword(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StringField(field, value, Field.Store.YES));
    }
  }

  private static void sortedKeyword(Document doc, String field, String value) {
    keyword(doc, field, value);
    doc.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  private static void number(Document doc, String field, long value, boolean sortable) {
    doc.add(new LongPoint(field, value));
    doc.add(new StoredField(field, value));
    if (sortable) {
      doc.add(new NumericDocValuesField(field, value));
    }
  }
}
