package dev.lagotto.core.validate.reference;

import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import dev.lagotto.core.scan.ScanSettings;

/**
 * Validator {@code bsn}: a Dutch citizen service number (burgerservicenummer), 9 digits (8 are read with a
 * leading zero; dots, dashes or spaces of one kind allowed) passing the 11-test: 9·d1 + 8·d2 + ... + 2·d8 −
 * d9 ≡ 0 (mod 11). All-same digits and zero are dropped. Immutable and thread-safe.
 */
public final class RefBsnValidator implements Validator, ValidatorProvider {
  public static final String NAME = "bsn";
  private static final int DIGITS = 9;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Validator create(ScanSettings settings) {
    return this;
  }

  @Override
  public double check(byte[] bytes, int start, int end) {
    String text = RefMatchText.decode(bytes, start, end);
    String d = text == null ? null : RefMatchText.digits(text, ".- ");
    return d != null && valid(d) ? 1 : 0;
  }

  /** Whether 8 or 9 digits pass the BSN 11-test. */
  public static boolean valid(String digits) {
    String d = digits.length() == DIGITS - 1 ? "0" + digits : digits;
    if (d.length() != DIGITS || RefMatchText.allSame(d)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < DIGITS - 1; i++) {
      sum += (DIGITS - i) * (d.charAt(i) - '0');
    }
    sum -= d.charAt(DIGITS - 1) - '0';
    return sum != 0 && sum % 11 == 0;
  }
}
