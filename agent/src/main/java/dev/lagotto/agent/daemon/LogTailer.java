package dev.lagotto.agent.daemon;

import dev.lagotto.core.extract.ContentSniffer;
import dev.lagotto.core.finding.SourceRef;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * Follows log files as they grow, on one thread that polls every {@code pollInterval}. Only whole lines are
 * scanned (a line longer than {@link #MAX_LINE} is cut); findings and the new offset go to the
 * {@link Outbox} together, so the durable checkpoint never passes what is spooled.
 *
 * <p>Rotation, without missing or re-reading a line:
 * <ul>
 *   <li><b>rename + create</b>: the open file is recognised by device and inode; when the path names another
 *       file, the old one (still open, so it may be renamed, compressed and deleted meanwhile) is read to its
 *       end before the new file is read from 0, and is kept open for late writes until it has not grown for
 *       {@link #DRAIN_QUIET_POLLS} polls;</li>
 *   <li><b>copytruncate</b>: a file shorter than the offset, or whose first bytes changed, was truncated; the
 *       lines written between the last poll and the copy are read from the copy (a sibling whose name starts
 *       with the log's name and whose first bytes match, gzip-compressed or not), then the log from 0;</li>
 *   <li><b>restart</b>: a checkpoint resumes its file by inode; if the log was rotated while the agent was
 *       down, the rest of the old file is read from the renamed file (by inode) or its copy or compressed
 *       copy (by first bytes).</li>
 * </ul>
 * Not thread-safe: one instance runs on one thread.
 */
public final class LogTailer implements Runnable {
  /** Bytes at the start of a file whose CRC recognises it. */
  public static final int HEAD_BYTES = 256;
  /** Longest line scanned whole; a longer one is cut at this length. */
  public static final int MAX_LINE = 1 << 20;
  /** Bytes read per file per step. */
  public static final int READ_BYTES = 4 << 20;
  /** Listings of a log's siblings that the search for its copy after a copytruncate makes at most. */
  private static final int COPY_LISTINGS = 3;
  /** Bytes read per file per poll at most, so that one busy file does not starve the others. */
  public static final long POLL_BUDGET = 64L << 20;
  /** Polls without growth after which a rotated-away file is closed. */
  public static final int DRAIN_QUIET_POLLS = 4;
  /** Polls between glob expansions (new files are noticed within this many polls). */
  public static final int EXPAND_EVERY = 4;

  private final List<Glob> globs;
  private final AgentConfig.TailStart start;
  private final Duration poll;
  private final AgentStore store;
  private final Outbox outbox;
  private final ScanEngine engine;
  private final RateLimiter rate;
  private final AgentLog log;
  private final Clock clock;
  private final Map<Path, Tailed> live = new LinkedHashMap<>();
  private final List<Tailed> draining = new ArrayList<>();
  private final Set<Path> failing = new HashSet<>();
  private final byte[] buffer = new byte[READ_BYTES];
  private volatile boolean stopping;
  private long polls;
  private volatile long linesRead;

  public LogTailer(List<String> globs, AgentConfig.TailStart start, Duration poll, AgentStore store, Outbox outbox,
      ScanEngine engine, RateLimiter rate, AgentLog log, Clock clock) {
    this.globs = globs.stream().map(Glob::of).toList();
    this.start = start;
    this.poll = poll;
    this.store = store;
    this.outbox = outbox;
    this.engine = engine;
    this.rate = rate;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      recover();
      while (!stopping) {
        pollOnce();
        synchronized (this) {
          if (!stopping) {
            wait(poll.toMillis());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      log.error("log tailing stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      closeAll();
    }
  }

  /** Ends the loop after the current poll. */
  public void stop() {
    synchronized (this) {
      stopping = true;
      notifyAll();
    }
  }

  /** Lines scanned since start. */
  public long linesRead() {
    return linesRead;
  }

  /** Opens every matching file at its checkpoint and finishes files rotated while the agent was down. */
  void recover() throws IOException, InterruptedException {
    Map<String, List<TailCheckpoint>> byPath = new HashMap<>();
    for (TailCheckpoint cp : store.tails()) {
      byPath.computeIfAbsent(cp.path(), p -> new ArrayList<>()).add(cp);
    }
    Set<String> handled = new HashSet<>();
    for (Path path : expand()) {
      Tailed t = open(path);
      if (t == null) {
        continue;
      }
      TailCheckpoint cp = store.tail(t.fileKey);
      if (cp != null && sameHead(t, cp)) {
        t.resumeAt(cp);
        log.info("resuming " + path + " at byte " + cp.offset() + " (line " + cp.line() + ")");
      } else if (cp != null) {
        log.info(path + " was truncated or replaced (same inode, other content) while the agent was stopped; reading it from the start");
        readFromCopy(path, cp, t.ref);
      } else if (!byPath.containsKey(path.toString()) && start == AgentConfig.TailStart.END) {
        t.skipToEnd();
        log.info("following " + path + " from its end (byte " + t.offset + ", tail_start: end)");
      }
      handled.add(t.fileKey);
      for (TailCheckpoint old : byPath.getOrDefault(path.toString(), List.of())) {
        if (!old.fileKey().equals(t.fileKey)) {
          finishRotatedWhileDown(path, old);
          handled.add(old.fileKey());
        }
      }
      live.put(path, t);
    }
    List<StateUpdate> forget = new ArrayList<>();
    for (TailCheckpoint cp : store.tails()) {
      if (!handled.contains(cp.fileKey())) {
        forget.add(new StateUpdate.TailDone(cp.fileKey()));
      }
    }
    if (!forget.isEmpty()) {
      outbox.submit(List.of(), List.of(), forget);
    }
  }

  /** One poll: notices new, rotated and truncated files, and reads what was appended. */
  void pollOnce() throws IOException, InterruptedException {
    if (polls++ % EXPAND_EVERY == 0) {
      for (Path path : expand()) {
        if (!live.containsKey(path)) {
          Tailed t = open(path);
          if (t != null) {
            live.put(path, t);
          }
        }
      }
    }
    for (Iterator<Map.Entry<Path, Tailed>> it = live.entrySet().iterator(); it.hasNext() && !stopping; ) {
      Map.Entry<Path, Tailed> e = it.next();
      try {
        if (!follow(e)) {
          it.remove();
        }
      } catch (IOException ex) {
        log.warn("cannot read " + e.getKey() + " (" + ex.getClass().getSimpleName() + "); it is reopened at the next"
            + " expansion from its last checkpoint");
        e.getValue().close();
        it.remove();
      }
    }
    for (Iterator<Tailed> it = draining.iterator(); it.hasNext() && !stopping; ) {
      Tailed t = it.next();
      long before = t.offset;
      try {
        readAvailable(t, false);
      } catch (IOException ex) {
        log.warn("cannot finish rotated " + t.path + " (" + ex.getClass().getSimpleName() + ") after byte " + t.offset);
        t.close();
        it.remove();
        outbox.submit(List.of(), List.of(), List.of(new StateUpdate.TailDone(t.fileKey)));
        continue;
      }
      t.quietPolls = t.offset == before ? t.quietPolls + 1 : 0;
      if (t.quietPolls >= DRAIN_QUIET_POLLS) {
        readAvailable(t, true);
        t.close();
        it.remove();
        outbox.submit(List.of(), List.of(), List.of(new StateUpdate.TailDone(t.fileKey)));
      }
    }
  }

  /** One live path: rotation, truncation, then new lines. False when the path is gone (its file drains). */
  private boolean follow(Map.Entry<Path, Tailed> e) throws IOException, InterruptedException {
    Path path = e.getKey();
    Tailed t = e.getValue();
    String key = fileKey(path);
    if (!Objects.equals(key, t.fileKey)) {
      readAvailable(t, false);
      t.quietPolls = 0;
      draining.add(t);
      if (key == null) {
        log.info("rotated: " + path + " was renamed or removed; finishing the old file");
        return false;
      }
      Tailed fresh = open(path);
      if (fresh == null) {
        return false;
      }
      log.info("rotated: " + path + " is a new file; finishing the old one");
      e.setValue(fresh);
      t = fresh;
    } else if (truncated(t)) {
      recoverTruncated(path, t);
    }
    readAvailable(t, false);
    return true;
  }

  private void readAvailable(Tailed t, boolean finalRead) throws IOException, InterruptedException {
    long budget = POLL_BUDGET;
    while (budget > 0 && !stopping) {
      long size;
      try {
        size = t.channel.size();
      } catch (IOException e) {
        return;
      }
      if (size <= t.offset) {
        return;
      }
      int n = (int) Math.min(size - t.offset, rate.step(buffer.length));
      rate.acquire(n);
      ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
      while (b.hasRemaining()) {
        if (t.channel.read(b, t.offset + b.position()) < 0) {
          break;
        }
      }
      n = b.position();
      int upto = lastNewline(buffer, n) + 1;
      if (upto == 0) {
        if (n >= MAX_LINE || finalRead) {
          upto = n;
        } else {
          return;
        }
      }
      consume(t, buffer, upto);
      budget -= upto;
    }
  }

  /** Scans {@code bytes[0, length)} at the file's offset and hands findings and the new checkpoint over together. */
  private void consume(Tailed t, byte[] bytes, int length) throws IOException, InterruptedException {
    List<ExposureRecord> records = new ArrayList<>();
    engine.scanText(bytes, length, t.line, t.ref, clock.instant(), records);
    long newlines = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        newlines++;
      }
    }
    if (t.offset < HEAD_BYTES && t.headLength < HEAD_BYTES) {
      t.refreshHead();
    }
    t.offset += length;
    t.line += newlines;
    linesRead += newlines;
    outbox.submit(records, List.of(), List.of(new StateUpdate.Tail(t.checkpoint())));
  }

  private boolean truncated(Tailed t) throws IOException {
    long size = t.channel.size();
    if (size < t.offset) {
      return true;
    }
    if (t.offset == 0 || t.headLength == 0) {
      return false;
    }
    return head(t.channel, t.headLength) != t.headCrc;
  }

  /** The log was copied and truncated: reads the lines after the offset from the copy, then restarts at 0. */
  private void recoverTruncated(Path path, Tailed t) throws IOException, InterruptedException {
    log.info("truncated: " + path + " (copytruncate); reading the rest of the old content from its copy");
    TailCheckpoint cp = t.checkpoint();
    if (!readFromCopy(path, cp, t.ref)) {
      log.warn("no copy of " + path + " matching the truncated content was found; lines written after byte "
          + cp.offset() + " and before the truncation are not scanned");
    }
    t.offset = 0;
    t.line = 1;
    t.headLength = 0;
    t.headCrc = 0;
    outbox.submit(List.of(), List.of(), List.of(new StateUpdate.Tail(t.checkpoint())));
  }

  /** At start-up: the file of checkpoint {@code old} is no longer at {@code path}; finish it from a rotated name. */
  private void finishRotatedWhileDown(Path path, TailCheckpoint old) throws IOException, InterruptedException {
    for (Path sibling : siblings(path)) {
      if (old.fileKey().equals(fileKey(sibling))) {
        Tailed t = open(sibling);
        if (t != null && t.fileKey.equals(old.fileKey())) {
          t.ref = engine.fileRef(path);
          t.logPath = path;
          t.resumeAt(old);
          draining.add(t);
          log.info("finishing " + sibling + " (rotated from " + path + " while the agent was stopped) from byte " + old.offset());
          return;
        }
      }
    }
    if (!readFromCopy(path, old, engine.fileRef(path))) {
      log.warn(path + " was rotated while the agent was stopped and no rotated file matches; the lines after byte "
          + old.offset() + " of the old file are not scanned");
    } else {
      outbox.submit(List.of(), List.of(), List.of(new StateUpdate.TailDone(old.fileKey())));
    }
  }

  /**
   * Reads the content after {@code cp.offset()} from a sibling of {@code path} whose first bytes match the
   * checkpoint's (plain or gzip); true when one was found. A sibling that vanishes between the listing and its
   * reading (compressed and deleted by the rotation meanwhile: {@code app.log.2} becoming {@code app.log.2.gz})
   * makes it list the siblings again, at most {@link #COPY_LISTINGS} times in all; the siblings already tried are
   * not read twice.
   */
  private boolean readFromCopy(Path path, TailCheckpoint cp, SourceRef ref) throws IOException, InterruptedException {
    if (cp.headLength() == 0) {
      return cp.offset() == 0;
    }
    Set<Path> tried = new HashSet<>();
    for (int listing = 0; listing < COPY_LISTINGS; listing++) {
      List<Path> candidates = siblings(path);
      candidates.removeAll(tried);
      candidates.sort(Comparator.comparing((Path p) -> isGzip(p) ? 1 : 0));
      boolean vanished = false;
      for (Path c : candidates) {
        tried.add(c);
        try (InputStream in = openMaybeGzip(c)) {
          byte[] head = in.readNBytes(cp.headLength());
          if (head.length < cp.headLength() || crc(head, head.length) != cp.headCrc()) {
            continue;
          }
          long skip = cp.offset() - head.length;
          if (in.skip(skip) < skip) {
            continue;
          }
          log.info("reading the rest of " + path + " from " + c.getFileName() + " after byte " + cp.offset());
          readCopy(in, cp, ref);
          return true;
        } catch (NoSuchFileException e) {
          // the rotation is moving things right now: its result (a complete .gz) is in the next listing
          vanished = true;
          break;
        } catch (IOException e) {
          log.warn("cannot read rotated copy " + c + ": " + e.getClass().getSimpleName());
        }
      }
      if (!vanished) {
        return false;
      }
    }
    return false;
  }

  /**
   * Scans the rest of a rotated copy; each piece is handed over with the checkpoint of the old file moved
   * forward, so a crash in between resumes in the copy where it stopped.
   */
  private void readCopy(InputStream in, TailCheckpoint cp, SourceRef ref) throws IOException, InterruptedException {
    long line = cp.line();
    long offset = cp.offset();
    byte[] buf = new byte[READ_BYTES];
    int filled = 0;
    while (true) {
      int n = in.read(buf, filled, Math.min(buf.length - filled, rate.step(buf.length)));
      if (n > 0) {
        rate.acquire(n);
        filled += n;
      }
      boolean eof = n < 0;
      int upto = eof ? filled : lastNewline(buf, filled) + 1;
      if (upto == 0 && filled == buf.length) {
        upto = filled;
      }
      if (upto > 0) {
        List<ExposureRecord> records = new ArrayList<>();
        engine.scanText(buf, upto, line, ref, clock.instant(), records);
        long nl = 0;
        for (int i = 0; i < upto; i++) {
          if (buf[i] == '\n') {
            nl++;
          }
        }
        line += nl;
        linesRead += nl;
        offset += upto;
        TailCheckpoint moved = new TailCheckpoint(cp.path(), cp.fileKey(), offset, line, cp.headCrc(), cp.headLength());
        outbox.submit(records, List.of(), List.of(new StateUpdate.Tail(moved)));
        System.arraycopy(buf, upto, buf, 0, filled - upto);
        filled -= upto;
      }
      if (eof) {
        return;
      }
    }
  }

  private List<Path> siblings(Path path) throws IOException {
    Path dir = path.getParent();
    String name = path.getFileName().toString();
    List<Path> out = new ArrayList<>();
    if (dir == null || !Files.isDirectory(dir)) {
      return out;
    }
    try (var files = Files.list(dir)) {
      files.filter(p -> !p.equals(path) && p.getFileName().toString().startsWith(name) && Files.isRegularFile(p))
          .forEach(out::add);
    }
    return out;
  }

  private Tailed open(Path path) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      String before = fileKey(path);
      if (before == null) {
        return null;
      }
      FileChannel ch;
      try {
        ch = FileChannel.open(path, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        return null;
      } catch (IOException e) {
        if (failing.add(path)) {
          log.warn("cannot open " + path + " for tailing: " + e.getClass().getSimpleName());
        }
        return null;
      }
      if (before.equals(fileKey(path))) {
        failing.remove(path);
        Tailed t = new Tailed(path, before, ch, engine.fileRef(path));
        return t;
      }
      ch.close();
    }
    return null;
  }

  private boolean sameHead(Tailed t, TailCheckpoint cp) throws IOException {
    if (cp.headLength() == 0) {
      return true;
    }
    if (t.channel.size() < cp.headLength() || t.channel.size() < cp.offset()) {
      return false;
    }
    return head(t.channel, cp.headLength()) == cp.headCrc();
  }

  private List<Path> expand() throws IOException {
    Set<Path> out = new java.util.TreeSet<>();
    for (Glob g : globs) {
      g.expand(out);
    }
    return new ArrayList<>(out);
  }

  private void closeAll() {
    for (Tailed t : live.values()) {
      t.close();
    }
    for (Tailed t : draining) {
      t.close();
    }
    live.clear();
    draining.clear();
  }

  static String fileKey(Path path) {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return null;
      }
      Object key = a.fileKey();
      return key == null ? path.toString() : key.toString();
    } catch (IOException e) {
      return null;
    }
  }

  private static long head(FileChannel ch, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining()) {
      if (ch.read(b, b.position()) < 0) {
        break;
      }
    }
    return crc(b.array(), b.position());
  }

  private static long crc(byte[] bytes, int length) {
    CRC32 c = new CRC32();
    c.update(bytes, 0, length);
    return c.getValue();
  }

  private static int lastNewline(byte[] b, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isGzip(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] magic = in.readNBytes(2);
      return ContentSniffer.isGzip(magic, magic.length);
    } catch (IOException e) {
      return false;
    }
  }

  private static InputStream openMaybeGzip(Path p) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
    in.mark(2);
    byte[] magic = in.readNBytes(2);
    in.reset();
    return ContentSniffer.isGzip(magic, magic.length) ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** One open log file and how far it is read. */
  private final class Tailed {
    final Path path;
    final String fileKey;
    final FileChannel channel;
    SourceRef ref;
    Path logPath;
    long offset;
    long line = 1;
    long headCrc;
    int headLength;
    int quietPolls;

    Tailed(Path path, String fileKey, FileChannel channel, SourceRef ref) {
      this.path = path;
      this.fileKey = fileKey;
      this.channel = channel;
      this.ref = ref;
      this.logPath = path;
    }

    void resumeAt(TailCheckpoint cp) {
      offset = cp.offset();
      line = cp.line();
      headCrc = cp.headCrc();
      headLength = cp.headLength();
    }

    void skipToEnd() throws IOException {
      long size = channel.size();
      long lines = 1;
      long pos = 0;
      ByteBuffer b = ByteBuffer.allocate(1 << 16);
      long lastLineStart = 0;
      while (pos < size) {
        b.clear();
        int n = channel.read(b, pos);
        if (n <= 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (b.get(i) == '\n') {
            lines++;
            lastLineStart = pos + i + 1;
          }
        }
        pos += n;
      }
      offset = lastLineStart;
      line = lines;
      refreshHead();
    }

    void refreshHead() throws IOException {
      int n = (int) Math.min(HEAD_BYTES, channel.size());
      headLength = n;
      headCrc = n == 0 ? 0 : head(channel, n);
    }

    /** The checkpoint, under the live log's path (a rotated file being finished counts as its log). */
    TailCheckpoint checkpoint() {
      return new TailCheckpoint(logPath.toString(), fileKey, offset, line, headCrc, headLength);
    }

    void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // closing a read-only channel loses nothing
      }
    }
  }

  /** A configured path or glob, expanded by listing its base directory to the glob's depth. */
  private record Glob(Path base, java.nio.file.PathMatcher matcher, int depth, Path literal) {
    static Glob of(String text) {
      Path p = Path.of(text);
      if (!text.contains("*") && !text.contains("?") && !text.contains("[") && !text.contains("{")) {
        return new Glob(null, null, 0, p);
      }
      Path base = p.getRoot();
      int i = 0;
      for (; i < p.getNameCount(); i++) {
        String part = p.getName(i).toString();
        if (part.contains("*") || part.contains("?") || part.contains("[") || part.contains("{")) {
          break;
        }
        base = base.resolve(part);
      }
      int depth = text.contains("**") ? Integer.MAX_VALUE : p.getNameCount() - i;
      return new Glob(base, p.getFileSystem().getPathMatcher("glob:" + text), depth, null);
    }

    void expand(Set<Path> out) throws IOException {
      if (literal != null) {
        if (Files.isRegularFile(literal)) {
          out.add(literal);
        }
        return;
      }
      if (!Files.isDirectory(base)) {
        return;
      }
      try (var files = Files.find(base, depth, (f, a) -> a.isRegularFile() && matcher.matches(f))) {
        files.forEach(out::add);
      } catch (java.io.UncheckedIOException e) {
        // a directory vanished during the listing; the next expansion sees the new layout
      }
    }
  }
}
