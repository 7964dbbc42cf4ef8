package dev.lagotto.agent.daemon;

import dev.lagotto.agent.support.DurableFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The durable on-disk spool: append-only segment files ({@code segment-N.spool}) of CRC-checked frames,
 * each with a sequence number that is never reused, fsynced before {@link #append} returns. A
 * {@link FrameType#DATA} frame is one batch of NDJSON records for the server (its batch id is derived from
 * the agent id, the segment and the sequence, so it is stable across restarts); a {@link FrameType#STATE}
 * frame is a journal entry of the agent's own checkpoints, written in the same fsync as the data it covers.
 * The reporter reads frames in order ({@link #next}) and {@link #acknowledge}s them; a segment is deleted
 * once every frame in it is acknowledged and the agent's state file covers its journal entries.
 *
 * <p>Bounded: when appending data would take the spool past {@code maxBytes}, the data frames are dropped,
 * logged as an error and counted ({@link #droppedRecords}); journal frames are always written (they are
 * small) so that sources move on. A torn frame at the end of the last segment (a crash during append,
 * before the fsync returned, so never acknowledged to any caller) is cut off at open.
 *
 * <p>Thread-safe: one appender and one reader may run concurrently. Cost: one write and one fdatasync per
 * {@link #append}; one atomic file replace per {@link #acknowledge}.
 */
public final class Spool implements Closeable {
  public static final String DIR = "spool";
  public static final String ACK_FILE = "ack";
  /** Segment size at which a new segment is started. */
  public static final long SEGMENT_BYTES = 4L << 20;
  /** Largest frame payload accepted. */
  public static final int MAX_FRAME_BYTES = 32 << 20;
  static final int MAGIC = 0x4C475331;
  static final int HEADER_BYTES = 4 + 1 + 8 + 4 + 4 + 4;
  private static final String PREFIX = "segment-";
  private static final String SUFFIX = ".spool";

  /** What a frame holds. */
  public enum FrameType {
    /** NDJSON records for the server. */
    DATA,
    /** A journal entry of the agent's checkpoints (see {@link AgentStore}). */
    STATE
  }

  /** One frame read back. */
  public record Frame(FrameType type, long segment, long seq, int records, byte[] payload) {}

  /** A frame to append. */
  public record Append(FrameType type, int records, byte[] payload) {}

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final AgentLog log;
  private final LongSupplier durableStateSeq;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition appended = lock.newCondition();
  private final List<Segment> segments = new ArrayList<>();
  private final AtomicLong dropped = new AtomicLong();
  private final List<Frame> recoveredState = new ArrayList<>();
  private FileChannel appendChannel;
  private long nextSeq;
  private long ackedSeq;
  private long readSegment = -1;
  private long readPosition;
  private boolean closed;

  /**
   * Opens (creating) the spool in {@code dir}.
   *
   * @param durableStateSeq the sequence up to which the agent's state file covers the journal; segments
   *     above it are kept even when acknowledged
   * @param minNextSeq sequences already used elsewhere (the state file's), so that none is reused
   */
  public Spool(Path dir, long maxBytes, AgentLog log, LongSupplier durableStateSeq, long minNextSeq) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = Math.max(64 << 10, Math.min(SEGMENT_BYTES, maxBytes / 8));
    this.log = log;
    this.durableStateSeq = durableStateSeq;
    DurableFiles.createPrivateDirectory(dir);
    Path ack = dir.resolve(ACK_FILE);
    if (Files.exists(ack)) {
      ackedSeq = Long.parseLong(Files.readString(ack, StandardCharsets.US_ASCII).strip());
    }
    long maxSeq = Math.max(ackedSeq, minNextSeq - 1);
    List<Long> ids;
    try (Stream<Path> files = Files.list(dir)) {
      ids = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX))
          .map(n -> Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()))).sorted().toList();
    }
    for (int i = 0; i < ids.size(); i++) {
      Segment s = recover(ids.get(i), i == ids.size() - 1);
      segments.add(s);
      maxSeq = Math.max(maxSeq, s.lastSeq);
    }
    nextSeq = maxSeq + 1;
    if (segments.isEmpty()) {
      segments.add(newSegment(1));
    }
    Segment last = segments.get(segments.size() - 1);
    appendChannel = FileChannel.open(last.path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    deleteFinishedSegments();
  }

  /** The journal frames found at open with a sequence above {@code afterSeq}, in order (for state recovery). */
  public List<Frame> recoveredState(long afterSeq) {
    return recoveredState.stream().filter(f -> f.seq() > afterSeq).toList();
  }

  /**
   * Appends frames and fsyncs them; returns the sequence of the last frame written ({@code -1} when none).
   * Data frames that do not fit under the bound are dropped and counted.
   */
  public long append(List<Append> frames) throws IOException {
    lock.lock();
    try {
      if (closed) {
        throw new IOException("spool closed");
      }
      long size = bytes();
      List<ByteBuffer> buffers = new ArrayList<>();
      long last = -1;
      long total = 0;
      long droppedNow = 0;
      for (Append a : frames) {
        if (a.payload().length > MAX_FRAME_BYTES) {
          throw new IllegalArgumentException("frame of " + a.payload().length + " bytes exceeds " + MAX_FRAME_BYTES);
        }
        long frameBytes = HEADER_BYTES + (long) a.payload().length;
        if (a.type() == FrameType.DATA && size + total + frameBytes > maxBytes) {
          droppedNow += a.records();
          continue;
        }
        Segment current = segments.get(segments.size() - 1);
        if (current.size > 0 && current.size + total + frameBytes > segmentBytes) {
          writeAll(buffers);
          total = 0;
          buffers.clear();
          roll();
        }
        last = nextSeq++;
        buffers.add(encode(a, last));
        total += frameBytes;
        Segment s = segments.get(segments.size() - 1);
        if (s.firstSeq < 0) {
          s.firstSeq = last;
        }
        s.lastSeq = last;
        if (a.type() == FrameType.STATE) {
          s.hasState = true;
        }
      }
      writeAll(buffers);
      appended.signalAll();
      if (droppedNow > 0) {
        long n = dropped.addAndGet(droppedNow);
        log.error("spool full (" + bytes() + " of " + maxBytes + " bytes; the server is unreachable or slow): dropped "
            + droppedNow + " exposure records; " + n + " dropped since start");
      }
      return last;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The first frame with a sequence above {@code afterSeq}, waiting up to {@code waitMillis} for one to be
   * appended; {@code null} when none. Frames of deleted segments are never returned.
   */
  public Frame next(long afterSeq, long waitMillis) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    lock.lock();
    try {
      while (true) {
        Frame f = find(afterSeq);
        if (f != null || closed) {
          return f;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        appended.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Records that every frame up to {@code seq} is delivered (or deliberately skipped); durable on return. */
  public void acknowledge(long seq) throws IOException {
    lock.lock();
    try {
      if (seq <= ackedSeq) {
        return;
      }
      DurableFiles.writeAtomically(dir.resolve(ACK_FILE), (seq + "\n").getBytes(StandardCharsets.US_ASCII));
      ackedSeq = seq;
      deleteFinishedSegments();
    } finally {
      lock.unlock();
    }
  }

  /** Deletes acknowledged segments whose journal is covered by the state file; call after the state is saved. */
  public void deleteFinishedSegments() throws IOException {
    lock.lock();
    try {
      long durable = durableStateSeq.getAsLong();
      while (segments.size() > 1) {
        Segment s = segments.get(0);
        boolean acked = s.lastSeq < 0 || s.lastSeq <= ackedSeq;
        boolean journalSaved = !s.hasState || s.lastSeq <= durable;
        if (!acked || !journalSaved) {
          break;
        }
        Files.deleteIfExists(s.path);
        segments.remove(0);
        if (readSegment == s.id) {
          readSegment = -1;
        }
      }
      recoveredState.removeIf(f -> f.seq() <= durable);
    } finally {
      lock.unlock();
    }
  }

  /** The highest acknowledged sequence. */
  public long acknowledged() {
    lock.lock();
    try {
      return ackedSeq;
    } finally {
      lock.unlock();
    }
  }

  /** Bytes on disk in segment files. */
  public long bytes() {
    lock.lock();
    try {
      long sum = 0;
      for (Segment s : segments) {
        sum += s.size;
      }
      return sum;
    } finally {
      lock.unlock();
    }
  }

  /** Exposure records dropped because the spool was full, since this spool was opened. */
  public long droppedRecords() {
    return dropped.get();
  }

  /** Whether every data frame appended so far is acknowledged. */
  public boolean drained() {
    lock.lock();
    try {
      return ackedSeq >= nextSeq - 1;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      closed = true;
      appended.signalAll();
      if (appendChannel != null) {
        appendChannel.close();
        appendChannel = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private Frame find(long afterSeq) throws IOException {
    if (readSegment < 0 || segmentIndex(readSegment) < 0) {
      readSegment = segments.get(0).id;
      readPosition = 0;
    }
    while (true) {
      int idx = segmentIndex(readSegment);
      Segment s = segments.get(idx);
      if (readPosition >= s.size) {
        if (idx + 1 >= segments.size()) {
          return null;
        }
        readSegment = segments.get(idx + 1).id;
        readPosition = 0;
        continue;
      }
      Frame f;
      try (FileChannel ch = FileChannel.open(s.path, StandardOpenOption.READ)) {
        f = readFrame(ch, s.id, readPosition, s.size);
      }
      if (f == null) {
        log.error("spool segment " + s.path.getFileName() + " is corrupt at byte " + readPosition
            + "; the rest of the segment is skipped");
        readPosition = s.size;
        continue;
      }
      if (f.seq() > afterSeq) {
        return f;
      }
      readPosition += HEADER_BYTES + f.payload().length;
    }
  }

  private int segmentIndex(long id) {
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).id == id) {
        return i;
      }
    }
    return -1;
  }

  private Segment recover(long id, boolean last) throws IOException {
    Path path = dir.resolve(name(id));
    Segment s = new Segment(id, path);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long pos = 0;
      while (pos < size) {
        Frame f = readFrame(ch, id, pos, size);
        if (f == null) {
          break;
        }
        if (s.firstSeq < 0) {
          s.firstSeq = f.seq();
        }
        s.lastSeq = f.seq();
        if (f.type() == FrameType.STATE) {
          s.hasState = true;
          recoveredState.add(f);
        }
        pos += HEADER_BYTES + f.payload().length;
      }
      if (pos < size) {
        if (last) {
          log.warn("spool segment " + path.getFileName() + ": cut " + (size - pos)
              + " bytes of a frame torn by a crash (never acknowledged to a source)");
        } else {
          log.error("spool segment " + path.getFileName() + " is corrupt at byte " + pos + "; "
              + (size - pos) + " bytes discarded");
        }
        ch.truncate(pos);
        ch.force(true);
      }
      s.size = pos;
    } catch (NoSuchFileException e) {
      s.size = 0;
    }
    return s;
  }

  private static Frame readFrame(FileChannel ch, long segment, long pos, long size) throws IOException {
    if (size - pos < HEADER_BYTES) {
      return null;
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    readFully(ch, header, pos);
    header.flip();
    if (header.getInt() != MAGIC) {
      return null;
    }
    int type = header.get();
    long seq = header.getLong();
    int records = header.getInt();
    int length = header.getInt();
    int crc = header.getInt();
    if (type < 1 || type > FrameType.values().length || length < 0 || length > MAX_FRAME_BYTES
        || size - pos - HEADER_BYTES < length) {
      return null;
    }
    ByteBuffer body = ByteBuffer.allocate(length);
    readFully(ch, body, pos + HEADER_BYTES);
    byte[] payload = body.array();
    CRC32 c = new CRC32();
    c.update(payload);
    if ((int) c.getValue() != crc) {
      return null;
    }
    return new Frame(FrameType.values()[type - 1], segment, seq, records, payload);
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos + buf.position());
      if (n < 0) {
        throw new IOException("unexpected end of spool segment");
      }
    }
  }

  private static ByteBuffer encode(Append a, long seq) {
    CRC32 c = new CRC32();
    c.update(a.payload());
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + a.payload().length);
    b.putInt(MAGIC).put((byte) (a.type().ordinal() + 1)).putLong(seq).putInt(a.records()).putInt(a.payload().length)
        .putInt((int) c.getValue()).put(a.payload());
    b.flip();
    return b;
  }

  private void writeAll(List<ByteBuffer> buffers) throws IOException {
    if (buffers.isEmpty()) {
      return;
    }
    long n = 0;
    for (ByteBuffer b : buffers) {
      while (b.hasRemaining()) {
        n += appendChannel.write(b);
      }
    }
    appendChannel.force(false);
    segments.get(segments.size() - 1).size += n;
  }

  private void roll() throws IOException {
    appendChannel.close();
    Segment s = newSegment(segments.get(segments.size() - 1).id + 1);
    segments.add(s);
    appendChannel = FileChannel.open(s.path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private Segment newSegment(long id) throws IOException {
    Path path = dir.resolve(name(id));
    Files.newByteChannel(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
    DurableFiles.syncDirectory(dir);
    return new Segment(id, path);
  }

  private static String name(long id) {
    return String.format("%s%016d%s", PREFIX, id, SUFFIX);
  }

  /** One segment file and what is known of it. */
  private static final class Segment {
    final long id;
    final Path path;
    long size;
    long firstSeq = -1;
    long lastSeq = -1;
    boolean hasState;

    Segment(long id, Path path) {
      this.id = id;
      this.path = path;
    }
  }
}
