package dev.lagotto.core.extract;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a {@link ContentHandler} sends the text it reads out of a source: each call scans one UTF-8
 * stream to its end, with positions relative to that stream. Called on the handler's thread.
 */
public interface TextTarget {
  /**
   * Scans {@code utf8} to its end; does not close it.
   *
   * @param entry the path inside an archive (nested with {@code !/}), or {@code null} for the source itself
   * @param extracted whether the text was extracted from a document format (not the source's own bytes)
   */
  void text(InputStream utf8, String entry, boolean extracted) throws IOException;
}
