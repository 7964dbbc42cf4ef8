package dev.lagotto.agent.daemon;

import java.time.Instant;
import java.util.Objects;

/**
 * One exposure aggregated on the agent: every occurrence of one fingerprinted value of one category, by one
 * rule, at one place (host, source, archive entry or table/column), with how often and when it was seen.
 * What the server indexes; never holds a raw value. Immutable.
 *
 * @param key the identity (the server's exposure key)
 * @param kind source kind ({@code file}, {@code jdbc})
 * @param masked display form of the value
 * @param count occurrences (0: seen again by a rescan, no new occurrence)
 * @param firstSeen when the first occurrence was read
 * @param lastSeen when the last occurrence was read
 * @param firstLine line of the first occurrence, or 0
 * @param lastLine line of the last occurrence, or 0
 * @param confidence highest confidence, 0..1
 */
public record ExposureRecord(Key key, String kind, String masked, long count, Instant firstSeen, Instant lastSeen,
    long firstLine, long lastLine, double confidence) {

  public ExposureRecord {
    Objects.requireNonNull(key, "key");
    if (count < 0) {
      throw new IllegalArgumentException("count " + count + " is below 0");
    }
  }

  /** The exposure key: where, what and whose. */
  public record Key(String host, String uri, String entry, String table, String column, String category, String rule,
      String fingerprint) {
    public Key {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(fingerprint, "fingerprint");
    }
  }

  /** This record with {@code other} (same key) folded in: counts add, times and lines widen, confidence maxes. */
  public ExposureRecord merge(ExposureRecord other) {
    boolean otherFirst = other.firstSeen.isBefore(firstSeen);
    boolean otherLast = !other.lastSeen.isBefore(lastSeen);
    return new ExposureRecord(key, kind, otherLast ? other.masked : masked, count + other.count,
        otherFirst ? other.firstSeen : firstSeen, otherLast ? other.lastSeen : lastSeen,
        otherFirst ? other.firstLine : firstLine, otherLast ? other.lastLine : lastLine,
        Math.max(confidence, other.confidence));
  }

  /** This record with {@code n} occurrences. */
  public ExposureRecord withCount(long n) {
    return new ExposureRecord(key, kind, masked, n, firstSeen, lastSeen, firstLine, lastLine, confidence);
  }
}
