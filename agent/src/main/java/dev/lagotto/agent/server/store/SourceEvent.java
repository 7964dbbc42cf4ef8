package dev.lagotto.agent.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A report about a whole source of one host rather than about one value: the agent found it unchanged
 * ({@link Type#PRESENT}) or without some of its earlier exposures ({@link Type#GONE}: deleted, or read again
 * completely). Applied to every exposure of (host, uri) in the same commit as the batch that carries it.
 * Immutable.
 *
 * @param type what happened to the source
 * @param host lower-case host name
 * @param uri the source
 * @param time when the agent observed it
 */
public record SourceEvent(Type type, String host, String uri, Instant time) {

  /** What the agent observed about a source. */
  public enum Type {
    /** Unchanged since it was last read: every open exposure of it is still there ({@link Exposure#presentAt}). */
    PRESENT,
    /** Deleted, or read again completely: exposures not seen at {@code time} are gone ({@link Exposure#goneAt}). */
    GONE
  }

  public SourceEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(time, "time");
  }

  /** {@code e} after this event when {@code e} belongs to this event's source, else {@code e}. */
  public Exposure applyTo(Exposure e) {
    if (!e.key().host().equals(host) || !e.key().uri().equals(uri)) {
      return e;
    }
    return type == Type.PRESENT ? e.presentAt(time) : e.goneAt(time);
  }
}
