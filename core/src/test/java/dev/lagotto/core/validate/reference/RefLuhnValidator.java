package dev.lagotto.core.validate.reference;

import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import dev.lagotto.core.scan.ScanSettings;

/**
 * Validator {@code luhn}: the digits (spaces and dashes ignored, one kind per match) pass the RefLuhn check and
 * are not all the same digit. Anything else in the match drops it. Immutable and thread-safe.
 */
public final class RefLuhnValidator implements Validator, ValidatorProvider {
  public static final String NAME = "luhn";

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
    String digits = text == null ? null : RefMatchText.digits(text, " -");
    return digits != null && !RefMatchText.allSame(digits) && RefLuhn.valid(digits) ? 1 : 0;
  }
}
