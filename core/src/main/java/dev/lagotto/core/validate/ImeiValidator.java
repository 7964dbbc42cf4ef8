package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;

/**
 * Validator {@code imei}: 15 digits (spaces, dashes or slashes of one kind allowed) passing Luhn, whose
 * reporting-body identifier (first two digits) is not {@code 00} and that are not all the same digit.
 * Reads the bytes without allocating; immutable and thread-safe.
 */
public final class ImeiValidator implements Validator, ValidatorProvider {
  public static final String NAME = "imei";
  private static final int DIGITS = 15;

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
    return MatchText.checkable(bytes, start, end) && MatchText.separatedDigits(bytes, start, end, " -/") == DIGITS
        && MatchText.leadingDigits(bytes, start, end, 2) != 0 && !MatchText.allSameDigits(bytes, start, end)
        && Luhn.valid(bytes, start, end) ? 1 : 0;
  }

  /** Whether 15 digits are a plausible IMEI. */
  public static boolean valid(String d) {
    return d.length() == DIGITS && !d.startsWith("00") && !MatchText.allSame(d) && Luhn.valid(d);
  }
}
