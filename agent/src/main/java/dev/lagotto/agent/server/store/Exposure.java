package dev.lagotto.agent.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One exposure: a value (by fingerprint) of one category seen at one place on one host, aggregated over
 * every observation of it. Also the shape of one validated incoming finding line (an observation is an
 * exposure of its own). Immutable; never holds a raw value.
 *
 * @param key the identity
 * @param kind source kind ({@code file}, {@code jdbc}, ...)
 * @param confidence highest confidence seen, 0..1
 * @param masked display form of the value ({@code j***@example.com})
 * @param count occurrences seen (0 for a "still there, no new occurrence" observation of an agent rescan)
 * @param firstSeen earliest time seen
 * @param lastSeen latest time seen
 * @param firstLine line of the earliest occurrence (1-based), or 0 when the source has no lines
 * @param lastLine line of the latest occurrence, or 0
 * @param tags labels from the agent, sorted, at most {@link #MAX_TAGS}
 * @param closedAt when the source was reported without this exposure (deleted, or rescanned and the value
 *     gone), or {@code null}; the exposure is {@link #closed()} while this is after {@link #lastSeen()}
 */
public record Exposure(
    ExposureKey key,
    String kind,
    double confidence,
    String masked,
    long count,
    Instant firstSeen,
    Instant lastSeen,
    long firstLine,
    long lastLine,
    List<String> tags,
    Instant closedAt) {

  public static final int MAX_TAGS = 32;
  /** {@link #state()} of an exposure still present at its source. */
  public static final String OPEN = "open";
  /** {@link #state()} of an exposure whose source was reported without it. */
  public static final String CLOSED = "closed";

  /** An open exposure (no {@code closedAt}). */
  public Exposure(ExposureKey key, String kind, double confidence, String masked, long count, Instant firstSeen,
      Instant lastSeen, long firstLine, long lastLine, List<String> tags) {
    this(key, kind, confidence, masked, count, firstSeen, lastSeen, firstLine, lastLine, tags, null);
  }

  public Exposure {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (count < 0) {
      throw new IllegalArgumentException("count " + count + " is below 0");
    }
    if (firstSeen.isAfter(lastSeen)) {
      throw new IllegalArgumentException("first seen " + firstSeen + " is after last seen " + lastSeen);
    }
    tags = List.copyOf(new TreeSet<>(tags == null ? List.of() : tags));
    if (tags.size() > MAX_TAGS) {
      tags = tags.subList(0, MAX_TAGS);
    }
    if (closedAt != null && !closedAt.isAfter(lastSeen)) {
      closedAt = null;
    }
  }

  /** Whether the source was last reported without this exposure (after it was last seen). */
  public boolean closed() {
    return closedAt != null;
  }

  /** {@value #OPEN} or {@value #CLOSED}. */
  public String state() {
    return closed() ? CLOSED : OPEN;
  }

  /**
   * This exposure confirmed present at {@code time} by a source that did not change: last seen moves to
   * {@code time} when later; a closed exposure stays closed (its value left the source). Idempotent.
   */
  public Exposure presentAt(Instant time) {
    if (closed() || !time.isAfter(lastSeen)) {
      return this;
    }
    return new Exposure(key, kind, confidence, masked, count, firstSeen, time, firstLine, lastLine, tags, null);
  }

  /**
   * This exposure after its source was reported, at {@code time}, without it (source deleted, or read
   * again completely and the value not found): closed at {@code time} when last seen before it; an exposure
   * already closed keeps its first close time. Idempotent.
   */
  public Exposure goneAt(Instant time) {
    if (!time.isAfter(lastSeen) || closed()) {
      return this;
    }
    return new Exposure(key, kind, confidence, masked, count, firstSeen, lastSeen, firstLine, lastLine, tags, time);
  }

  /** The document id of {@link #key()}. */
  public String id() {
    return key.id();
  }

  /**
   * This exposure merged with a later or earlier observation of the same key: counts add (saturating),
   * times and lines widen, confidence takes the maximum, tags are united, the earlier close time is kept
   * (it only counts while after last seen). Commutative and associative, so the result does not depend on
   * the order in which concurrent batches arrive.
   */
  public Exposure merge(Exposure other) {
    if (!key.equals(other.key)) {
      throw new IllegalArgumentException("cannot merge exposures with different keys");
    }
    long total = count + other.count < 0 ? Long.MAX_VALUE : count + other.count;
    int byFirst = firstSeen.compareTo(other.firstSeen);
    long mergedFirstLine = byFirst < 0 ? firstLine : byFirst > 0 ? other.firstLine : minLine(firstLine, other.firstLine);
    int byLast = lastSeen.compareTo(other.lastSeen);
    long mergedLastLine = byLast > 0 ? lastLine : byLast < 0 ? other.lastLine : Math.max(lastLine, other.lastLine);
    boolean otherIsNewer = byLast < 0 || (byLast == 0 && other.kind.compareTo(kind) > 0);
    TreeSet<String> allTags = new TreeSet<>(tags);
    allTags.addAll(other.tags);
    String mergedMasked = masked == null ? other.masked : other.masked == null ? masked
        : otherIsNewer || (byLast == 0 && other.masked.compareTo(masked) > 0) ? other.masked : masked;
    return new Exposure(
        key,
        otherIsNewer ? other.kind : kind,
        Math.max(confidence, other.confidence),
        mergedMasked,
        total,
        byFirst <= 0 ? firstSeen : other.firstSeen,
        byLast >= 0 ? lastSeen : other.lastSeen,
        mergedFirstLine,
        mergedLastLine,
        List.copyOf(allTags),
        closedAt == null ? other.closedAt : other.closedAt == null || closedAt.isBefore(other.closedAt) ? closedAt : other.closedAt);
  }

  private static long minLine(long a, long b) {
    if (a <= 0) {
      return b;
    }
    return b <= 0 ? a : Math.min(a, b);
  }
}
