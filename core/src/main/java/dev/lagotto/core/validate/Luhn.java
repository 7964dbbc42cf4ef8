package dev.lagotto.core.validate;

/** The Luhn (mod 10) check digit algorithm. Linear in the number of digits, no allocation, thread-safe. */
public final class Luhn {
  private Luhn() {}

  /** Whether the decimal digit string passes the Luhn check; {@code false} for non-digits or fewer than 2 digits. */
  public static boolean valid(CharSequence digits) {
    int n = digits.length();
    if (n < 2) {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = n - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      sum += weighted(d, twice);
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /**
   * Whether the decimal digits of {@code bytes[start, end)} (other bytes skipped) pass the Luhn check:
   * {@link #valid(CharSequence)} of those digits; {@code false} for fewer than 2 digits.
   */
  public static boolean valid(byte[] bytes, int start, int end) {
    int n = 0;
    int sum = 0;
    boolean twice = false;
    for (int i = end - 1; i >= start; i--) {
      int d = bytes[i] - '0';
      if (d < 0 || d > 9) {
        continue;
      }
      sum += weighted(d, twice);
      twice = !twice;
      n++;
    }
    return n >= 2 && sum % 10 == 0;
  }

  /** Digit {@code d} as the Luhn sum counts it: doubled (digits of the double summed) every second digit. */
  private static int weighted(int d, boolean twice) {
    return !twice ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
}
