package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.Luhn;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import java.util.List;

/**
 * Validator {@code card}: a payment card number. The digits (spaces or dashes, one kind per match) must pass
 * Luhn, start with a known issuer prefix whose length they have (Visa, Mastercard incl. the 2-series, Amex,
 * Discover, JCB, Diners, UnionPay, Maestro) and not be all the same digit. Linear in the match; immutable and
 * thread-safe.
 */
public final class RefCardValidator implements Validator, ValidatorProvider {
  public static final String NAME = "card";

  /** A range of issuer prefixes of equal length, inclusive, and the number lengths that range issues. */
  private record Issuer(String brand, int low, int high, int minLength, int maxLength) {
    boolean matches(String digits) {
      int width = String.valueOf(low).length();
      if (digits.length() < minLength || digits.length() > maxLength || digits.length() < width) {
        return false;
      }
      int prefix = Integer.parseInt(digits.substring(0, width));
      return prefix >= low && prefix <= high;
    }
  }

  /** Issuer identification ranges (public card-brand documentation); order does not matter. */
  private static final List<Issuer> ISSUERS = List.of(
      new Issuer("visa", 4, 4, 13, 19),
      new Issuer("mastercard", 51, 55, 16, 16),
      new Issuer("mastercard", 2221, 2720, 16, 16),
      new Issuer("amex", 34, 34, 15, 15),
      new Issuer("amex", 37, 37, 15, 15),
      new Issuer("discover", 6011, 6011, 16, 19),
      new Issuer("discover", 644, 649, 16, 19),
      new Issuer("discover", 65, 65, 16, 19),
      new Issuer("jcb", 3528, 3589, 16, 19),
      new Issuer("diners", 300, 305, 14, 19),
      new Issuer("diners", 3095, 3095, 14, 19),
      new Issuer("diners", 36, 36, 14, 19),
      new Issuer("diners", 38, 39, 14, 19),
      new Issuer("unionpay", 62, 62, 16, 19),
      new Issuer("unionpay", 81, 81, 16, 19),
      new Issuer("maestro", 5018, 5018, 12, 19),
      new Issuer("maestro", 5020, 5020, 12, 19),
      new Issuer("maestro", 5038, 5038, 12, 19),
      new Issuer("maestro", 5893, 5893, 12, 19),
      new Issuer("maestro", 6304, 6304, 12, 19),
      new Issuer("maestro", 6759, 6759, 12, 19),
      new Issuer("maestro", 6761, 6763, 12, 19));

  /** Visa 13..19 is too loose: Visa issues 13, 16 and 19 digits only. */
  private static boolean visaLength(int n) {
    return n == 13 || n == 16 || n == 19;
  }

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
    return digits != null && brand(digits) != null && !MatchText.allSame(digits) && Luhn.valid(digits) ? 1 : 0;
  }

  /** The brand ({@code visa}, {@code mastercard}, ...) whose prefix and length the digits have, or {@code null}. */
  public static String brand(String digits) {
    for (Issuer issuer : ISSUERS) {
      if (issuer.matches(digits) && (!issuer.brand().equals("visa") || visaLength(digits.length()))) {
        return issuer.brand();
      }
    }
    return null;
  }
}
