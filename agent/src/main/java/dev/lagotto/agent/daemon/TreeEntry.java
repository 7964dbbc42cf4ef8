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
 * @param contentHash SHA-256 of the content as scanned, hex, when the stat fields could not be trusted to show
 *     a later change ({@link TreeScan#RACY_MILLIS}, or {@code verify_content}); {@code null} otherwise
 */
public record TreeEntry(String fileKey, long size, long mtimeMillis, Map<String, Long> counts, String contentHash) {
  public TreeEntry {
    counts = Map.copyOf(counts);
  }

  public TreeEntry(String fileKey, long size, long mtimeMillis, Map<String, Long> counts) {
    this(fileKey, size, mtimeMillis, counts, null);
  }
}
