package dev.lagotto.core.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where a {@link ContentHandler} sends the text it reads out of a source: each call scans one UTF-8
 * stream to its end, with positions relative to that stream. Called on the handler's thread.
 */
public interface TextTarget {
  /**
   * Scans {@code utf8} to its end; does not close it.
   *
   * @param entry the path inside an archive (nested with {@code !/}), or {@code null} for the source itself
   * @param field the metadata field the text comes from (e.g. {@code GPS}, {@code Author}), or {@code null}
   *     for body text
   * @param extracted whether the text was extracted from a document format (not the source's own bytes)
   */
  void text(InputStream utf8, String entry, String field, boolean extracted) throws IOException;

  /** Body text: {@link #text(InputStream, String, String, boolean)} without a field. */
  default void text(InputStream utf8, String entry, boolean extracted) throws IOException {
    text(utf8, entry, null, extracted);
  }

  /**
   * A position read from metadata (EXIF/XMP GPS of a photo), in decimal degrees (WGS84): reported as a
   * {@code geo_coordinates} finding with field {@code GPS}. Targets that make no findings of their own ignore it.
   *
   * @param entry as for {@link #text(InputStream, String, String, boolean)}
   */
  default void geo(String entry, double latitude, double longitude) {}

  /**
   * An entry of the source that was not read, or not to the end (encrypted, corrupt, over a limit, an unsupported
   * format); the handler goes on with the other entries. The source itself still ends normally, or with a
   * {@link SourceFault} of its own.
   *
   * @param entry the entry's path, nested with {@code !/} and starting with {@link #sourceName()}
   * @param reason a short stable reason, e.g. {@code encrypted}
   * @param detail one line, never containing scanned content
   * @param error {@code true} for a fault, {@code false} when skipped by policy
   */
  void skipped(String entry, String reason, String detail, boolean error);

  /**
   * The name of the source being read (a file's name, or {@code stdin}): the first segment of entry paths
   * ({@code backup.zip!/2024/customers.xlsx}).
   */
  default String sourceName() {
    return "stdin";
  }

  /**
   * The regular file being read, or {@code null} (standard input): a handler that needs random access (a
   * zip's central directory) or its own decompression may read the file by path instead of the stream it was
   * given (whose bytes are then left unread). The file may have changed since it was opened.
   */
  default Path file() {
    return null;
  }
}
