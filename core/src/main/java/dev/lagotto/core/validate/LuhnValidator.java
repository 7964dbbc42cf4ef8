package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;

/**
 * Validator {@code luhn}: the digits (spaces and dashes ignored, one kind per match) pass the Luhn check and
 * are not all the same digit. Anything else in the match drops it. Immutable and thread-safe.
 */
public final class LuhnValidator implements Validator, ValidatorProvider {
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
    String text = MatchText.decode(bytes, start, end);
    String digits = text == null ? null : MatchText.digits(text, " -");
    return digits != null && !MatchText.allSame(digits) && Luhn.valid(digits) ? 1 : 0;
  }
}
