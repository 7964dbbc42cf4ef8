package dev.lagotto.core.extract.document;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * Content-type detection with Apache Tika's default detector (magic bytes, zip/OLE container inspection, text
 * heuristics), never from the file name: a text file named {@code .pdf} is {@link ContentKind#PLAIN_TEXT}.
 * Text that no magic pattern can claim (no control bytes in the first {@link #SNIFF_BYTES}, no markup, RTF, PDF,
 * PostScript, mailbox or mail-header start) is recognised from those bytes alone, in microseconds; anything else
 * costs Tika's magic matching (a few milliseconds), plus the central directory for zip-based files to tell
 * DOCX/XLSX/ODT from a plain zip. Log lines that merely begin with {@code <} or {@code %} (syslog
 * {@code <34>1 ...}, Cisco {@code %LINK-3-UPDOWN}) or with {@code From } or a {@code Word: } prefix that no mail
 * begins with stay on the quick path. Thread-safe; build once and share (loading Tika's configuration is slow).
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

  /** Bytes read to decide whether a file is plain text without asking Tika's magic matcher: 8 KiB. */
  static final int SNIFF_BYTES = 8192;
  private static final int FIRST_LINE_BYTES = 256;
  /** An RFC 822 style header line ({@code Received: ...}, {@code X-Mailer: ...}): possibly a message. */
  private static final Pattern HEADER_LINE = Pattern.compile("([A-Za-z][A-Za-z0-9-]*):[ \\t]");
  /**
   * Header names (lower case) that a stored message or news article begins with; a first line {@code Name: value}
   * with another name ({@code INFO: started}) is a log line. {@code x-} names count as mail headers.
   */
  private static final Set<String> MAIL_HEADERS = Set.of("from", "to", "cc", "bcc", "subject", "date", "sender",
      "reply-to", "received", "return-path", "delivered-to", "message-id", "mime-version", "content-type",
      "content-transfer-encoding", "dkim-signature", "authentication-results", "arc-seal",
      "arc-message-signature", "arc-authentication-results", "received-spf", "thread-topic", "thread-index",
      "in-reply-to", "references", "importance", "priority", "status", "envelope-to", "path", "newsgroups",
      "relay-version", "article", "user-agent", "organization", "list-id", "list-unsubscribe", "precedence");
  /** Starts of a {@code %} file that Tika reads as a document: PDF, FDF, PostScript ({@code %!}). */
  private static final List<String> PERCENT_DOCUMENTS = List.of("%PDF", "%FDF", "%!");
  private static final DetectedType GZIP = new DetectedType(ContentKind.COMPRESSED, "application/gzip");
  private static final DetectedType PLAIN = new DetectedType(ContentKind.PLAIN_TEXT, MediaType.TEXT_PLAIN.toString());

  private final Detector detector;
  private final MediaTypeRegistry registry;
  private final LongAdder tikaDetections = new LongAdder();

  public TypeDetector() {
    TikaConfig config = TikaConfig.getDefaultConfig();
    this.detector = config.getDetector();
    this.registry = config.getMediaTypeRegistry();
  }

  /** Detects the type of a file from its content. */
  public DetectedType detect(Path file) throws IOException {
    byte[] head = new byte[SNIFF_BYTES];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    DetectedType quick = sniff(head, n);
    if (quick != null) {
      return quick;
    }
    tikaDetections.increment();
    try (TikaInputStream in = TikaInputStream.get(file)) {
      return classify(detector.detect(in, new Metadata()));
    }
  }

  /**
   * Detects the type of the next bytes of a stream that supports mark/reset (the stream is reset to where it
   * was); an exhausted stream is {@link ContentKind#EMPTY}.
   */
  public DetectedType detect(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_BYTES);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    DetectedType quick = sniff(head, head.length);
    if (quick != null) {
      return quick;
    }
    tikaDetections.increment();
    return classify(detector.detect(in, new Metadata()));
  }

  /** Detections this instance handed to Tika's detector (the quick answers of {@link #sniff} not counted). */
  public long tikaDetections() {
    return tikaDetections.sum();
  }

  /** Whether the file goes to the plain-text fast path (plain text, logs, CSV, JSON, generic XML, or empty). */
  public boolean isPlainText(Path file) throws IOException {
    ContentKind kind = detect(file).kind();
    return kind == ContentKind.PLAIN_TEXT || kind == ContentKind.EMPTY;
  }

  /**
   * The quick answer for empty input, for gzip (an unambiguous magic number) and for text that no magic pattern
   * could claim (Tika's magic matching costs milliseconds per file, too much in front of the log fast path), or
   * {@code null} to ask Tika. Text here: the head has no control bytes (other than tab, line breaks, form feed
   * and ESC, which logs contain) and its first line does not begin like markup ({@code <} then a letter,
   * {@code !}, {@code ?} or {@code /}), RTF, PDF/FDF/PostScript, a mailbox ({@code From } followed by a header
   * line) or a mail header block (a {@link #MAIL_HEADERS} name or an {@code X-} name).
   */
  static DetectedType sniff(byte[] head, int n) {
    if (n == 0) {
      return new DetectedType(ContentKind.EMPTY, MediaType.EMPTY.toString());
    }
    if (n >= 3 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B && head[2] == 8) {
      return GZIP;
    }
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B || b == 0x7F) {
        return null;
      }
    }
    int start = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    while (start < n && Character.isWhitespace(head[start])) {
      start++;
    }
    if (start == n) {
      return PLAIN;
    }
    String first = new String(head, start, Math.min(n - start, FIRST_LINE_BYTES), StandardCharsets.ISO_8859_1);
    int eol = first.indexOf('\n');
    String line = eol < 0 ? first : first.substring(0, eol);
    return maybeDocument(line, eol < 0 ? "" : first.substring(eol + 1)) ? null : PLAIN;
  }

  /** Whether a text whose first line is {@code line} (and whose next bytes are {@code rest}) may be a document. */
  private static boolean maybeDocument(String line, String rest) {
    if (line.startsWith("<")) {
      char c = line.length() > 1 ? line.charAt(1) : ' ';
      return Character.isLetter(c) || c == '!' || c == '?' || c == '/';
    }
    if (line.startsWith("%")) {
      return PERCENT_DOCUMENTS.stream().anyMatch(line::startsWith);
    }
    if (line.startsWith("{\\rtf")) {
      return true;
    }
    if (line.startsWith("From ")) {
      return HEADER_LINE.matcher(rest).lookingAt();
    }
    Matcher header = HEADER_LINE.matcher(line);
    if (header.lookingAt()) {
      String name = header.group(1).toLowerCase(Locale.ROOT);
      return MAIL_HEADERS.contains(name) || name.startsWith("x-");
    }
    return false;
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
