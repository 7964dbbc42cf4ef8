package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mac and date. */
class MacAndDateValidatorsTest {
  private static final Clock NEW_YEAR_2026 = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
  private final Validator mac = new MacValidator();
  private final Validator date = new DateValidator(NEW_YEAR_2026);

  @ParameterizedTest
  @ValueSource(strings = {"00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "AC:DE:48:00:11:22"})
  void macsPass(String text) {
    assertThat(Check.factor(mac, text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "FF-FF-FF-FF-FF-FF", "11:11:11:11:11:11",
      "00:1a-2b:3c:4d:5e", "00:1a:2b:3c:4d", "00:1a:2b:3c:4d:5g", "001a2b3c4d5e", "00.1a.2b.3c.4d.5e",
      "12:34:56"})
  void nonMacsFail(String text) {
    assertThat(Check.factor(mac, text)).isZero();
  }

  @Test
  void decimalOnlyDashedPairsAreDoubtful() {
    assertThat(Check.factor(mac, "12-34-56-78-90-12")).isEqualTo(MacValidator.DIGITS_ONLY_FACTOR);
    assertThat(Check.factor(mac, "12:34:56:78:90:12")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1985-03-12", "1985/03/12", "12/03/1985", "03/25/1985", "25/03/1985", "25.03.1985",
      "25-03-1985", "12 March 1985", "12 Mar 1985", "1st May 1990", "March 12, 1985", "Sept 3 1961",
      "1900-01-01", "2025-12-31", "2026-01-01"})
  void plausibleBirthDatesPass(String text) {
    assertThat(Check.factor(date, text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1985-02-30", "1985-13-01", "31.02.1985", "02.31.1985", "1899-12-31", "2026-01-02",
      "2090-01-01", "12 Smarch 1985", "30 February 1985", "12:34:56", "1.2.3.4", "85-03-12", "13/13/1985"})
  void impossibleOrImplausibleDatesFail(String text) {
    assertThat(Check.factor(date, text)).isZero();
  }

  @Test
  void ambiguousSlashDatesKeepBothReadings() {
    assertThat(BirthDates.parse("03/04/1985"))
        .containsExactlyInAnyOrder(LocalDate.of(1985, 4, 3), LocalDate.of(1985, 3, 4));
    assertThat(BirthDates.parse("25/03/1985")).containsExactly(LocalDate.of(1985, 3, 25));
    assertThat(BirthDates.parse("04.03.1985")).containsExactly(LocalDate.of(1985, 3, 4));
  }
}
