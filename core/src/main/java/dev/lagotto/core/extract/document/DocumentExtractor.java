package dev.lagotto.core.extract.document;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Text, metadata and GPS positions of documents, archives and images, read recursively under
 * {@link ExtractLimits}. The type of every file, entry and embedded document is detected from its content
 * ({@link TypeDetector}): plain text is passed as stored; zip, tar, 7z and gzip/bzip2/xz streams are opened
 * (tar.gz as one archive) and their entries treated the same way, paths nested with {@code !/}; everything else
 * goes to Apache Tika on a worker thread with a hard timeout, its embedded documents (attachments, mbox messages,
 * embedded files) opened in turn. Every failure or limit becomes one {@link ExtractVisitor#skipped} call and the
 * extraction goes on.
 *
 * <p>Resources: entries and extracted text above 1 MiB are spooled to a private temporary directory that is
 * deleted when {@code extract} returns; disk use is bounded by {@link ExtractLimits#maxExpandedBytes()} plus the
 * extracted text. Heap use is bounded except inside a parser (which is why a parser's {@link OutOfMemoryError} is
 * caught and reported). Thread-safe: one instance (whose construction loads Tika, about a second) serves
 * concurrent {@code extract} calls.
 */
public final class DocumentExtractor {

  private static final int STREAM_BUFFER = 64 * 1024;

  private final ExtractLimits limits;
  private final TypeDetector detector;
  private final DocumentParser parser;

  /** An extractor with {@link ExtractLimits#defaults()}. */
  public DocumentExtractor() {
    this(ExtractLimits.defaults());
  }

  public DocumentExtractor(ExtractLimits limits) {
    this(limits, new TypeDetector(), new DocumentParser());
  }

  private DocumentExtractor(ExtractLimits limits, TypeDetector detector, DocumentParser parser) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.detector = detector;
    this.parser = parser;
  }

  /**
   * An extractor with other limits that shares this one's loaded Tika parsers and its count of hung parses
   * (cheap, unlike the constructor).
   */
  public DocumentExtractor withLimits(ExtractLimits other) {
    return new DocumentExtractor(other, detector, parser);
  }

  public ExtractLimits limits() {
    return limits;
  }

  /** The content detector this extractor routes with (for callers choosing the plain-text fast path). */
  public TypeDetector detector() {
    return detector;
  }

  /**
   * Extracts one file. Units of the file itself have a {@code null} entry path; entries are named
   * {@code <file name>!/<entry>[!/<entry>...]}.
   *
   * @throws IOException when the file itself cannot be read (missing, permission denied), when the calling
   *     thread is interrupted, or when the visitor throws (the visitor's exception, unchanged)
   */
  public void extract(Path file, ExtractVisitor visitor) throws IOException {
    Path name = file.getFileName();
    run(name == null ? file.toString() : name.toString(), visitor, run -> file);
  }

  /**
   * Extracts a stream (e.g. standard input) named {@code name}; the stream is copied to a temporary file first
   * (bounded by {@link ExtractLimits#maxExpandedBytes()}) and not closed.
   */
  public void extract(InputStream in, String name, ExtractVisitor visitor) throws IOException {
    Objects.requireNonNull(name, "name");
    ExpansionBudget copyBudget = new ExpansionBudget(limits);
    run(name, visitor, run -> copyBudget.spool(in, -1, run.tempDir()));
  }

  /**
   * Characters of body and metadata text extracted from a file, entries included: the measure of the
   * extraction benchmark. Plain-text units count their bytes as stored.
   */
  public long extractedChars(Path file) throws IOException {
    long[] chars = new long[1];
    extract(file, new ExtractVisitor() {
      @Override
      public void text(TextUnit unit, InputStream text) throws IOException {
        byte[] buffer = new byte[STREAM_BUFFER];
        for (int n; (n = text.read(buffer)) > 0; ) {
          for (int i = 0; i < n; i++) {
            if ((buffer[i] & 0xC0) != 0x80) {
              chars[0]++;
            }
          }
        }
      }

      @Override
      public void geo(String entryPath, double latitude, double longitude) {
        chars[0]++;
      }

      @Override
      public void skipped(String entryPath, SkipReason reason, String detail) {
        // skips do not count
      }
    });
    return chars[0];
  }

  private interface Source {
    Path open(Run run) throws IOException;
  }

  private void run(String topName, ExtractVisitor visitor, Source source) throws IOException {
    Run run = new Run(topName, visitor);
    try {
      Path file;
      try {
        file = source.open(run);
      } catch (LimitExceededException e) {
        visitor.skipped(null, e.reason(), e.getMessage());
        return;
      }
      run.item(file, null, 0);
    } catch (VisitorException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) e.getCause();
    } finally {
      if (run.tempDir != null) {
        deleteTree(run.tempDir);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** An exception thrown by the visitor: passed through every catch on the way out. */
  private static final class VisitorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VisitorException(Throwable cause) {
      super(cause);
    }
  }

  /** A stream handed to the visitor that remembers whether it failed itself (versus the visitor failing). */
  private static final class SourceStream extends FilterInputStream {
    IOException failure;

    SourceStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void close() {
      // the extractor closes the underlying stream
    }
  }

  /** The state of one {@code extract} call. */
  private final class Run {
    private final String topName;
    private final ExtractVisitor visitor;
    /** Created on first use: plain text and streamed compressed text need no temporary files. */
    private Path tempDir;
    private final ExpansionBudget budget;

    Run(String topName, ExtractVisitor visitor) {
      this.topName = topName;
      this.visitor = visitor;
      this.budget = new ExpansionBudget(limits);
    }

    Path tempDir() throws IOException {
      if (tempDir == null) {
        tempDir = Files.createTempDirectory("lagotto-extract-");
      }
      return tempDir;
    }

    /** One file, entry or embedded document at a nesting depth (0 for the top-level file). */
    void item(Path file, String path, int depth) throws IOException {
      DetectedType type;
      try {
        type = detector.detect(file);
      } catch (IOException e) {
        if (path == null) {
          throw e;
        }
        skipped(path, SkipReason.CORRUPT, "type detection failed: " + Failures.chain(e));
        return;
      } catch (RuntimeException e) {
        skipped(path, SkipReason.CORRUPT, "type detection failed: " + Failures.chain(e));
        return;
      }
      switch (type.kind()) {
        case EMPTY -> { }
        case PLAIN_TEXT -> {
          try (InputStream in = Files.newInputStream(file)) {
            text(new TextUnit(path, null, type.mediaType(), false), in, path);
          }
        }
        case ARCHIVE -> archive(file, type, path, depth);
        case COMPRESSED -> compressed(file, type, path, depth);
        case DOCUMENT -> document(file, type, path, depth);
        default -> throw new IllegalStateException("unknown kind " + type.kind());
      }
    }

    private void archive(Path file, DetectedType type, String path, int depth) throws IOException {
      if (depth >= limits.maxDepth()) {
        skipped(path, SkipReason.TOO_DEEP, "archive nested deeper than " + limits.maxDepth());
        return;
      }
      try {
        Archives.walk(file, type.mediaType(), sink(path, depth + 1));
      } catch (VisitorException e) {
        throw e;
      } catch (IOException | RuntimeException | OutOfMemoryError e) {
        failed(path, e);
      }
    }

    private void compressed(Path file, DetectedType type, String path, int depth) throws IOException {
      if (depth >= limits.maxDepth()) {
        skipped(path, SkipReason.TOO_DEEP, "compressed stream nested deeper than " + limits.maxDepth());
        return;
      }
      try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), STREAM_BUFFER);
          InputStream decompressed = Archives.decompress(type.mediaType(), raw);
          BufferedInputStream in = new BufferedInputStream(budget.guard(decompressed, Files.size(file)),
              STREAM_BUFFER)) {
        DetectedType inner = detector.detect(in);
        if (inner.kind() == ContentKind.EMPTY) {
          return;
        }
        if (Archives.isTar(inner.mediaType())) {
          Archives.walkTar(in, sink(path, depth + 1));
        } else if (inner.kind() == ContentKind.PLAIN_TEXT) {
          text(new TextUnit(path, null, inner.mediaType(), false), in, path);
        } else {
          Path spooled = budget.spool(in, -1, tempDir());
          try {
            item(spooled, path, depth + 1);
          } finally {
            Files.deleteIfExists(spooled);
          }
        }
      } catch (VisitorException e) {
        throw e;
      } catch (IOException | RuntimeException | OutOfMemoryError e) {
        failed(path, e);
      }
    }

    private Archives.EntrySink sink(String containerPath, int entryDepth) {
      return new Archives.EntrySink() {
        @Override
        public boolean entry(String name, InputStream in, long compressedSize) throws IOException {
          if (budget.spent()) {
            return false;
          }
          String entryPath = child(containerPath, DocumentParser.clean(name));
          try {
            budget.countEntry();
          } catch (LimitExceededException e) {
            skipped(containerPath, e.reason(), e.getMessage());
            return false;
          }
          Path spooled;
          try {
            spooled = budget.spool(in, compressedSize, tempDir());
          } catch (IOException | RuntimeException e) {
            failed(entryPath, e);
            return !budget.spent();
          }
          try {
            item(spooled, entryPath, entryDepth);
          } finally {
            Files.deleteIfExists(spooled);
          }
          return !budget.spent();
        }

        @Override
        public void unreadable(String name, SkipReason reason, String detail) {
          skipped(child(containerPath, DocumentParser.clean(name)), reason, detail);
        }
      };
    }

    private void document(Path file, DetectedType type, String path, int depth) throws IOException {
      if (!parser.supports(type.mediaType())) {
        skipped(path, SkipReason.UNSUPPORTED, "no parser for " + type.mediaType());
        return;
      }
      long size = Files.size(file);
      if (size > limits.maxDocumentBytes()) {
        skipped(path, SkipReason.TOO_LARGE, "document of " + size + " bytes, over " + limits.maxDocumentBytes());
        return;
      }
      try (DocumentParser.Result r = parser.parse(file, limits, budget, tempDir(), depth < limits.maxDepth())) {
        if (r.text != null && r.text.size() > 0) {
          try (InputStream in = r.text.open()) {
            text(new TextUnit(path, null, type.mediaType(), true), in, path);
          }
        }
        if (r.metadata != null) {
          for (MetadataFields.Field field : MetadataFields.of(r.metadata)) {
            byte[] bytes = field.text().getBytes(StandardCharsets.UTF_8);
            text(new TextUnit(path, field.name(), type.mediaType(), true), new ByteArrayInputStream(bytes), path);
          }
          double[] gps = MetadataFields.gps(r.metadata);
          if (gps != null) {
            try {
              visitor.geo(path, gps[0], gps[1]);
            } catch (RuntimeException e) {
              throw new VisitorException(e);
            }
          }
        }
        if (r.truncated) {
          skipped(path, SkipReason.TOO_LARGE, "text cut at " + limits.maxChars() + " characters");
        }
        if (r.failure != null) {
          skipped(path, r.failure.reason(), r.failure.detail());
        }
        for (DocumentParser.Skip s : r.skips) {
          skipped(s.name() == null ? path : child(path, s.name()), s.reason(), s.detail());
        }
        for (DocumentParser.Embedded e : r.embedded) {
          if (budget.spent()) {
            break;
          }
          item(e.file(), child(path, e.name()), depth + 1);
          Files.deleteIfExists(e.file());
        }
      }
    }

    private String child(String containerPath, String name) {
      return (containerPath == null ? topName : containerPath) + "!/" + name;
    }

    /** Hands a unit to the visitor; a failure of the source stream becomes a skip, the visitor's own passes. */
    private void text(TextUnit unit, InputStream in, String path) {
      SourceStream source = new SourceStream(in);
      try {
        visitor.text(unit, source);
      } catch (IOException e) {
        if (source.failure == null) {
          throw new VisitorException(e);
        }
        Failures.Failure f = Failures.classify(source.failure);
        skipped(path, f.reason(), f.detail());
      } catch (RuntimeException e) {
        throw new VisitorException(e);
      }
    }

    /** Reports a failure as a skip; an interruption of the calling thread is passed on instead. */
    private void failed(String path, Throwable e) throws IOException {
      if (e instanceof InterruptedIOException || e instanceof ClosedByInterruptException
          || Thread.currentThread().isInterrupted()) {
        throw e instanceof IOException io ? io : new InterruptedIOException("interrupted");
      }
      Failures.Failure f = Failures.classify(e);
      skipped(path, f.reason(), f.detail());
    }

    private void skipped(String path, SkipReason reason, String detail) {
      try {
        visitor.skipped(path, reason, detail);
      } catch (RuntimeException e) {
        throw new VisitorException(e);
      }
    }
  }
}
