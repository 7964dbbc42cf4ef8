package dev.lagotto.core.extract;

import dev.lagotto.core.scan.Chunk;
import java.io.IOException;

/** Receives the chunks of one stream from a {@link ChunkedReader}, in stream order, on the reading thread. */
@FunctionalInterface
public interface ChunkVisitor {
  /**
   * One chunk. The chunk's array is the reader's buffer: it is valid only during this call and must not be
   * changed or kept.
   *
   * @param chunk the bytes; {@code [reportFrom, reportTo)} is new, the rest is context
   * @param baseOffset the offset in the stream of {@code chunk.bytes()[0]}
   */
  void chunk(Chunk chunk, long baseOffset) throws IOException;
}
