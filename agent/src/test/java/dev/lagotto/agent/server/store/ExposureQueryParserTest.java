package dev.lagotto.agent.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExposureQueryParserTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  final ExposureQueryParser parser = new ExposureQueryParser(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void typedFieldsBecomePointQueries() {
    assertThat(parser.parse("confidence:[0.8 TO *]").toString()).contains("confidence:[0.8 TO Infinity]");
    assertThat(parser.parse("confidence:{0.5 TO 0.9}").toString()).doesNotContain("0.5 TO").contains("confidence:[0.5000000000000001 TO 0.8999999999999999]");
    assertThat(parser.parse("count:{1 TO 10]").toString()).contains("count:[2 TO 10]");
    assertThat(parser.parse("host:WEB-01").toString()).contains("host:web-01");
    assertThat(parser.parse("").toString()).contains("doc:exposure");
  }

  @Test
  void timesAcceptDatesInstantsMillisAndRelativeForms() {
    long dayStart = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();
    assertThat(parser.timeBound("2026-05-01", false)).isEqualTo(dayStart);
    assertThat(parser.timeBound("2026-05-01", true)).isEqualTo(dayStart + 86_400_000L - 1);
    assertThat(parser.timeBound("2026-05-01T10:00:00Z", false)).isEqualTo(Instant.parse("2026-05-01T10:00:00Z").toEpochMilli());
    assertThat(parser.timeBound("now-7d", false)).isEqualTo(NOW.minusSeconds(7 * 86_400).toEpochMilli());
    assertThat(parser.timeBound("now-2h", false)).isEqualTo(NOW.minusSeconds(7_200).toEpochMilli());
    assertThat(parser.timeBound("now", true)).isEqualTo(NOW.toEpochMilli());
    assertThat(parser.timeBound("1700000000000", false)).isEqualTo(1_700_000_000_000L);
    assertThat(parser.parse("last_seen:{2026-05-01 TO *]").toString()).contains("last_seen:[" + (dayStart + 86_400_000L) + " TO");
    assertThatThrownBy(() -> parser.timeBound("yesterday", false)).isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void unknownFieldsAndBadValuesAreErrors() {
    assertThatThrownBy(() -> parser.parse("password:x")).isInstanceOf(InvalidQueryException.class).hasMessageContaining("unknown field 'password'");
    assertThatThrownBy(() -> parser.parse("masked:x*")).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> parser.parse("count:many")).hasMessageContaining("whole number");
    assertThatThrownBy(() -> parser.parse("confidence:0.5*")).hasMessageContaining("not patterns");
    assertThatThrownBy(() -> parser.parse("x".repeat(ExposureQueryParser.MAX_QUERY_CHARS + 1))).hasMessageContaining("characters");
    assertThatThrownBy(() -> LuceneExposureStore.sortOf("fingerprint")).hasMessageContaining("cannot sort");
    assertThat(LuceneExposureStore.sortOf("-count, host").getSort()).hasSize(3);
  }
}
