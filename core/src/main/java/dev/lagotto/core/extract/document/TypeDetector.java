package dev.lagotto.core.extract.document;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * Content-type detection with Apache Tika's default detector (magic bytes, zip/OLE container inspection, text
 * heuristics), never from the file name: a text file named {@code .pdf} is {@link ContentKind#PLAIN_TEXT}.
 * Cost: reads at most the first few KiB of a file, except for zip-based files whose directory is inspected to
 * tell DOCX/XLSX/ODT from a plain zip. Thread-safe; build once and share (loading Tika's configuration is slow).
 */
public final class TypeDetector {

  /** Text/plain descendants that a document parser turns into different (decoded, de-tagged) text. */
  private static final Set<MediaType> PARSED_TEXT_TYPES = Set.of(
      MediaType.text("html"), MediaType.application("xhtml+xml"), MediaType.application("rtf"),
      MediaType.text("x-tika-text-based-message"), MediaType.parse("message/rfc822"),
      MediaType.application("mbox"));
  private static final Set<MediaType> ARCHIVE_TYPES = Set.of(
      MediaType.application("zip"), MediaType.application("x-tar"), MediaType.application("x-gtar"),
      MediaType.application("x-7z-compressed"));
  private static final Set<MediaType> COMPRESSED_TYPES = Set.of(
      MediaType.application("gzip"), MediaType.application("x-gzip"), MediaType.application("x-bzip2"),
      MediaType.application("x-xz"), MediaType.application("x-compress"));

  private final Detector detector;
  private final MediaTypeRegistry registry;

  public TypeDetector() {
    TikaConfig config = TikaConfig.getDefaultConfig();
    this.detector = config.getDetector();
    this.registry = config.getMediaTypeRegistry();
  }

  /** Detects the type of a file from its content. */
  public DetectedType detect(Path file) throws IOException {
    if (Files.size(file) == 0) {
      return new DetectedType(ContentKind.EMPTY, MediaType.EMPTY.toString());
    }
    try (TikaInputStream in = TikaInputStream.get(file)) {
      return classify(detector.detect(in, new Metadata()));
    }
  }

  /**
   * Detects the type of the next bytes of a stream that supports mark/reset (the stream is reset to where it
   * was); an exhausted stream is {@link ContentKind#EMPTY}.
   */
  public DetectedType detect(BufferedInputStream in) throws IOException {
    in.mark(1);
    int first = in.read();
    in.reset();
    if (first < 0) {
      return new DetectedType(ContentKind.EMPTY, MediaType.EMPTY.toString());
    }
    return classify(detector.detect(in, new Metadata()));
  }

  /** Whether the file goes to the plain-text fast path (plain text, logs, CSV, JSON, generic XML, or empty). */
  public boolean isPlainText(Path file) throws IOException {
    ContentKind kind = detect(file).kind();
    return kind == ContentKind.PLAIN_TEXT || kind == ContentKind.EMPTY;
  }

  /** The kind of content a detected media type stands for. */
  DetectedType classify(MediaType detected) {
    MediaType type = detected.getBaseType();
    ContentKind kind;
    if (ARCHIVE_TYPES.contains(type)) {
      kind = ContentKind.ARCHIVE;
    } else if (COMPRESSED_TYPES.contains(type)) {
      kind = ContentKind.COMPRESSED;
    } else if (registry.isInstanceOf(type, MediaType.TEXT_PLAIN) && !isParsedText(type)) {
      kind = ContentKind.PLAIN_TEXT;
    } else {
      kind = ContentKind.DOCUMENT;
    }
    return new DetectedType(kind, type.toString());
  }

  MediaTypeRegistry registry() {
    return registry;
  }

  private boolean isParsedText(MediaType type) {
    for (MediaType parsed : PARSED_TEXT_TYPES) {
      if (registry.isInstanceOf(type, parsed)) {
        return true;
      }
    }
    return false;
  }
}
