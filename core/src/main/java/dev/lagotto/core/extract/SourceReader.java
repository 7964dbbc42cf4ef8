package dev.lagotto.core.extract;

import dev.lagotto.core.finding.FindingFactory;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.scan.ScanSettings;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one source to findings: un-gzips it when its first bytes are the gzip magic (whatever its name),
 * detects its content type from the first {@value ContentSniffer#HEAD_BYTES} bytes, and gives it to the
 * first {@link ContentHandler} that accepts the type; the handler's text goes through the
 * {@link TextScanner}. Never throws for a bad source: every fault becomes a {@link SourceResult} with a
 * reason, and findings made before a fault stay reported; an entry of an archive or document that cannot be read
 * becomes one {@link SkippedEntry} of the result while the other entries are scanned. Memory: bounded by the chunk buffer and the
 * I/O buffers, whatever the input. Immutable and thread-safe.
 */
public final class SourceReader {
  public static final String EMPTY = "empty";
  public static final String BINARY = "binary content";
  public static final String SHRANK = "file shrank while being read";
  /** The rule id of positions read from photo metadata ({@link TextTarget#geo}). */
  public static final String GPS_RULE = "exif_gps";
  /** The metadata field of such positions. */
  public static final String GPS_FIELD = "GPS";
  /** The confidence of such positions: the camera wrote them as coordinates. */
  public static final double GPS_CONFIDENCE = 0.95;
  /** Decimals of such positions' values (about 0.1 m). */
  public static final int GPS_DECIMALS = 6;
  /**
   * Skipped entries listed per source: 1,000. Beyond it they are counted, and a source otherwise scanned whole is
   * reported failed with {@link #TOO_MANY_SKIPPED_ENTRIES}, so a hostile archive cannot grow the report without bound.
   */
  public static final int MAX_LISTED_ENTRIES = 1_000;
  /** The reason of a source with more than {@link #MAX_LISTED_ENTRIES} skipped entries. */
  public static final String TOO_MANY_SKIPPED_ENTRIES = "too many skipped entries";
  private static final int IO_BUFFER = 64 * 1024;

  private final TextScanner textScanner;
  private final FindingFactory factory;
  private final List<ContentHandler> handlers;

  public SourceReader(TextScanner textScanner, FindingFactory factory, List<ContentHandler> handlers) {
    this.textScanner = textScanner;
    this.factory = factory;
    this.handlers = List.copyOf(handlers);
  }

  /** Opens {@code path} with {@code opener} and reads it; a file that shrinks while read is a failure. */
  public SourceResult readFile(Path path, SourceRef ref, SourceOpener opener, FindingSink sink) {
    try (InputStream in = opener.open(path)) {
      long size = Files.size(path);
      return read(in, ref, size, sink, path);
    } catch (IOException e) {
      return IoFaults.failed(e, 0, 0);
    }
  }

  /**
   * Reads {@code raw} to its end (does not close it).
   *
   * @param expectedSize the size of the raw source when opened, or {@code -1} when unknown (stdin)
   */
  public SourceResult read(InputStream raw, SourceRef ref, long expectedSize, FindingSink sink) {
    return read(raw, ref, expectedSize, sink, null);
  }

  private SourceResult read(InputStream raw, SourceRef ref, long expectedSize, FindingSink sink, Path file) {
    Target target = new Target(ref, sink, file);
    CountingInput counted = new CountingInput(raw);
    boolean gzip = false;
    try {
      BufferedInputStream buffered = new BufferedInputStream(counted, IO_BUFFER);
      buffered.mark(2);
      byte[] magic = buffered.readNBytes(2);
      buffered.reset();
      gzip = ContentSniffer.isGzip(magic, magic.length);
      InputStream content = gzip ? new BufferedInputStream(new GzipInput(buffered), IO_BUFFER) : buffered;
      content.mark(ContentSniffer.HEAD_BYTES);
      byte[] head = new byte[ContentSniffer.HEAD_BYTES];
      int n = content.readNBytes(head, 0, head.length);
      content.reset();
      ContentType type = ContentSniffer.sniff(head, n, gzip);
      if (type.kind() == ContentType.Kind.EMPTY) {
        return SourceResult.skipped(EMPTY, gzip ? "empty gzip stream" : "");
      }
      ContentHandler handler = handlers.stream().filter(h -> h.accepts(type)).findFirst().orElse(null);
      if (handler == null) {
        return SourceResult.skipped(BINARY, type.detail() + (gzip ? " (in gzip stream)" : ""));
      }
      handler.read(content, type, target);
      if (!gzip && expectedSize >= 0 && counted.count < expectedSize && handler instanceof PlainTextHandler) {
        return SourceResult.failed(SHRANK, "read " + counted.count + " of " + expectedSize + " bytes",
            target.bytes, target.findings);
      }
      if (target.unlisted > 0) {
        return SourceResult.failed(TOO_MANY_SKIPPED_ENTRIES, target.unlisted + " more skipped entries not listed",
            target.bytes, target.findings).withEntries(target.entries);
      }
      return SourceResult.scanned(target.bytes, target.findings).withEntries(target.entries);
    } catch (IOException e) {
      return IoFaults.failed(e, target.bytes, target.findings).withEntries(target.entries);
    } catch (RuntimeException e) {
      return SourceResult.failed(IoFaults.INTERNAL_ERROR, e.getClass().getName(), target.bytes, target.findings)
          .withEntries(target.entries);
    }
  }

  /** Scans each text of one source into findings and counts them. */
  private final class Target implements TextTarget {
    private final SourceRef ref;
    private final FindingSink sink;
    private final Path file;
    private long bytes;
    private long findings;
    private final List<SkippedEntry> entries = new ArrayList<>();
    private long unlisted;

    Target(SourceRef ref, FindingSink sink, Path file) {
      this.file = file;
      this.ref = ref;
      this.sink = sink;
    }

    @Override
    public Path file() {
      return file;
    }

    @Override
    public String sourceName() {
      return nameOf(ref);
    }

    @Override
    public void skipped(String entry, String reason, String detail, boolean error) {
      if (entries.size() < MAX_LISTED_ENTRIES) {
        entries.add(new SkippedEntry(entry, reason, detail, error));
      } else {
        unlisted++;
      }
    }

    @Override
    public void geo(String entry, double latitude, double longitude) {
      ScanSettings settings = textScanner.scanner().settings();
      if (!settings.categories().contains(Category.GEO_COORDINATES) || GPS_CONFIDENCE < settings.minConfidence()) {
        return;
      }
      String raw = String.format(Locale.ROOT, "%." + GPS_DECIMALS + "f,%." + GPS_DECIMALS + "f", latitude, longitude);
      int length = raw.getBytes(StandardCharsets.UTF_8).length;
      Location.Text location = new Location.Text(1, 1, 0, length, entry, GPS_FIELD, true);
      sink.accept(factory.create(Category.GEO_COORDINATES, GPS_RULE, GPS_CONFIDENCE, ref, location, raw));
      findings++;
    }

    @Override
    public void text(InputStream utf8, String entry, String field, boolean extracted) throws IOException {
      textScanner.scan(utf8, new TextMatchSink() {
        @Override
        public void match(Rule rule, double confidence, byte[] b, int start, int end, long line, long column, long offset) {
          String raw = new String(b, start, end - start, StandardCharsets.UTF_8);
          Location.Text location = new Location.Text(line, column, offset, end - start, entry, field, extracted);
          // create(Category, ...) rather than create(Rule, ...): one method less for the JIT to compile on this path
          sink.accept(factory.create(rule.category(), rule.id(), confidence, ref, location, raw));
          findings++;
        }

        @Override
        public void scanned(long n) {
          bytes += n;
          sink.scanned(n);
        }
      });
    }
  }

  /** The last path segment of a source's URI (a file's name), or the whole URI when it has no path. */
  static String nameOf(SourceRef ref) {
    String uri = ref.uri();
    try {
      String path = URI.create(uri).getPath();
      if (path != null && !path.isEmpty()) {
        Path name = Path.of(path).getFileName();
        if (name != null) {
          return name.toString();
        }
      }
    } catch (IllegalArgumentException e) {
      // not a URI: fall through to the raw text
    }
    int slash = uri.lastIndexOf('/');
    return slash >= 0 && slash < uri.length() - 1 ? uri.substring(slash + 1) : uri;
  }

  /** Counts the raw bytes read, to notice a file that shrank. */
  private static final class CountingInput extends FilterInputStream {
    private long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = in.skip(n);
      count += s;
      return s;
    }
  }
}
