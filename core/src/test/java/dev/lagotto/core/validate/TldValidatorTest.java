package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TldValidatorTest {
  private final Validator tld = new TldValidator();

  @ParameterizedTest
  @ValueSource(strings = {"jane.doe@example.com", "j.smith+news@mail.example.org", "user%40example.co.uk",
      "USER%40EXAMPLE.NET", "info@example.de", "someone@sub.example.com.", "example.org", "host.example.net"})
  void domainsUnderAPublicSuffixPass(String text) {
    assertThat(Check.factor(tld, text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"logo@2x.png", "icon@3x.jpg", "jquery@3.6.0.min.js", "theme@main.css", "admin@localhost",
      "printer@office.local", "svc@db.internal", "user@co.uk", "user@com", "files@archive.zip", "a@1.2.3.4",
      "x@exa_mple.com", "nobody@", "app.js", "bundle.css"})
  void fileNamesLocalNamesAndBareSuffixesFail(String text) {
    assertThat(Check.factor(tld, text)).isZero();
  }
}
