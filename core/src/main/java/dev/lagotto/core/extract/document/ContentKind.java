package dev.lagotto.core.extract.document;

/** How a file is read, decided from its content. A closed set. */
public enum ContentKind {
  /** Zero bytes: nothing to read. */
  EMPTY,
  /**
   * Text scanned as stored, on the fast path: plain text, logs, CSV/TSV, JSON, source code, generic XML (whose
   * attributes would be lost by a document parser).
   */
  PLAIN_TEXT,
  /** An archive of named entries: zip, tar, 7z. */
  ARCHIVE,
  /** A single compressed stream: gzip, bzip2, xz, Unix compress (tar.gz and friends are read as one archive). */
  COMPRESSED,
  /** Anything else: a document, message, image or binary given to Apache Tika. */
  DOCUMENT
}
