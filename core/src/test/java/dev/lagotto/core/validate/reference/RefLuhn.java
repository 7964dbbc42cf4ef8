package dev.lagotto.core.validate.reference;

/** The RefLuhn (mod 10) check digit algorithm. Linear in the number of digits, no allocation, thread-safe. */
public final class RefLuhn {
  private RefLuhn() {}

  /** Whether the decimal digit string passes the RefLuhn check; {@code false} for non-digits or fewer than 2 digits. */
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
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
