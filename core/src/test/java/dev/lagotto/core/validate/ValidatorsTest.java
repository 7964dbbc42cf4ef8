package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lagotto.core.scan.ScanSettings;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
  @Test
  void everyValidatorIsRegisteredBySpiUnderItsName() {
    assertThat(Validators.names()).containsExactly("bsn", "card", "date", "geo", "geo_lonlat", "imei", "ip",
        "luhn", "mac", "mod97", "name", "nif_es", "nino", "phone", "ssn", "tld");
    for (String name : Validators.names()) {
      assertThat(Validators.create(name, ScanSettings.DEFAULTS).name()).isEqualTo(name);
    }
  }

  @Test
  void unknownNameIsAnError() {
    assertThatThrownBy(() -> Validators.create("nope", ScanSettings.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }

  @Test
  void settingsReachTheValidators() {
    ScanSettings noPrivate = new ScanSettings(ScanSettings.PrefilterMode.INDEXED, ScanSettings.DEFAULTS.categories(),
        0.5, "GB", false);
    assertThat(Check.factor(Validators.create("ip", ScanSettings.DEFAULTS), "10.1.2.3")).isEqualTo(0.6);
    assertThat(Check.factor(Validators.create("ip", noPrivate), "10.1.2.3")).isZero();
    assertThat(Check.factor(Validators.create("phone", noPrivate), "020 7946 0018")).isEqualTo(1);
    assertThat(Check.factor(Validators.create("phone", ScanSettings.DEFAULTS), "020 7946 0018")).isZero();
  }

  @Test
  void emptyOrOversizedSpansAreDropped() {
    Validator v = Validators.create("luhn", ScanSettings.DEFAULTS);
    byte[] big = new byte[MatchText.MAX_MATCH_BYTES + 1];
    java.util.Arrays.fill(big, (byte) '4');
    assertThat(v.check(big, 0, big.length)).isZero();
    assertThat(v.check(big, 3, 3)).isZero();
  }
}
