package dev.lagotto.core.extract.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receiver of what {@link DocumentExtractor} finds in one top-level file. All calls come from the thread that
 * called {@code extract}, in document order (a container's own units before its entries'). An
 * {@code entryPath} of {@code null} means the top-level file itself.
 */
public interface ExtractVisitor {

  /**
   * One text unit. The stream is bounded (at most {@link ExtractLimits#maxChars()} characters for extracted
   * text), is valid only during this call and is closed by the extractor afterwards; the visitor need not read
   * it to the end. An {@link IOException} thrown by the stream (a limit hit while streaming a decompressed
   * entry) must be propagated, not swallowed: the extractor then reports the skip.
   */
  void text(TextUnit unit, InputStream text) throws IOException;

  /** An EXIF/XMP GPS position in decimal degrees (WGS84) of an image or document. */
  void geo(String entryPath, double latitude, double longitude);

  /**
   * A file, entry or embedded document that was not read, or not to the end.
   *
   * @param detail a one-line reason for humans, never containing document content
   */
  void skipped(String entryPath, SkipReason reason, String detail);
}
