package dev.lagotto.agent.daemon;

import dev.lagotto.core.extract.FindingSink;
import dev.lagotto.core.extract.SourceOpener;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.SourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Incremental scans of one tree. A pass walks the tree (include/exclude globs: one without {@code /}
 * matches a name at any depth, one with {@code /} the path below the root), skips files whose device,
 * inode, size and mtime are those of the last scan, reads the others on the scan pool through the
 * {@code SourceReader} (gzip, content detection), and sends every exposure found with only the increase of
 * its count over the last scan of that file (the server adds counts, so a rescanned file is not counted
 * twice; 0 when nothing was added) followed by a {@code rescanned} line, so the server closes the exposures
 * the file no longer holds. An unchanged file that had exposures gets one compact {@code present} line per
 * pass (its exposures' last seen moves, so retention does not purge what is still on disk). Files that
 * disappeared are reported {@code deleted} (the server closes their exposures). Each file's findings and its new state go
 * to the {@link Outbox} together; the instance remembers each file's last scan itself, so a pass never
 * depends on whether the previous pass has been flushed yet. One pass at a time per instance.
 */
public final class TreeScan {
  /**
   * A file modified less than this before it was scanned may change again within the same mtime tick
   * without its size or mtime showing it (file systems with 1 s or 2 s timestamps): its content hash is kept
   * and compared on the next pass.
   */
  public static final long RACY_MILLIS = 2_000;

  private final AgentConfig.Tree tree;
  private final String root;
  private final AgentStore store;
  private final Outbox outbox;
  private final ScanEngine engine;
  private final SourceOpener opener;
  private final ExecutorService pool;
  private final AgentLog log;
  private final Clock clock;
  private final List<Glob> includes;
  private final List<Glob> excludes;
  private volatile boolean stopping;
  /** The last scan of every file, ahead of the store (which follows at the next flush); loaded at the first pass. */
  private Map<String, TreeEntry> entries;

  /** What one pass did. */
  public record Pass(long scanned, long unchanged, long deleted, long failed, long records) {}

  public TreeScan(AgentConfig.Tree tree, AgentStore store, Outbox outbox, ScanEngine engine, RateLimiter rate,
      ExecutorService pool, AgentLog log, Clock clock) {
    this.tree = tree;
    this.root = tree.path().toString();
    this.store = store;
    this.outbox = outbox;
    this.engine = engine;
    this.opener = path -> rate.wrap(Files.newInputStream(path));
    this.pool = pool;
    this.log = log;
    this.clock = clock;
    this.includes = tree.include().stream().map(Glob::of).toList();
    this.excludes = tree.exclude().stream().map(Glob::of).toList();
  }

  /** Makes a running pass stop submitting files. */
  public void stop() {
    stopping = true;
  }

  /** The short digest of an exposure key under which a tree entry keeps its count. */
  static String digest(ExposureRecord.Key k) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {k.entry(), k.table(), k.column(), k.category(), k.rule(), k.fingerprint()}) {
        md.update((part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0x1f);
      }
      return HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** One pass over the tree; returns when every changed file is scanned and handed to the outbox. */
  public Pass run() throws InterruptedException {
    Path base = tree.path();
    if (entries == null) {
      entries = new java.util.concurrent.ConcurrentHashMap<>(store.tree(root));
    }
    Map<String, TreeEntry> previous = Map.copyOf(entries);
    Set<String> seen = new java.util.HashSet<>();
    List<String> unreadableDirs = new ArrayList<>();
    List<Future<Long>> tasks = new ArrayList<>();
    AtomicLong failed = new AtomicLong();
    long[] unchanged = new long[1];
    List<String> present = new ArrayList<>();
    if (!Files.isDirectory(base)) {
      log.warn("scan " + base + ": not a directory (skipped this pass)");
      return new Pass(0, 0, 0, 1, 0);
    }
    Set<FileVisitOption> visit = tree.followSymlinks() ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
    try {
      Files.walkFileTree(base, visit, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (stopping) {
            return FileVisitResult.TERMINATE;
          }
          return !dir.equals(base) && matches(excludes, base.relativize(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (stopping) {
            return FileVisitResult.TERMINATE;
          }
          Path rel = base.relativize(file);
          if (!attrs.isRegularFile() || (!includes.isEmpty() && !matches(includes, rel)) || matches(excludes, rel)) {
            return FileVisitResult.CONTINUE;
          }
          String key = file.toString();
          seen.add(key);
          String fileKey = attrs.fileKey() == null ? key : attrs.fileKey().toString();
          TreeEntry prev = previous.get(key);
          long mtime = attrs.lastModifiedTime().toMillis();
          if (prev != null && prev.fileKey().equals(fileKey) && prev.size() == attrs.size() && prev.mtimeMillis() == mtime
              && sameContent(file, prev)) {
            unchanged[0]++;
            if (!prev.counts().isEmpty()) {
              present.add(key);
            }
            return FileVisitResult.CONTINUE;
          }
          if (tree.maxFileSize() >= 0 && attrs.size() > tree.maxFileSize()) {
            return FileVisitResult.CONTINUE;
          }
          tasks.add(pool.submit(() -> scanFile(file, new TreeEntry(fileKey, attrs.size(), mtime, Map.of()), prev, failed)));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          unreadableDirs.add(file.toString());
          failed.incrementAndGet();
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      log.warn("scan " + base + ": walk failed (" + e.getClass().getSimpleName() + "); deletions not reported this pass");
      unreadableDirs.add(base.toString());
    }
    long records = 0;
    for (Future<Long> f : tasks) {
      try {
        records += f.get();
      } catch (ExecutionException e) {
        failed.incrementAndGet();
        log.error("scan " + base + ": internal error " + e.getCause().getClass().getName());
      }
    }
    long deleted = 0;
    if (!stopping) {
      List<Outbox.SourceLine> gone = new ArrayList<>();
      List<StateUpdate> ups = new ArrayList<>();
      Instant now = clock.instant();
      for (String path : present) {
        gone.add(new Outbox.SourceLine(WireRecords.SourceEvent.PRESENT, "file", engine.fileRef(Path.of(path)).uri(),
            engine.host(), now));
      }
      for (String path : previous.keySet()) {
        if (!seen.contains(path) && unreadableDirs.stream().noneMatch(d -> path.equals(d) || path.startsWith(d + "/"))
            && !Files.exists(Path.of(path))) {
          gone.add(new Outbox.SourceLine(WireRecords.SourceEvent.DELETED, "file", engine.fileRef(Path.of(path)).uri(),
              engine.host(), now));
          deleted++;
          ups.add(new StateUpdate.TreeGone(root, path));
          entries.remove(path);
        }
      }
      if (!gone.isEmpty()) {
        outbox.submit(List.of(), gone, ups);
      }
    }
    return new Pass(tasks.size(), unchanged[0], deleted, failed.get(), records);
  }

  /**
   * Whether a file whose stat fields are those of its last scan still has the content then scanned: true
   * without reading when no hash was kept (the stat fields are trusted), else by hashing the file again. A
   * file that cannot be read counts as changed (the scan then reports why).
   */
  private boolean sameContent(Path file, TreeEntry prev) {
    if (prev.contentHash() == null) {
      return true;
    }
    String now = contentHash(file);
    return prev.contentHash().equals(now);
  }

  /**
   * The hash to keep for a file just scanned, or {@code null} when its stat fields suffice: kept when the tree
   * asks for it ({@code verify_content}) or when the file was modified less than {@link #RACY_MILLIS} before
   * the scan read it, so that a write in the same mtime tick (coarse file-system clocks) would leave size and
   * mtime as they were. Costs one more read of such files.
   */
  private String hashToKeep(Path file, TreeEntry stat, Instant scannedAt) {
    boolean racy = scannedAt.toEpochMilli() - stat.mtimeMillis() < RACY_MILLIS;
    return tree.verifyContent() || racy ? contentHash(file) : null;
  }

  /** Hex SHA-256 of the file's bytes; {@code "unreadable"} when it cannot be read (never equal to a hash). */
  static String contentHash(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      return "unreadable";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private long scanFile(Path file, TreeEntry stat, TreeEntry prev, AtomicLong failed) throws InterruptedException {
    SourceRef ref = engine.fileRef(file);
    Instant now = clock.instant();
    String hash = hashToKeep(file, stat, Instant.now());
    Map<ExposureRecord.Key, ExposureRecord> found = new LinkedHashMap<>();
    SourceResult result = engine.reader().readFile(file, ref, opener, new FindingSink() {
      @Override
      public void accept(Finding f) {
        if (f.confidence() >= engine.minConfidence()) {
          ExposureRecord r = FindingRecords.of(f, now, 0);
          found.merge(r.key(), r, ExposureRecord::merge);
        }
      }
    });
    if (result.status() == SourceResult.Status.FAILED) {
      failed.incrementAndGet();
      log.warn("scan " + file + ": " + result.reason() + (result.detail().isEmpty() ? "" : " (" + result.detail() + ")")
          + "; retried next pass");
      return 0;
    }
    Map<String, Long> counts = new HashMap<>();
    List<ExposureRecord> send = new ArrayList<>();
    for (ExposureRecord r : found.values()) {
      String d = digest(r.key());
      counts.put(d, r.count());
      long before = prev == null ? 0 : prev.counts().getOrDefault(d, 0L);
      send.add(r.withCount(Math.max(0, r.count() - before)));
    }
    List<Outbox.SourceLine> rescanned = send.isEmpty() && (prev == null || prev.counts().isEmpty()) ? List.of()
        : List.of(new Outbox.SourceLine(WireRecords.SourceEvent.RESCANNED, ref.kind(), ref.uri(), engine.host(), now));
    TreeEntry entry = new TreeEntry(stat.fileKey(), stat.size(), stat.mtimeMillis(), counts, hash);
    outbox.submit(send, rescanned, List.of(new StateUpdate.Tree(root, file.toString(), entry)));
    entries.put(file.toString(), entry);
    return send.size();
  }

  private static boolean matches(List<Glob> globs, Path relative) {
    Path name = relative.getFileName();
    for (Glob g : globs) {
      if (g.matcher().matches(g.wholePath() || name == null ? relative : name)) {
        return true;
      }
    }
    return false;
  }

  /** An include or exclude glob. */
  private record Glob(PathMatcher matcher, boolean wholePath) {
    static Glob of(String g) {
      return new Glob(FileSystems.getDefault().getPathMatcher("glob:" + g), g.contains("/"));
    }
  }
}
