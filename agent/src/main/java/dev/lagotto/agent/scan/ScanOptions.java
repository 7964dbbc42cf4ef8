package dev.lagotto.agent.scan;

import java.util.List;

/**
 * How sources are walked and read.
 *
 * @param includes globs a file found in a directory must match (any of them), or empty for all
 * @param excludes globs that exclude files and prune directories found in a directory
 * @param maxFileSize files larger than this (bytes on disk) are skipped; {@code -1} for no limit
 * @param followSymlinks whether symbolic links met inside directories are followed (loops are detected)
 * @param threads scan threads, at least 1
 */
public record ScanOptions(List<String> includes, List<String> excludes, long maxFileSize, boolean followSymlinks, int threads) {
  public ScanOptions {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " is less than 1");
    }
  }
}
