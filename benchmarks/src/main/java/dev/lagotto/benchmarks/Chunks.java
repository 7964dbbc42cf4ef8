package dev.lagotto.benchmarks;

import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.MatchSink;
import dev.lagotto.core.scan.Scanner;

/**
 * Overlapping {@link Chunk} views of an in-memory corpus, cut as a file reader would: {@value #CHUNK_BYTES}
 * bytes reported per chunk, with {@value #OVERLAP_BYTES} bytes of readable context on each side so that a
 * match across a cut is found once. No copy: every chunk shares the corpus array.
 */
public final class Chunks {
  public static final int CHUNK_BYTES = 1 << 20;
  public static final int OVERLAP_BYTES = 4096;

  private Chunks() {}

  /** The chunks covering {@code bytes}; none for an empty array. */
  public static Chunk[] of(byte[] bytes) {
    int n = (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
    Chunk[] chunks = new Chunk[n];
    for (int i = 0; i < n; i++) {
      int reportFrom = i * CHUNK_BYTES;
      int reportTo = Math.min(bytes.length, reportFrom + CHUNK_BYTES);
      chunks[i] = new Chunk(bytes, Math.max(0, reportFrom - OVERLAP_BYTES), reportFrom, reportTo,
          Math.min(bytes.length, reportTo + OVERLAP_BYTES));
    }
    return chunks;
  }

  /** Scans every chunk in order; returns the number of rule pattern runs the scanner reported. */
  public static long scan(Scanner scanner, Chunk[] chunks, MatchSink sink) {
    long runs = 0;
    for (Chunk c : chunks) {
      runs += scanner.scan(c, sink);
    }
    return runs;
  }
}
