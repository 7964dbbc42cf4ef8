/**
 * Sources read as text: plain files, gzip streams and standard input, read in overlapping chunks by
 * {@link dev.lagotto.core.extract.ChunkedReader} and scanned by
 * {@link dev.lagotto.core.extract.TextScanner}. {@link dev.lagotto.core.extract.SourceReader} detects
 * the content type of a source by its bytes ({@link dev.lagotto.core.extract.ContentSniffer}) and hands
 * it to the first {@link dev.lagotto.core.extract.ContentHandler} that accepts it: the extension point
 * through which documents, archives and images are read (the Tika handler in
 * {@code dev.lagotto.core.extract.document}).
 */
package dev.lagotto.core.extract;
