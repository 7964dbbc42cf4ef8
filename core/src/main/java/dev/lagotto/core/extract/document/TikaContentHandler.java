package dev.lagotto.core.extract.document;

import dev.lagotto.core.extract.ContentHandler;
import dev.lagotto.core.extract.ContentType;
import dev.lagotto.core.extract.SourceFault;
import dev.lagotto.core.extract.TextTarget;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The content handler for documents, archives, images and compressed non-text streams: runs a
 * {@link DocumentExtractor} and sends every text unit, GPS position and skip to the {@link TextTarget}.
 *
 * <p>What it takes: binary content that Tika's detector recognises from the head (an archive, a compressed
 * stream, a document or image format; unknown binary stays {@code binary content}), and text whose first
 * line makes it markup, RTF or mail ({@code <} then a letter, {@code !}, {@code ?} or {@code /}; {@code {\rtf};
 * {@code %PDF}; {@code From } then a header line; a mail header line) and that Tika then calls HTML, RTF or a
 * message. Plain text and logs, also log lines beginning with {@code <34>} (syslog) or {@code %LINK-3-UPDOWN}
 * (Cisco), are declined without a Tika call and without loading Tika (the fast path, {@link TypeDetector#sniff}
 * decides from the head's bytes); a gzip
 * stream reaches it already decompressed, so a {@code .log.gz} stays on the fast path and a {@code .tar.gz}
 * arrives as a tar archive.
 *
 * <p>A regular file is extracted by path ({@link TextTarget#file()}): archives are read in place and gzip is
 * decompressed by the extractor under its ratio limit; standard input is copied to a temporary file first
 * (bounded by {@link ExtractLimits#maxExpandedBytes()}).
 *
 * <p>How a source ends: an entry (archive member, attachment, embedded document) that cannot be read is reported
 * to {@link TextTarget#skipped} on its own, with its {@code !/} path, as a fault, or by policy when its format is
 * {@code unsupported}, and the other entries are read. A skip of the file itself ends the source: the first one
 * that is not {@code unsupported} as a failure (reason {@link #reason(SkipReason)}, the detail saying how many more
 * of the file's own skips there were), else {@code unsupported} as skipped by policy. Findings made before stay
 * reported.
 *
 * <p>Cost: the extractor (Apache Tika's configuration, about a second) is built on first use, once per handler;
 * the head detection costs Tika's magic matching (milliseconds) for binary sources only. Thread-safe.
 */
public final class TikaContentHandler implements ContentHandler {
  public static final String NAME = "tika";
  private static final String UNKNOWN_BINARY = "application/octet-stream";

  private final ExtractLimits limits;
  private volatile DocumentExtractor extractor;

  /** A handler with {@link ExtractLimits#defaults()} (the SPI form). */
  public TikaContentHandler() {
    this(ExtractLimits.defaults());
  }

  public TikaContentHandler(ExtractLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public ExtractLimits limits() {
    return limits;
  }

  /** The one-line report reason of a skip: its name in lower case with spaces ({@code zip bomb}). */
  public static String reason(SkipReason reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(ContentType type) {
    if (type.kind() == ContentType.Kind.TEXT) {
      if (TypeDetector.sniff(type.head(), type.headLength()) != null) {
        return false;
      }
      return detectHead(type).kind() == ContentKind.DOCUMENT;
    }
    if (type.kind() != ContentType.Kind.BINARY) {
      return false;
    }
    DetectedType detected = detectHead(type);
    return switch (detected.kind()) {
      case ARCHIVE, COMPRESSED -> true;
      case DOCUMENT -> !UNKNOWN_BINARY.equals(detected.mediaType());
      case EMPTY, PLAIN_TEXT -> false;
    };
  }

  @Override
  public void read(InputStream in, ContentType type, TextTarget target) throws IOException {
    Outcome outcome = new Outcome(target);
    Path file = target.file();
    if (file != null) {
      extractor().extract(file, outcome);
    } else {
      extractor().extract(in, target.sourceName(), outcome);
    }
    outcome.end();
  }

  /**
   * Head detections handed to Tika's detector so far (0 while Tika is not loaded): what the plain-text fast path
   * saves is visible here.
   */
  public long tikaDetections() {
    DocumentExtractor e = extractor;
    return e == null ? 0 : e.detector().tikaDetections();
  }

  private DetectedType detectHead(ContentType type) {
    try {
      return extractor().detector().detect(
          new BufferedInputStream(new ByteArrayInputStream(type.head(), 0, type.headLength())));
    } catch (IOException | RuntimeException e) {
      return new DetectedType(ContentKind.DOCUMENT, UNKNOWN_BINARY);
    }
  }

  private DocumentExtractor extractor() {
    DocumentExtractor e = extractor;
    if (e == null) {
      synchronized (this) {
        e = extractor;
        if (e == null) {
          e = new DocumentExtractor(limits);
          extractor = e;
        }
      }
    }
    return e;
  }

  /** Passes units and entry skips on and keeps the file's own skips. Used by one thread. */
  private static final class Outcome implements ExtractVisitor {
    private final TextTarget target;
    private SkipReason failure;
    private String failureDetail;
    private String unsupportedDetail;
    private int skips;

    Outcome(TextTarget target) {
      this.target = target;
    }

    @Override
    public void text(TextUnit unit, InputStream text) throws IOException {
      target.text(text, unit.entryPath(), unit.field(), unit.extracted());
    }

    @Override
    public void geo(String entryPath, double latitude, double longitude) {
      target.geo(entryPath, latitude, longitude);
    }

    @Override
    public void skipped(String entryPath, SkipReason reason, String detail) {
      if (entryPath != null) {
        target.skipped(entryPath, reason(reason), detail, reason != SkipReason.UNSUPPORTED);
        return;
      }
      skips++;
      if (reason == SkipReason.UNSUPPORTED) {
        if (unsupportedDetail == null) {
          unsupportedDetail = detail == null ? "" : detail;
        }
      } else if (failure == null) {
        failure = reason;
        failureDetail = detail;
      }
    }

    /** Throws the source's fault, if the file itself was skipped. */
    void end() throws SourceFault {
      if (failure != null) {
        throw new SourceFault(reason(failure), detail(failureDetail), null);
      }
      if (unsupportedDetail != null) {
        throw SourceFault.skippedByPolicy(reason(SkipReason.UNSUPPORTED), detail(unsupportedDetail));
      }
    }

    private String detail(String detail) {
      String d = detail == null ? "" : detail;
      return skips > 1 ? d + " (" + (skips - 1) + " more skipped)" : d;
    }
  }
}
