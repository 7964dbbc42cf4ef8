package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mod97 (IBAN) and the national-ID validators: ssn, nino, nif_es, bsn. */
class IbanAndIdValidatorsTest {
  @ParameterizedTest
  @ValueSource(strings = {"GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32", "gb82 west 1234 5698 7654 32",
      "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "FR1420041010050500013M02606",
      "NL91ABNA0417164300", "BE68539007547034", "NO9386011117947", "CH9300762011623852957"})
  void ibansPass(String text) {
    assertThat(Check.factor(new Mod97Validator(), text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "GB82WEST12345698765433",   // checksum
      "GB82WEST1234569876543",    // length for GB
      "GB82WEST123456987654321",  // length for GB
      "XX82WEST12345698765432",   // unknown country
      "GB00WEST12345698765432",   // check digits 00
      "GB82-WEST-1234-5698-7654-32",
      "DE89370400440532013001",
      "NO9386011117948"})
  void nonIbansFail(String text) {
    assertThat(Check.factor(new Mod97Validator(), text)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"536-22-1234", "536 22 1234", "536221234", "772-01-0001"})
  void ssnPasses(String text) {
    assertThat(Check.factor(new SsnValidator(), text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"000-22-1234", "666-22-1234", "900-22-1234", "999-22-1234", "536-00-1234",
      "536-22-0000", "078-05-1120", "219-09-9999", "123-45-6789", "111-11-1111", "536-22 1234", "536-22-12345"})
  void ssnFails(String text) {
    assertThat(Check.factor(new SsnValidator(), text)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AB123456C", "AB 12 34 56 C", "ab123456c", "CE123456A", "AB123456"})
  void ninoPasses(String text) {
    assertThat(Check.factor(new NinoValidator(), text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"QQ123456C", "DA123456A", "AO123456A", "BG123456A", "GB123456A", "ZZ123456A",
      "AB123456E", "AB111111A", "AB12345C", "A1123456C"})
  void ninoFails(String text) {
    assertThat(Check.factor(new NinoValidator(), text)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678Z", "12345678-Z", "12345678z", "X1234567L", "Y1234567X", "Z1234567R"})
  void nifPasses(String text) {
    assertThat(Check.factor(new NifEsValidator(), text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678A", "X1234567A", "00000000T", "1234567Z", "W1234567L", "123456789"})
  void nifFails(String text) {
    assertThat(Check.factor(new NifEsValidator(), text)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"111222333", "1112.22.333", "123456782"})
  void bsnPasses(String text) {
    assertThat(Check.factor(new BsnValidator(), text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"111222334", "123456789", "000000000", "11122233", "1112223333"})
  void bsnFails(String text) {
    assertThat(Check.factor(new BsnValidator(), text)).isZero();
  }
}
