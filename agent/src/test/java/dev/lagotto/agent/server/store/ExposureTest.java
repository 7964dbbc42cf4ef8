package dev.lagotto.agent.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureTest {
  static final ExposureKey KEY = new ExposureKey("web-01", "file:///var/log/a.log", null, null, null, "email", "email", "ab".repeat(32));
  static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

  static Exposure at(long seconds, long line, long count, double confidence, List<String> tags) {
    return new Exposure(KEY, "file", confidence, "a***@example.com", count, T.plusSeconds(seconds), T.plusSeconds(seconds), line, line, tags);
  }

  @Test
  void mergeAddsCountsWidensTimesAndLinesAndIsOrderIndependent() {
    Exposure a = at(0, 10, 2, 0.7, List.of("pci"));
    Exposure b = at(100, 50, 3, 0.9, List.of("prod"));
    Exposure c = at(-100, 5, 1, 0.5, List.of());
    Exposure abc = a.merge(b).merge(c);
    assertThat(abc).isEqualTo(c.merge(b).merge(a)).isEqualTo(b.merge(a.merge(c)));
    assertThat(abc.count()).isEqualTo(6);
    assertThat(abc.firstSeen()).isEqualTo(T.minusSeconds(100));
    assertThat(abc.lastSeen()).isEqualTo(T.plusSeconds(100));
    assertThat(abc.firstLine()).isEqualTo(5);
    assertThat(abc.lastLine()).isEqualTo(50);
    assertThat(abc.confidence()).isEqualTo(0.9);
    assertThat(abc.tags()).containsExactly("pci", "prod");
    assertThat(at(0, 1, Long.MAX_VALUE - 1, 1, List.of()).merge(at(0, 1, 5, 1, List.of())).count()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void idDependsOnEveryKeyFieldAndOnlyOnThem() {
    assertThat(KEY.id()).isEqualTo(new ExposureKey("web-01", "file:///var/log/a.log", null, null, null, "email", "email", "ab".repeat(32)).id());
    assertThat(KEY.id()).isNotEqualTo(new ExposureKey("web-01", "file:///var/log/a.log", "", null, null, "email", "email", "ab".repeat(32)).id());
    assertThat(KEY.id()).isNotEqualTo(new ExposureKey("web-02", "file:///var/log/a.log", null, null, null, "email", "email", "ab".repeat(32)).id());
    assertThat(new ExposureKey("ab", "c", null, null, null, "e", "r", "f").id())
        .isNotEqualTo(new ExposureKey("a", "bc", null, null, null, "e", "r", "f").id());
    assertThatThrownBy(() -> at(0, 1, 1, 1, List.of()).merge(new Exposure(
        new ExposureKey("x", "y", null, null, null, "email", "email", "f"), "file", 1, null, 1, T, T, 0, 0, List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void goneClosesWhatWasLastSeenBeforeAndALaterSightingReopens() {
    Exposure seen = at(0, 1, 2, 0.9, List.of());
    Exposure closed = seen.goneAt(T.plusSeconds(10));
    assertThat(closed.closed()).isTrue();
    assertThat(closed.state()).isEqualTo(Exposure.CLOSED);
    assertThat(closed.closedAt()).isEqualTo(T.plusSeconds(10));
    assertThat(closed.goneAt(T.plusSeconds(20))).as("keeps the first close time").isEqualTo(closed);
    assertThat(seen.goneAt(T)).as("seen at the same instant: still there").isEqualTo(seen);
    assertThat(closed.presentAt(T.plusSeconds(30))).as("present does not reopen").isEqualTo(closed);
    assertThat(closed.merge(at(5, 1, 1, 0.9, List.of())).closed()).as("an older sighting replayed").isTrue();
    Exposure reopened = closed.merge(at(15, 1, 1, 0.9, List.of()));
    assertThat(reopened.closed()).isFalse();
    assertThat(reopened.closedAt()).isNull();
    assertThat(reopened).isEqualTo(at(15, 1, 1, 0.9, List.of()).merge(closed));
    assertThat(reopened.count()).isEqualTo(3);
  }

  @Test
  void presentMovesLastSeenForwardOnlyAndSourceEventsTouchTheirOwnSourceOnly() {
    Exposure seen = at(0, 1, 2, 0.9, List.of());
    assertThat(seen.presentAt(T.plusSeconds(60)).lastSeen()).isEqualTo(T.plusSeconds(60));
    assertThat(seen.presentAt(T.minusSeconds(60))).isEqualTo(seen);
    assertThat(seen.presentAt(T.plusSeconds(60)).count()).isEqualTo(2);
    SourceEvent other = new SourceEvent(SourceEvent.Type.GONE, "web-01", "file:///var/log/b.log", T.plusSeconds(60));
    assertThat(other.applyTo(seen)).isSameAs(seen);
    SourceEvent mine = new SourceEvent(SourceEvent.Type.GONE, "web-01", KEY.uri(), T.plusSeconds(60));
    assertThat(mine.applyTo(seen).closed()).isTrue();
    assertThat(new Exposure(KEY, "file", 0.9, "a***@example.com", 0, T, T, 0, 0, List.of()).count())
        .as("count 0: seen again, nothing new").isZero();
  }
}
