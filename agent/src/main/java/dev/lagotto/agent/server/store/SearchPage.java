package dev.lagotto.agent.server.store;

import java.util.List;

/**
 * One page of search hits.
 *
 * @param total exposures matching the query
 * @param hits the requested page
 */
public record SearchPage(long total, List<Exposure> hits) {
  public SearchPage {
    hits = List.copyOf(hits);
  }
}
