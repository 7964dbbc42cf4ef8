package dev.lagotto.core.extract.document;

/**
 * The result of content detection.
 *
 * @param kind how the content is read
 * @param mediaType the media type without parameters, e.g. {@code application/pdf}
 */
public record DetectedType(ContentKind kind, String mediaType) {}
