package dev.lagotto.core.extract;

/**
 * What the first bytes of a source are, as detected by {@link ContentSniffer}.
 *
 * @param kind empty, text or binary
 * @param gzip whether the source was gzip-compressed (the head is then of the decompressed stream)
 * @param head the first bytes of the (decompressed) stream; do not change
 * @param headLength how many bytes of {@code head} are valid
 * @param detail for {@link Kind#BINARY}: why (e.g. {@code NUL bytes}); otherwise empty
 */
public record ContentType(Kind kind, boolean gzip, byte[] head, int headLength, String detail) {
  /** The kinds of content told apart by the built-in sniffer. */
  public enum Kind {
    /** No bytes at all. */
    EMPTY,
    /** UTF-8 (or nearly: a small share of invalid sequences) without NUL bytes. */
    TEXT,
    /** Anything else: documents, archives, images, executables, other encodings. */
    BINARY
  }
}
