package dev.lagotto.core.extract.document;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Geographic;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;

/**
 * Runs one Apache Tika parse on a worker thread under a hard timeout: body text to a {@link TextSpool} (at most
 * {@link ExtractLimits#maxChars()} characters), metadata, and embedded documents (attachments, embedded
 * files, mbox messages) spooled to temporary files for the caller to open in turn; for an image without EXIF GPS,
 * the position of its XMP packet ({@link XmpGps}). A parse that outlives its
 * timeout is interrupted and abandoned; while {@link #MAX_HUNG_PARSES} abandoned parses are still running,
 * further parses are refused as {@link SkipReason#TIMEOUT} so hostile files cannot eat every core. OCR is off.
 * Thread-safe.
 */
final class DocumentParser {

  /** Abandoned (timed-out, still running) parses tolerated before new parses are refused. */
  static final int MAX_HUNG_PARSES = 4;

  private final AutoDetectParser parser;
  private final MediaTypeRegistry registry;
  private final Map<MediaType, Parser> parsers;
  private final List<Thread> hung = new ArrayList<>();
  private final AtomicInteger threadIds = new AtomicInteger();

  DocumentParser() {
    TikaConfig config = TikaConfig.getDefaultConfig();
    this.parser = new AutoDetectParser(config);
    this.registry = config.getMediaTypeRegistry();
    this.parsers = parser.getParsers(new ParseContext());
  }

  /** Whether some parser reads this media type or one of its supertypes. */
  boolean supports(String mediaType) {
    for (MediaType t = MediaType.parse(mediaType); t != null; t = registry.getSupertype(t)) {
      if (parsers.containsKey(t)) {
        return true;
      }
    }
    return false;
  }

  /** An embedded document spooled to a file, with its name (resource name or {@code #n}). */
  record Embedded(String name, Path file) {}

  /** A skip seen by the worker thread, reported by the caller. */
  record Skip(String name, SkipReason reason, String detail) {}

  /** What a parse produced. Closing deletes the spooled text and embedded files. */
  static final class Result implements Closeable {
    final TextSpool text;
    final Metadata metadata;
    final List<Embedded> embedded;
    final List<Skip> skips;
    final Failures.Failure failure;
    final boolean truncated;

    Result(TextSpool text, Metadata metadata, List<Embedded> embedded, List<Skip> skips,
        Failures.Failure failure, boolean truncated) {
      this.text = text;
      this.metadata = metadata;
      this.embedded = embedded;
      this.skips = skips;
      this.failure = failure;
      this.truncated = truncated;
    }

    @Override
    public void close() throws IOException {
      if (text != null) {
        text.close();
      }
      for (Embedded e : embedded) {
        Files.deleteIfExists(e.file());
      }
    }
  }

  /**
   * Parses a file.
   *
   * @param openEmbedded whether embedded documents are spooled (false at the maximum depth: they are then only
   *     counted and reported once as {@link SkipReason#TOO_DEEP})
   */
  Result parse(Path file, ExtractLimits limits, ExpansionBudget budget, Path tempDir, boolean openEmbedded)
      throws IOException {
    int running = pruneHung();
    if (running >= MAX_HUNG_PARSES) {
      return new Result(null, null, List.of(), List.of(), new Failures.Failure(SkipReason.TIMEOUT,
          running + " earlier parses are still running past their timeout"), false);
    }
    TextSpool spool = new TextSpool(tempDir);
    Worker worker = new Worker(file, limits, spool, new Spooler(budget, tempDir, openEmbedded));
    Thread thread = new Thread(worker, "lagotto-tika-" + threadIds.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join(limits.parseTimeout().toMillis());
    } catch (InterruptedException e) {
      thread.interrupt();
      spool.close();
      worker.spooler.discard();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while parsing");
    }
    if (thread.isAlive()) {
      thread.interrupt();
      spool.seal();
      worker.spooler.discard();
      synchronized (hung) {
        hung.add(thread);
      }
      return new Result(spool, null, List.of(), List.of(), new Failures.Failure(SkipReason.TIMEOUT,
          "parse took longer than " + limits.parseTimeout().toSeconds() + " s"), false);
    }
    spool.seal();
    Spooler spooler = worker.spooler;
    List<Skip> skips = new ArrayList<>(spooler.skips);
    if (spooler.tooDeep > 0) {
      skips.add(new Skip(null, SkipReason.TOO_DEEP, spooler.tooDeep + " embedded documents below the maximum depth "
          + limits.maxDepth()));
    }
    Throwable error = worker.error;
    boolean truncated = error != null && WriteLimitReachedException.isWriteLimitReached(error);
    Failures.Failure failure = error == null || truncated ? null : Failures.classify(error);
    return new Result(spool, worker.metadata, List.copyOf(spooler.embedded), skips, failure, truncated);
  }

  private int pruneHung() {
    synchronized (hung) {
      hung.removeIf(t -> !t.isAlive());
      return hung.size();
    }
  }

  /** The parse itself, on the worker thread. */
  private final class Worker implements Runnable {
    final Path file;
    final ExtractLimits limits;
    final TextSpool spool;
    final Spooler spooler;
    final Metadata metadata = new Metadata();
    volatile Throwable error;

    Worker(Path file, ExtractLimits limits, TextSpool spool, Spooler spooler) {
      this.file = file;
      this.limits = limits;
      this.spool = spool;
      this.spooler = spooler;
    }

    @Override
    public void run() {
      Writer writer = new OutputStreamWriter(spool, StandardCharsets.UTF_8);
      ParseContext context = new ParseContext();
      TesseractOCRConfig ocr = new TesseractOCRConfig();
      ocr.setSkipOcr(true);
      context.set(TesseractOCRConfig.class, ocr);
      context.set(EmbeddedDocumentExtractor.class, spooler);
      spooler.context = context;
      ContentHandler handler = new BodyContentHandler(new WriteOutContentHandler(writer, limits.maxChars()));
      try (TikaInputStream in = TikaInputStream.get(file)) {
        parser.parse(in, handler, metadata, context);
        xmpGps();
      } catch (Throwable t) {
        error = t;
      } finally {
        try {
          writer.flush();
        } catch (IOException sealedAfterTimeout) {
          if (error == null) {
            error = sealedAfterTimeout;
          }
        }
      }
    }

    /** Adds the GPS position of an image's XMP packet when Tika found none in its EXIF. */
    private void xmpGps() throws IOException {
      String type = metadata.get(Metadata.CONTENT_TYPE);
      if (type == null || !type.startsWith("image/") || metadata.get(Geographic.LATITUDE) != null) {
        return;
      }
      double[] gps = XmpGps.read(file);
      if (gps != null) {
        metadata.set(Geographic.LATITUDE, gps[0]);
        metadata.set(Geographic.LONGITUDE, gps[1]);
      }
    }
  }

  /**
   * Receives embedded documents during a parse: unnamed text parts (e-mail bodies) are parsed inline into the
   * parent's text; everything else is spooled to a file, counted against the budget, for the caller to open.
   */
  private final class Spooler implements EmbeddedDocumentExtractor {
    final ExpansionBudget budget;
    final Path tempDir;
    final boolean open;
    final List<Embedded> embedded = new ArrayList<>();
    final List<Skip> skips = new ArrayList<>();
    ParseContext context;
    int unnamed;
    int tooDeep;
    private volatile boolean discarded;

    Spooler(ExpansionBudget budget, Path tempDir, boolean open) {
      this.budget = budget;
      this.tempDir = tempDir;
      this.open = open;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return !discarded;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
        throws IOException, org.xml.sax.SAXException {
      if (discarded) {
        return;
      }
      String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
      String type = metadata.get(Metadata.CONTENT_TYPE);
      if ((name == null || name.isBlank()) && type != null && type.startsWith("text/")) {
        try {
          parser.parse(stream, new EmbeddedContentHandler(new BodyContentHandler(handler)), new Metadata(), context);
        } catch (org.apache.tika.exception.TikaException e) {
          skips.add(new Skip(null, SkipReason.CORRUPT, "unreadable inline part: " + Failures.chain(e)));
        }
        return;
      }
      String child = name == null || name.isBlank() ? "#" + (++unnamed) : clean(name);
      if (!open) {
        tooDeep++;
        return;
      }
      if (budget.spent()) {
        return;
      }
      try {
        budget.countEntry();
        Path file = budget.spool(stream, -1, tempDir);
        synchronized (this) {
          if (discarded) {
            Files.deleteIfExists(file);
          } else {
            embedded.add(new Embedded(child, file));
          }
        }
      } catch (LimitExceededException e) {
        skips.add(new Skip(child, e.reason(), e.getMessage()));
      }
    }

    /** Deletes what was spooled; the (abandoned) worker adds nothing more. */
    void discard() {
      synchronized (this) {
        discarded = true;
        for (Embedded e : embedded) {
          try {
            Files.deleteIfExists(e.file());
          } catch (IOException ignored) {
            // the temporary directory is removed at the end of the extraction anyway
          }
        }
      }
    }
  }

  /** An entry or resource name as a relative path: backslashes to slashes, no leading slash or "./". */
  static String clean(String name) {
    String n = name.replace('\\', '/');
    while (n.startsWith("/") || n.startsWith("./")) {
      n = n.startsWith("/") ? n.substring(1) : n.substring(2);
    }
    return n.isEmpty() ? "#" : n;
  }
}
