package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** luhn, card and imei: the digit-checksum validators. */
class CardValidatorsTest {
  private final Validator luhn = new LuhnValidator();
  private final Validator card = new CardValidator();
  private final Validator imei = new ImeiValidator();

  @ParameterizedTest
  @CsvSource({
      "4111111111111111, visa", "4111 1111 1111 1111, visa", "4111-1111-1111-1111, visa",
      "5555555555554444, mastercard", "2223003122003222, mastercard", "378282246310005, amex",
      "3782 822463 10005, amex", "6011111111111117, discover", "3530111333300000, jcb",
      "30569309025904, diners", "6200000000000005, unionpay", "6759649826438453, maestro"})
  void publishedTestCardsAreCards(String number, String brand) {
    assertThat(Check.factor(card, number)).isEqualTo(1);
    assertThat(Check.factor(luhn, number)).isEqualTo(1);
    assertThat(CardValidator.brand(number.replaceAll("\\D", ""))).isEqualTo(brand);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "4111111111111112",      // Luhn fails
      "1234567812345670",      // Luhn-valid, no issuer starts with 1
      "490154203237518",       // Luhn-valid IMEI: Visa prefix but 15 digits
      "0000000000000000",      // Luhn-valid, all the same digit
      "4111-1111 1111 1111",   // mixed separators
      "4111.1111.1111.1111",   // not a card separator
      "5555555555554444000",   // Mastercard prefix, wrong length
      "41111111111111x1"})
  void nonCardsAreDropped(String text) {
    assertThat(Check.factor(card, text)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567812345670", "490154203237518", "12345678901237", "79927398713"})
  void luhnAcceptsAnyLuhnValidDigits(String digits) {
    assertThat(Check.factor(luhn, digits)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"79927398710", "0000000000", "7992 7398-713", "7992739871a", "5"})
  void luhnRejects(String text) {
    assertThat(Check.factor(luhn, text)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"490154203237518", "49-015420-323751-8", "49 015420 323751 8"})
  void imeiAccepts(String text) {
    assertThat(Check.factor(imei, text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "490154203237517",   // Luhn fails
      "001234567890128",   // Luhn-valid, reporting body 00
      "000000000000000",   // Luhn-valid, all the same digit
      "4901542032375180",  // 16 digits
      "49015420323751"})   // 14 digits
  void imeiRejects(String text) {
    assertThat(Check.factor(imei, text)).isZero();
  }
}
