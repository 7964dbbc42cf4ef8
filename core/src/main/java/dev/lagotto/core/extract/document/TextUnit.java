package dev.lagotto.core.extract.document;

/**
 * One unit of text handed to an {@link ExtractVisitor}: the body of a file, entry or embedded document, or the
 * value(s) of one metadata field.
 *
 * @param entryPath path inside the top-level file, nested with {@code !/} and starting with the top-level file
 *     name ({@code backup.zip!/2024/customers.xlsx}); {@code null} for the top-level file itself
 * @param field {@code null} for the body, else a metadata field name: {@code author}, {@code last-modified-by},
 *     {@code title}, {@code subject}, {@code From}, {@code To}, {@code Cc}, {@code Bcc}, {@code Reply-To},
 *     {@code manager}
 * @param mediaType the content-detected media type of the unit's source, e.g. {@code application/pdf}
 * @param extracted {@code true} when the text was produced by a document parser (offsets are relative to the
 *     extracted UTF-8 text); {@code false} when the stream is the entry's own bytes (a plain-text entry of an
 *     archive or the content of a compressed stream, passed as stored, without re-encoding)
 */
public record TextUnit(String entryPath, String field, String mediaType, boolean extracted) {}
