package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;
import java.util.Set;

/**
 * Validator {@code ssn}: a US Social Security number of 9 digits (dashes or spaces, one kind). Never issued:
 * area 000, 666 or 900-999, group 00, serial 0000; also dropped: all-same digits, the sequence 123-45-6789
 * and numbers made public by advertising or misuse (078-05-1120, 219-09-9999). Reads the
 * bytes without allocating; immutable and thread-safe.
 */
public final class SsnValidator implements Validator, ValidatorProvider {
  public static final String NAME = "ssn";
  private static final int DIGITS = 9;
  private static final Set<String> KNOWN_INVALID = Set.of("078051120", "219099999", "123456789");

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
    if (!MatchText.checkable(bytes, start, end) || MatchText.separatedDigits(bytes, start, end, "- ") != DIGITS
        || MatchText.allSameDigits(bytes, start, end)) {
      return 0;
    }
    int d = (int) MatchText.leadingDigits(bytes, start, end, DIGITS);
    if (d == 78_051_120 || d == 219_099_999 || d == 123_456_789) {
      return 0;
    }
    int area = d / 1_000_000;
    int group = d / 10_000 % 100;
    int serial = d % 10_000;
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0 ? 1 : 0;
  }

  /** Whether 9 digits are an SSN that may have been issued. */
  public static boolean valid(String d) {
    if (d.length() != DIGITS || MatchText.allSame(d) || KNOWN_INVALID.contains(d)) {
      return false;
    }
    int area = Integer.parseInt(d.substring(0, 3));
    int group = Integer.parseInt(d.substring(3, 5));
    int serial = Integer.parseInt(d.substring(5));
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }
}
