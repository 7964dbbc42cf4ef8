package dev.lagotto.agent.daemon;

/**
 * How far one tailed file has been read and spooled: everything before {@code offset} is in the spool.
 *
 * @param path the path the file had when last seen
 * @param fileKey device and inode ({@code (dev=..,ino=..)})
 * @param offset bytes read and spooled (always at a line start)
 * @param line the 1-based line number at {@code offset}
 * @param headCrc CRC-32 of the first {@code headLength} bytes, to recognise the file after a copy or
 *     compression, and a truncation that was overwritten before it was noticed
 * @param headLength bytes covered by {@code headCrc}, at most {@link LogTailer#HEAD_BYTES}
 */
public record TailCheckpoint(String path, String fileKey, long offset, long line, long headCrc, int headLength) {}
