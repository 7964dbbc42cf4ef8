package dev.lagotto.benchmarks;

import dev.lagotto.agent.server.store.Batch;
import dev.lagotto.agent.server.store.Exposure;
import dev.lagotto.agent.server.store.ExposureKey;
import dev.lagotto.agent.server.store.LuceneExposureStore;
import dev.lagotto.agent.server.store.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The central index ({@link LuceneExposureStore}, the server's store, without HTTP): exposures ingested per
 * second, and search latency percentiles with {@code exposures} (default 1 million) exposures in the index.
 *
 * <p><b>Ingest</b> ({@link #ingest}, throughput): each op applies one batch of {@code batchSize} observations
 * durably (one Lucene commit with fsync, as for one agent request); {@code NEW} adds exposures never seen
 * (the index grows during the run, from empty), {@code UPDATE} re-sends observations of exposures already in a
 * 100,000-exposure index (the steady state of agents reporting the same values again: read, merge, replace).
 * Read the {@code ingest:exposures} row: exposures per second.
 *
 * <p><b>Search</b> ({@code search*}, {@code subject}, {@code facets}; sample time, so JMH prints p0.50, p0.90,
 * p0.99, ... in ms): random hosts, paths and values per call against one index of {@code exposures} synthetic
 * exposures (200 hosts, 50 log directories, 9 categories, 300,000 distinct values, last seen spread over 30
 * days), built once per trial and cached under {@code benchmarks/target/index-bench/} (or {@code -p indexDir=DIR};
 * delete the directory to rebuild). The index is only read by these benchmarks.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar IndexBenchmark}; ingest only:
 * {@code ... 'IndexBenchmark.ingest'}; search only: {@code ... 'IndexBenchmark.(search|subject|facets)'}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class IndexBenchmark {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final int HOSTS = 200;
  static final int DIRECTORIES = 50;
  static final int VALUES = 300_000;
  static final String[] CATEGORIES =
      {"email", "ipv4", "phone", "person_name", "credit_card", "iban", "ipv6", "geo_coordinates", "user_agent"};
  private static final int BUILD_BATCH = 10_000;
  private static final String LAYOUT_VERSION = "v1";
  private static final long SEED = 20_260_601L;
  private static final String COMPLETE = "complete";

  /** Where the indexes live: {@code indexDir}, or {@code benchmarks/target/index-bench} when empty. */
  @State(Scope.Benchmark)
  public static class Storage {
    @Param("")
    public String indexDir;

    Path root() throws IOException {
      Path root = !indexDir.isEmpty() ? Path.of(indexDir)
          : Corpora.repoRoot().map(r -> r.resolve("benchmarks/target/index-bench"))
              .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "lagotto-index-bench"));
      return Files.createDirectories(root);
    }
  }

  /** The read-only index of the search benchmarks. */
  @State(Scope.Benchmark)
  public static class Index {
    @Param("1000000")
    public int exposures;

    LuceneExposureStore store;

    @Setup(Level.Trial)
    public void open(Storage storage) throws IOException {
      store = cached(storage.root(), "search-" + exposures, exposures);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      store.close();
    }
  }

  /** A store written by the ingest benchmark: fresh each trial. */
  @State(Scope.Benchmark)
  public static class Ingest {
    /** What a batch holds. */
    public enum Kind { NEW, UPDATE }

    @Param({"NEW", "UPDATE"})
    public Kind kind;

    @Param("1000")
    public int batchSize;

    @Param("100000")
    public int updateIndexSize;

    LuceneExposureStore store;
    Path dir;
    long next;
    long batches;

    @Setup(Level.Trial)
    public void open(Storage storage) throws IOException {
      Path root = storage.root();
      dir = Files.createTempDirectory(root, "ingest-");
      if (kind == Kind.UPDATE) {
        Path seed = root.resolve("update-" + updateIndexSize + "-" + LAYOUT_VERSION);
        cached(root, "update-" + updateIndexSize, updateIndexSize).close();
        copy(seed, dir);
      }
      store = LuceneExposureStore.open(dir, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      store.close();
      delete(dir);
    }

    /** The next batch: {@code batchSize} new exposures, or observations of random known ones. */
    Batch nextBatch(SplittableRandom random) {
      List<Exposure> list = new ArrayList<>(batchSize);
      for (int i = 0; i < batchSize; i++) {
        long n = kind == Kind.NEW ? next++ : random.nextInt(updateIndexSize);
        list.add(exposure(n, 1));
      }
      return new Batch("bench-" + kind + "-" + batches++, list);
    }
  }

  /** Exposures ingested, as an auxiliary counter: {@code ingest:exposures} is exposures per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Exposures {
    public long exposures;

    @Setup(Level.Iteration)
    public void reset() {
      exposures = 0;
    }
  }

  /** The random source of one benchmark thread (seeded; printed nowhere because the choice does not matter). */
  @State(Scope.Thread)
  public static class Choice {
    SplittableRandom random;

    @Setup(Level.Trial)
    public void seed() {
      random = new SplittableRandom(SEED);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int ingest(Ingest ingest, Exposures counter, Choice choice) throws IOException {
    Batch batch = ingest.nextBatch(choice.random);
    int touched = ingest.store.ingest(batch).exposures();
    counter.exposures += batch.observations().size();
    return touched;
  }

  /** "Which hosts keep e-mails?" narrowed to one host: a keyword AND keyword query, first page sorted by last seen. */
  @Benchmark
  public long searchCategoryAndHost(Index index, Choice choice) throws IOException {
    String q = "category:" + CATEGORIES[choice.random.nextInt(CATEGORIES.length)] + " AND host:" + host(choice.random.nextInt(HOSTS));
    return index.store.search(new SearchRequest(q, null, 0, 50)).total();
  }

  /** A time range AND a path prefix (a point range and a wildcard), first page sorted by count. */
  @Benchmark
  public long searchLastSeenAndPath(Index index, Choice choice) throws IOException {
    String q = "last_seen:[now-7d TO *] AND path:\\/var\\/log\\/" + directory(choice.random.nextInt(DIRECTORIES)) + "\\/*";
    return index.store.search(new SearchRequest(q, "-count", 0, 50)).total();
  }

  /** The data-subject lookup: every exposure of one fingerprint (about 3 per value here). */
  @Benchmark
  public int subject(Index index, Choice choice) throws IOException {
    int v = choice.random.nextInt(VALUES);
    return index.store.findByFingerprints(Map.of(CATEGORIES[v % CATEGORIES.length], fingerprint(v)), 10_000).size();
  }

  /** Counts by category, host, rule and kind over one category's exposures. */
  @Benchmark
  public int facets(Index index, Choice choice) throws IOException {
    return index.store.facets("category:" + CATEGORIES[choice.random.nextInt(CATEGORIES.length)], 20).size();
  }

  /** Synthetic exposure number {@code n} with {@code count} occurrences: deterministic, never a real value. */
  static Exposure exposure(long n, long count) {
    int value = (int) (n % VALUES);
    String category = CATEGORIES[value % CATEGORIES.length];
    String uri = "file:///var/log/" + directory((int) (n / HOSTS % DIRECTORIES)) + "/app-" + (n % 7) + ".log";
    ExposureKey key = new ExposureKey(host((int) (n % HOSTS)), uri, null, null, null, category, category, fingerprint(value));
    Instant seen = NOW.minus(Duration.ofMinutes(n * 7919 % (30L * 24 * 60)));
    return new Exposure(key, "file", 0.5 + (n % 50) / 100.0, "x***@example.com", count, seen.minus(Duration.ofDays(1)),
        seen, 1 + n % 1000, 1 + n % 1000 + n % 5000, List.of());
  }

  static String host(int i) {
    return String.format("web-%03d", i);
  }

  static String directory(int i) {
    return String.format("svc-%02d", i);
  }

  /** A stand-in fingerprint of value {@code v}: SHA-256 hex, the shape of the real HMAC. */
  static String fingerprint(int v) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("value-" + v).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The index {@code name} holding exposures 0..size-1, built when missing or incomplete, then opened. */
  static LuceneExposureStore cached(Path root, String name, int size) throws IOException {
    Path dir = root.resolve(name + "-" + LAYOUT_VERSION);
    if (!Files.exists(dir.resolve(COMPLETE))) {
      delete(dir);
      Files.createDirectories(dir);
      long t0 = System.nanoTime();
      try (LuceneExposureStore store = LuceneExposureStore.open(dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
        for (int from = 0; from < size; from += BUILD_BATCH) {
          List<Exposure> batch = new ArrayList<>(BUILD_BATCH);
          for (int n = from; n < Math.min(size, from + BUILD_BATCH); n++) {
            batch.add(exposure(n, 1 + n % 100));
          }
          store.ingest(new Batch("build-" + from, batch));
        }
      }
      Files.writeString(dir.resolve(COMPLETE), size + " exposures built in "
          + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) + " s\n");
    }
    return LuceneExposureStore.open(dir, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && !f.getFileName().toString().equals(COMPLETE) && !f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
