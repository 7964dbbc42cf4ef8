package dev.lagotto.core.finding;

import java.util.Locale;

/**
 * The text of a {@code double} with a fixed number of decimals, exactly as
 * {@code String.format(Locale.ROOT, "%.<decimals>f", value)} writes it, at a fraction of its cost (no format
 * string to parse, no {@link java.util.Formatter}). Both round the shortest decimal of the value (that of
 * {@link Double#toString(double)}) half-up, on JDK 17 (both use {@code FloatingDecimal}) and JDK 21 and later
 * (both use the shortest-decimal algorithm of JDK-4511638 and JDK-8300869); values whose shortest decimal is
 * written in computerised scientific notation (below 10^-3 or from 10^7 on), NaN and the infinities go to
 * {@code String.format} itself. Cost: one {@link Double#toString(double)} and a few small arrays. Stateless
 * and thread-safe.
 */
final class FixedDecimals {
  /** Most decimals asked for; more is a programming error. */
  static final int MAX_DECIMALS = 17;

  private FixedDecimals() {}

  /** {@code value} with {@code decimals} decimals, rounded half-up, {@code -} for a negative value (or -0.0). */
  static String format(double value, int decimals) {
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException("decimals " + decimals + " not in [0, " + MAX_DECIMALS + "]");
    }
    boolean negative = Double.compare(value, 0.0) < 0;
    String shortest = Double.toString(Math.abs(value));
    int dot = shortest.indexOf('.');
    if (dot < 0 || shortest.indexOf('E') >= 0) {
      return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
    int fracLength = shortest.length() - dot - 1;
    char[] digits = new char[dot + decimals];
    shortest.getChars(0, dot, digits, 0);
    for (int i = 0; i < decimals; i++) {
      digits[dot + i] = i < fracLength ? shortest.charAt(dot + 1 + i) : '0';
    }
    boolean carry = fracLength > decimals && shortest.charAt(dot + 1 + decimals) >= '5';
    for (int i = digits.length - 1; carry && i >= 0; i--) {
      if (digits[i] == '9') {
        digits[i] = '0';
      } else {
        digits[i]++;
        carry = false;
      }
    }
    StringBuilder out = new StringBuilder(digits.length + 3);
    if (negative) {
      out.append('-');
    }
    if (carry) {
      out.append('1');
    }
    out.append(digits, 0, dot);
    if (decimals > 0) {
      out.append('.').append(digits, dot, decimals);
    }
    return out.toString();
  }
}
