package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.Luhn;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;

/**
 * Validator {@code imei}: 15 digits (spaces, dashes or slashes of one kind allowed) passing Luhn, whose
 * reporting-body identifier (first two digits) is not {@code 00} and that are not all the same digit.
 * Immutable and thread-safe.
 */
public final class RefImeiValidator implements Validator, ValidatorProvider {
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
    String text = MatchText.decode(bytes, start, end);
    String d = text == null ? null : MatchText.digits(text, " -/");
    return d != null && valid(d) ? 1 : 0;
  }

  /** Whether 15 digits are a plausible IMEI. */
  public static boolean valid(String d) {
    return d.length() == DIGITS && !d.startsWith("00") && !MatchText.allSame(d) && Luhn.valid(d);
  }
}
