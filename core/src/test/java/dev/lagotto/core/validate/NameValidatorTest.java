package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameValidatorTest {
  private final Validator names = new NameValidator();

  @ParameterizedTest
  @ValueSource(strings = {"Jane", "Roe", "Mustermann", "Tanaka", "Park", "Cohen", "O'Brien", "Okafor", "Roe-Doe",
      "MUSTERMANN"})
  void firstNamesSurnamesAndHyphenatedPairsPass(String text) {
    assertThat(Check.factor(names, text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nobody", "Test", "NullPointerException", "Roe-Xyzzy", "N", "-Roe", "Roe-"})
  void otherWordsAreDropped(String text) {
    assertThat(Check.factor(names, text)).isZero();
  }
}
