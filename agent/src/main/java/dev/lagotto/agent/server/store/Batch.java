package dev.lagotto.agent.server.store;

import java.util.List;
import java.util.Objects;

/**
 * One batch of observations sent by an agent, applied all-or-nothing and at most once per {@code id}.
 *
 * @param id the batch id chosen by the sender (a resend carries the same id); at most {@link #MAX_ID_CHARS}
 * @param observations validated observations, in line order
 * @param events source events, applied in line order after the observations
 */
public record Batch(String id, List<Exposure> observations, List<SourceEvent> events) {
  public static final int MAX_ID_CHARS = 128;

  public Batch {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty() || id.length() > MAX_ID_CHARS) {
      throw new IllegalArgumentException("batch id must have 1.." + MAX_ID_CHARS + " characters, has " + id.length());
    }
    observations = List.copyOf(observations);
    events = List.copyOf(events);
  }

  /** A batch of observations only. */
  public Batch(String id, List<Exposure> observations) {
    this(id, observations, List.of());
  }
}
