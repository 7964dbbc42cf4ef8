package dev.lagotto.core.extract;

import java.util.Objects;

/**
 * One entry of a source (an archive member, an attachment, an embedded document) that was not read, or not to
 * the end, while the rest of the source was.
 *
 * @param entry the entry's path, starting with the source's name and nested with {@code !/}
 *     ({@code backup.zip!/2024/customers.xlsx})
 * @param reason short stable reason ({@code encrypted}, {@code zip bomb}, {@code corrupt}, ...)
 * @param detail more about this occurrence, never containing scanned content; may be empty
 * @param error {@code true} for a fault (counted as failed), {@code false} when skipped by policy (a format no
 *     parser reads)
 */
public record SkippedEntry(String entry, String reason, String detail, boolean error) {
  public SkippedEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(reason, "reason");
    detail = detail == null ? "" : detail;
  }
}
