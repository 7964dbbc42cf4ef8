package dev.lagotto.agent.server.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.BytesRef;

/**
 * An {@link ExposureStore} in one embedded Lucene index on local disk.
 *
 * <p>New exposures are added, known ones replaced by id (the writer thread is the only writer and
 * reads the latest commit, so it knows which is which without a delete per document).
 *
 * <p><b>Writes</b> go through one writer thread ({@code lagotto-index-writer}) that takes every request
 * waiting in its queue (up to {@link #MAX_GROUP} at a time), applies them against the current
 * near-real-time searcher, commits once (Lucene fsyncs the new files and the segments file) and refreshes
 * the searcher; only then are the callers answered. This is a group commit: concurrent agents share one
 * fsync, and every read-modify-write sees all earlier writes, so counts stay exact under concurrency.
 *
 * <p><b>Idempotency</b>: each applied batch leaves a marker document with its id in the same index, added
 * in the same commit as the batch's exposure updates. A commit is atomic, so after a crash either the
 * batch and its marker are both there or neither is; a resend of an applied batch finds the marker and
 * changes nothing. Markers are purged after {@link ExposureStore#BATCH_ID_MEMORY}.
 *
 * <p><b>Failure</b>: if applying or committing a group fails, the writer is rolled back to the last commit
 * and reopened, and every request of the group fails; nothing is partly applied.
 *
 * <p>Reads use a {@link SearcherManager} and never block on writes. Thread-safe.
 */
public final class LuceneExposureStore implements ExposureStore {
  /** Most requests applied in one commit. */
  public static final int MAX_GROUP = 64;
  /** Deepest hit a search page may reach ({@code offset + limit}); use export for more. */
  public static final int MAX_PAGE_WINDOW = 10_000;

  private static final FacetsConfig FACETS = new FacetsConfig();
  private static final Term EXPOSURE_DOCS = new Term(ExposureFields.DOC, ExposureFields.DOC_EXPOSURE);
  private static final Term BATCH_DOCS = new Term(ExposureFields.DOC, ExposureFields.DOC_BATCH);

  private final Path path;
  private final Clock clock;
  private final Directory directory;
  private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
  private final Thread writerThread;
  private volatile IndexWriter writer;
  private volatile SearcherManager searchers;
  private volatile FacetState facetState;
  private volatile boolean closed;

  private LuceneExposureStore(Path path, Clock clock) throws IOException {
    this.path = path;
    this.clock = clock;
    this.directory = FSDirectory.open(path);
    openWriter();
    this.writerThread = new Thread(this::runWriter, "lagotto-index-writer");
    writerThread.setDaemon(true);
    writerThread.start();
  }

  /** Opens (creating when missing) the index in {@code dir}; the clock stamps batch markers. */
  public static LuceneExposureStore open(Path dir, Clock clock) throws IOException {
    return new LuceneExposureStore(dir, clock);
  }

  /** The index directory. */
  public Path path() {
    return path;
  }

  @Override
  public IngestResult ingest(Batch batch) throws IOException {
    return submit(new IngestOp(batch, new CompletableFuture<>()));
  }

  @Override
  public long deleteHost(String host) throws IOException {
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(EXPOSURE_DOCS), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(ExposureFields.HOST, ExposureFields.normaliseHost(host))), BooleanClause.Occur.FILTER)
        .build();
    return submit(new DeleteOp(List.of(query), new CompletableFuture<>())).get(0);
  }

  @Override
  public PurgeResult purge(Instant notSeenSince) throws IOException {
    long stale = notSeenSince == null ? Long.MIN_VALUE : notSeenSince.toEpochMilli();
    Query exposures = new BooleanQuery.Builder()
        .add(new TermQuery(EXPOSURE_DOCS), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(ExposureFields.LAST_SEEN, Long.MIN_VALUE, stale - 1), BooleanClause.Occur.FILTER)
        .build();
    long forgetBefore = clock.instant().minus(BATCH_ID_MEMORY).toEpochMilli();
    Query markers = new BooleanQuery.Builder()
        .add(new TermQuery(BATCH_DOCS), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(ExposureFields.APPLIED_AT, Long.MIN_VALUE, forgetBefore - 1), BooleanClause.Occur.FILTER)
        .build();
    List<Long> deleted = submit(new DeleteOp(List.of(exposures, markers), new CompletableFuture<>()));
    return new PurgeResult(deleted.get(0), deleted.get(1));
  }

  @Override
  public SearchPage search(SearchRequest request) throws IOException {
    Query query = new ExposureQueryParser(clock).parse(request.query());
    Sort sort = sortOf(request.sort());
    long window = (long) request.offset() + request.limit();
    if (window > MAX_PAGE_WINDOW) {
      throw new InvalidQueryException("offset + size is " + window + "; at most " + MAX_PAGE_WINDOW + " (use export)");
    }
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      if (request.limit() == 0) {
        return new SearchPage(searcher.count(query), List.of());
      }
      TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, (int) window, null, Integer.MAX_VALUE));
      long total = top.totalHits.value;
      StoredFields stored = searcher.storedFields();
      List<Exposure> hits = new ArrayList<>();
      for (int i = request.offset(); i < top.scoreDocs.length; i++) {
        hits.add(ExposureFields.fromDocument(stored.document(top.scoreDocs[i].doc)));
      }
      return new SearchPage(total, hits);
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public Map<String, Map<String, Long>> facets(String queryText, int topN) throws IOException {
    Query query = new ExposureQueryParser(clock).parse(queryText);
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      Map<String, Map<String, Long>> result = new LinkedHashMap<>();
      ExposureFields.FACET_DIMS.forEach(dim -> result.put(dim, new LinkedHashMap<>()));
      DefaultSortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
      if (state == null) {
        return result;
      }
      FacetsCollector collector = searcher.search(query, new FacetsCollectorManager());
      SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, collector);
      for (String dim : ExposureFields.FACET_DIMS) {
        FacetResult top = dimensionPresent(state, dim) ? counts.getTopChildren(topN, dim) : null;
        if (top != null) {
          for (LabelAndValue lv : top.labelValues) {
            result.get(dim).put(lv.label, lv.value.longValue());
          }
        }
      }
      return result;
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public List<Exposure> findByFingerprints(Map<String, String> fingerprintByCategory, int limit) throws IOException {
    if (fingerprintByCategory.isEmpty() || limit <= 0) {
      return List.of();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    fingerprintByCategory.forEach((category, fingerprint) -> any.add(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(ExposureFields.CATEGORY, category)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(ExposureFields.FINGERPRINT, fingerprint)), BooleanClause.Occur.FILTER)
        .build(), BooleanClause.Occur.SHOULD));
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(EXPOSURE_DOCS), BooleanClause.Occur.FILTER)
        .add(any.build(), BooleanClause.Occur.MUST)
        .build();
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      TopFieldDocs top = searcher.search(query, limit, sortOf(""));
      StoredFields stored = searcher.storedFields();
      List<Exposure> hits = new ArrayList<>();
      for (ScoreDoc doc : top.scoreDocs) {
        hits.add(ExposureFields.fromDocument(stored.document(doc.doc)));
      }
      return hits;
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public long export(String queryText, ExposureSink sink) throws IOException {
    Query query = new ExposureQueryParser(clock).parse(queryText);
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      sink.begin();
      long[] streamed = {0};
      forEachLiveDoc(searcher, query, (stored, doc) -> {
        sink.accept(ExposureFields.fromDocument(stored.document(doc)));
        streamed[0]++;
      });
      return streamed[0];
    } finally {
      manager.release(searcher);
    }
  }

  /** What is done with one matching document: its leaf's stored fields and its leaf-relative id. */
  @FunctionalInterface
  private interface LiveDocVisitor {
    void visit(StoredFields stored, int doc) throws IOException;
  }

  /**
   * Visits every live document {@code query} matches, unscored and in index order: no result-size limit and
   * no per-hit allocation beyond what the visitor does. Cost: one pass over the query's postings.
   */
  private static void forEachLiveDoc(IndexSearcher searcher, Query query, LiveDocVisitor visitor) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          visitor.visit(stored, doc);
        }
      }
    }
  }

  @Override
  public StoreStats stats() throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    try {
      long exposures = searcher.count(new TermQuery(EXPOSURE_DOCS));
      long batches = searcher.count(new TermQuery(BATCH_DOCS));
      long bytes = 0;
      for (String file : directory.listAll()) {
        try {
          bytes += directory.fileLength(file);
        } catch (NoSuchFileException e) {
          continue;
        }
      }
      return new StoreStats(exposures, batches, bytes);
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(Stop.INSTANCE);
    try {
      writerThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while closing the index");
    }
    try {
      writer.commit();
    } finally {
      IOUtils.close(searchers, writer, directory);
    }
  }

  // ---- the writer thread ----

  private <T> T submit(WriteOp<T> op) throws IOException {
    if (closed) {
      throw new IOException("the exposure store is closed");
    }
    queue.add(op);
    try {
      while (true) {
        try {
          return op.result().get(1, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          if (!writerThread.isAlive()) {
            op.result().completeExceptionally(new IOException("the exposure store is closed"));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the index commit");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("index write failed", cause);
    }
  }

  private void runWriter() {
    List<Op> group = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(group, MAX_GROUP - 1);
      Group pending = new Group();
      for (Op op : group) {
        if (op instanceof Stop) {
          stopping = true;
        } else if (op instanceof IngestOp ingest) {
          pending.add(ingest);
        } else if (op instanceof DeleteOp delete) {
          pending.flush();
          pending = new Group();
          pending.delete(delete);
          pending = new Group();
        }
      }
      pending.flush();
      group.clear();
    }
    for (Op left : queue) {
      if (left instanceof WriteOp<?> op) {
        op.result().completeExceptionally(new IOException("the exposure store is closed"));
      }
    }
  }

  /** The ingest requests of one commit and their staged, merged exposures. */
  private final class Group {
    private final List<IngestOp> ops = new ArrayList<>();
    private final List<IngestResult> results = new ArrayList<>();
    private final Map<String, Exposure> staged = new HashMap<>();
    private final Set<String> existing = new HashSet<>();
    private final Set<String> batchIds = new HashSet<>();
    private final List<String> appliedIds = new ArrayList<>();
    private final Map<String, Set<String>> stagedBySource = new HashMap<>();
    private IndexSearcher searcher;
    private SearcherManager manager;
    private Throwable failure;

    private void stage(String id, Exposure e) {
      staged.put(id, e);
      stagedBySource.computeIfAbsent(sourceKey(e.key().host(), e.key().uri()), k -> new HashSet<>()).add(id);
    }

    /** Ids of every exposure of one source: committed (live in the group's searcher) and staged in this group. */
    private Set<String> sourceIds(String host, String uri) throws IOException {
      Set<String> ids = new HashSet<>(stagedBySource.getOrDefault(sourceKey(host, uri), Set.of()));
      Query query = new BooleanQuery.Builder()
          .add(new TermQuery(EXPOSURE_DOCS), BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(ExposureFields.HOST, ExposureFields.normaliseHost(host))), BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(ExposureFields.URI_FIELD, uri)), BooleanClause.Occur.FILTER)
          .build();
      forEachLiveDoc(searcher, query, (stored, doc) -> ids.add(stored.document(doc, Set.of(ExposureFields.ID)).get(ExposureFields.ID)));
      return ids;
    }

    void add(IngestOp op) {
      ops.add(op);
      if (failure != null) {
        results.add(null);
        return;
      }
      try {
        acquire();
        Batch batch = op.batch();
        if (batchIds.contains(batch.id()) || lookup(searcher, ExposureFields.BATCH_ID, batch.id()) >= 0) {
          results.add(new IngestResult(batch.id(), true, batch.observations().size(), 0));
          return;
        }
        batchIds.add(batch.id());
        appliedIds.add(batch.id());
        Set<String> touched = new HashSet<>();
        for (Exposure observation : batch.observations()) {
          String id = observation.id();
          touched.add(id);
          Exposure current = staged.get(id);
          if (current == null) {
            int doc = lookup(searcher, ExposureFields.ID, id);
            if (doc >= 0) {
              current = ExposureFields.fromDocument(searcher.storedFields().document(doc));
              existing.add(id);
            }
          }
          stage(id, current == null ? observation : current.merge(observation));
        }
        for (SourceEvent event : batch.events()) {
          for (String id : sourceIds(event.host(), event.uri())) {
            Exposure current = staged.get(id);
            if (current == null) {
              int doc = lookup(searcher, ExposureFields.ID, id);
              if (doc < 0) {
                continue;
              }
              current = ExposureFields.fromDocument(searcher.storedFields().document(doc));
              Exposure changed = event.applyTo(current);
              if (changed != current) {
                existing.add(id);
                stage(id, changed);
              }
            } else {
              stage(id, event.applyTo(current));
            }
          }
        }
        results.add(new IngestResult(batch.id(), false, batch.observations().size(), touched.size()));
      } catch (IOException | RuntimeException e) {
        failure = e;
        results.add(null);
      }
    }

    void flush() {
      try {
        if (failure == null && !appliedIds.isEmpty()) {
          IndexWriter w = writer;
          for (Map.Entry<String, Exposure> e : staged.entrySet()) {
            var doc = FACETS.build(ExposureFields.toDocument(e.getValue()));
            if (existing.contains(e.getKey())) {
              w.updateDocument(new Term(ExposureFields.ID, e.getKey()), doc);
            } else {
              w.addDocument(doc);
            }
          }
          Instant now = clock.instant();
          for (String id : appliedIds) {
            w.addDocument(ExposureFields.batchMarker(id, now));
          }
          w.commit();
          searchers.maybeRefreshBlocking();
        }
      } catch (IOException | RuntimeException e) {
        failure = e;
      } finally {
        release();
      }
      if (failure != null) {
        recover();
        ops.forEach(op -> op.result().completeExceptionally(failure));
      } else {
        for (int i = 0; i < ops.size(); i++) {
          ops.get(i).result().complete(results.get(i));
        }
      }
    }

    void delete(DeleteOp op) {
      try {
        acquire();
        List<Long> counts = new ArrayList<>();
        IndexWriter w = writer;
        for (Query query : op.queries()) {
          counts.add((long) searcher.count(query));
          w.deleteDocuments(query);
        }
        w.commit();
        searchers.maybeRefreshBlocking();
        release();
        op.result().complete(counts);
      } catch (IOException | RuntimeException e) {
        release();
        recover();
        op.result().completeExceptionally(e);
      }
    }

    private void acquire() throws IOException {
      if (searcher == null) {
        manager = searchers;
        searcher = manager.acquire();
      }
    }

    private void release() {
      if (searcher != null) {
        try {
          manager.release(searcher);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          searcher = null;
        }
      }
    }
  }

  /** Rolls the writer back to the last commit and reopens it, after a failed group. */
  private void recover() {
    try {
      writer.rollback();
      searchers.close();
    } catch (IOException | RuntimeException e) {
      e.addSuppressed(new IOException("while rolling back the index writer"));
    }
    try {
      openWriter();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reopen the index after a failed commit", e);
    }
  }

  private void openWriter() throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(ExposureQueryParser.analyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setCommitOnClose(true)
        .setRAMBufferSizeMB(64);
    IndexWriter w = new IndexWriter(directory, config);
    if (!org.apache.lucene.index.DirectoryReader.indexExists(directory)) {
      w.commit();
    }
    writer = w;
    searchers = new SearcherManager(w, true, false, null);
    facetState = null;
  }

  /** The global doc id of the live document with {@code field:value}, or -1. */
  private static int lookup(IndexSearcher searcher, String field, String value) throws IOException {
    BytesRef term = new BytesRef(value);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          return leaf.docBase + doc;
        }
      }
    }
    return -1;
  }

  private DefaultSortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState current = facetState;
    if (current != null && current.reader() == reader) {
      return current.state();
    }
    DefaultSortedSetDocValuesReaderState state;
    try {
      state = new DefaultSortedSetDocValuesReaderState(reader, FACETS);
    } catch (IllegalArgumentException e) {
      state = null;
    }
    facetState = new FacetState(reader, state);
    return state;
  }

  private static boolean dimensionPresent(DefaultSortedSetDocValuesReaderState state, String dim) {
    return state.getOrdRange(dim) != null;
  }

  /** The Lucene sort for a sort specification; ties broken by exposure id so pages are stable. */
  static Sort sortOf(String spec) {
    List<SortField> fields = new ArrayList<>();
    String text = spec == null || spec.isBlank() ? "-" + ExposureFields.LAST_SEEN : spec;
    for (String part : text.split(",")) {
      String name = part.strip();
      boolean descending = name.startsWith("-");
      if (descending) {
        name = name.substring(1);
      }
      if (!ExposureFields.SORTABLE.contains(name)) {
        throw new InvalidQueryException("cannot sort on '" + name + "'; sortable: " + new java.util.TreeSet<>(ExposureFields.SORTABLE));
      }
      SortField.Type type = name.equals(ExposureFields.CONFIDENCE) ? SortField.Type.DOUBLE
          : ExposureFields.LONGS.contains(name) || ExposureFields.TIMES.contains(name) ? SortField.Type.LONG
          : SortField.Type.STRING;
      fields.add(new SortField(name, type, descending));
    }
    fields.add(new SortField(ExposureFields.ID, SortField.Type.STRING));
    return new Sort(fields.toArray(SortField[]::new));
  }

  private static String sourceKey(String host, String uri) {
    return ExposureFields.normaliseHost(host) + '\u0000' + uri;
  }

  private record FacetState(IndexReader reader, DefaultSortedSetDocValuesReaderState state) {}

  private sealed interface Op permits Stop, WriteOp {}

  private enum Stop implements Op { INSTANCE }

  private sealed interface WriteOp<T> extends Op permits IngestOp, DeleteOp {
    CompletableFuture<T> result();
  }

  private record IngestOp(Batch batch, CompletableFuture<IngestResult> result) implements WriteOp<IngestResult> {}

  private record DeleteOp(List<Query> queries, CompletableFuture<List<Long>> result) implements WriteOp<List<Long>> {}
}
