package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneValidatorTest {
  private final Validator us = new PhoneValidator("US");
  private final Validator gb = new PhoneValidator("GB");

  @ParameterizedTest
  @ValueSource(strings = {"+1 202-555-0143", "(202) 555-0143", "202.555.0143", "+12025550143", "+44 20 7946 0018",
      "+33 1 23 45 67 89", "+49 30 901820"})
  void validNumbersPassInTheDefaultRegion(String text) {
    assertThat(Check.factor(us, text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"020 7946 0018", "020 7946 0999", "+1 202-555-0143"})
  void nationalNumbersFollowTheRegion(String text) {
    assertThat(Check.factor(gb, text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-12", "12.03.1985", "12/03/1985", "20240312", "12:34:56", "2024-03-12 12:34",
      "5555555555", "555-5555", "1234", "1699999999", "1700000000000", "(012) 555-0143", "+1 202-555-014",
      "12345678901234567"})
  void datesTimesRunsAndInvalidNumbersAreDropped(String text) {
    assertThat(Check.factor(us, text)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"020 7946 0018"})
  void aNationalNumberOfAnotherRegionIsDropped(String text) {
    assertThat(Check.factor(us, text)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"(598) 555-0123", "598-555-0123", "598.555.0123", "+1 598 555 0123", "+15985550123",
      "+44 20 5555 0123"})
  void phoneShapedPossibleNumbersGetTheLowerFactor(String text) {
    assertThat(Check.factor(us, text)).isEqualTo(PhoneValidator.POSSIBLE_FACTOR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5985550123", "15985550123", "(101) 555-0123", "598-155-0123", "2024-555-0123"})
  void bareRunsAndBrokenNanpStructureStayDropped(String text) {
    assertThat(Check.factor(us, text)).isZero();
  }
}
