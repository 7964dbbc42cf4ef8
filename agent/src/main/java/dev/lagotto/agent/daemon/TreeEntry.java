package dev.lagotto.agent.daemon;

import java.util.Map;

/**
 * What the last scan of one file in a tree found, to skip it while unchanged and to send only count
 * increases when it changed.
 *
 * @param fileKey device and inode
 * @param size bytes
 * @param mtimeMillis last modification time
 * @param counts occurrences per exposure (by {@link TreeScan#digest} of the exposure key) when scanned
 */
public record TreeEntry(String fileKey, long size, long mtimeMillis, Map<String, Long> counts) {
  public TreeEntry {
    counts = Map.copyOf(counts);
  }
}
