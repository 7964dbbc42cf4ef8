package dev.lagotto.agent.server.store;

/**
 * A page of a search.
 *
 * @param query Lucene classic query syntax over the exposure fields; blank means everything
 * @param sort comma-separated sort fields, each optionally prefixed with {@code -} for descending;
 *     blank means {@code -last_seen}
 * @param offset hits to skip
 * @param limit hits to return
 */
public record SearchRequest(String query, String sort, int offset, int limit) {
  public SearchRequest {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset " + offset + " and limit " + limit + " must not be negative");
    }
  }
}
