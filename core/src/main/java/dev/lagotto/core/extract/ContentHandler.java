package dev.lagotto.core.extract;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one kind of content into text: the extension point for documents and archives. The
 * {@link SourceReader} detects a source's {@link ContentType} and gives the stream to the first handler
 * (in {@link ContentHandlers} order) whose {@link #accepts} says yes; a source that no handler accepts is
 * skipped with the reason {@code binary content (...)}.
 *
 * <p>Handlers are registered through {@code META-INF/services/dev.lagotto.core.extract.ContentHandler},
 * are immutable and thread-safe, and never close the stream they are given (the reader does). A handler
 * that cannot read its input throws {@link SourceFault} with a one-line reason (e.g. {@code encrypted},
 * {@code zip bomb}); that reason is reported as the source's skip reason. An entry of a container that cannot be
 * read is reported with {@link TextTarget#skipped} instead, and the handler goes on with the other entries.
 */
public interface ContentHandler {
  /** A stable name, used in messages and to order handlers. */
  String name();

  /** Whether this handler reads content of this type. Must be cheap: it looks at the head only. */
  boolean accepts(ContentType type);

  /**
   * Reads {@code in} (positioned at the start of the, possibly decompressed, content) and sends its text
   * to {@code target}, once per entry.
   */
  void read(InputStream in, ContentType type, TextTarget target) throws IOException;
}
