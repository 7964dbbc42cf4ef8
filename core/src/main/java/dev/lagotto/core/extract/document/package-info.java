/**
 * Documents, archives and images: content-type detection ({@link dev.lagotto.core.extract.document.TypeDetector}),
 * recursive archive opening and Apache Tika text/metadata extraction
 * ({@link dev.lagotto.core.extract.document.DocumentExtractor}) under the limits of
 * {@link dev.lagotto.core.extract.document.ExtractLimits}. Results go to an
 * {@link dev.lagotto.core.extract.document.ExtractVisitor} as streams of text units, GPS positions and skip
 * records; nothing here depends on the scanner or the CLI.
 */
package dev.lagotto.core.extract.document;
