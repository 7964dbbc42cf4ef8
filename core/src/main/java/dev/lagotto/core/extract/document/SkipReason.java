package dev.lagotto.core.extract.document;

/** Why a file, an archive entry or an embedded document was not (fully) read. A closed, stable set. */
public enum SkipReason {
  /** The parse did not finish within {@link ExtractLimits#parseTimeout()}; text read until then is kept. */
  TIMEOUT,
  /** An archive entry or compressed stream expanded beyond {@link ExtractLimits#maxCompressionRatio()}. */
  ZIP_BOMB,
  /** Password protected or encrypted (PDF, Office file, zip entry, 7z). */
  ENCRYPTED,
  /** Malformed, truncated or otherwise unreadable by its parser. */
  CORRUPT,
  /** A type no available parser reads (e.g. RAR, executables, unknown binary). */
  UNSUPPORTED,
  /**
   * Over a size limit: document larger than {@link ExtractLimits#maxDocumentBytes()}, text truncated at
   * {@link ExtractLimits#maxChars()}, archive expansion budget {@link ExtractLimits#maxExpandedBytes()} spent, or
   * the parser ran out of memory.
   */
  TOO_LARGE,
  /** A container nested deeper than {@link ExtractLimits#maxDepth()}. */
  TOO_DEEP,
  /** More than {@link ExtractLimits#maxEntries()} entries in one top-level file. */
  TOO_MANY_ENTRIES
}
