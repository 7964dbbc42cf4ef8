package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;
import java.util.Locale;
import java.util.Set;

/**
 * Validator {@code nino}: a UK National Insurance number, two prefix letters, six digits and an optional suffix
 * A-D (spaces ignored). First letter not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V; prefixes BG, GB,
 * KN, NK, NT, TN, ZZ never allocated; six identical digits dropped. An ASCII match is read from the bytes
 * without allocating. Immutable and thread-safe.
 */
public final class NinoValidator implements Validator, ValidatorProvider {
  public static final String NAME = "nino";
  private static final String BAD_FIRST = "DFIQUV";
  private static final String BAD_SECOND = "DFIOQUV";
  private static final Set<String> BAD_PREFIXES = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
  private static final String[] BAD_PREFIX_ARRAY = BAD_PREFIXES.toArray(new String[0]);

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
    if (!MatchText.checkable(bytes, start, end)) {
      return 0;
    }
    if (MatchText.ascii(bytes, start, end)) {
      return validAscii(bytes, start, end) ? 1 : 0;
    }
    String text = MatchText.decode(bytes, start, end);
    return valid(text) ? 1 : 0;
  }

  /**
   * {@link #valid} of ASCII bytes (where upper-casing maps one byte to one character), read in place with the
   * spaces skipped. Allocation-free.
   */
  static boolean validAscii(byte[] b, int start, int end) {
    int a = 0;
    int second = 0;
    int firstDigit = 0;
    boolean same = true;
    int suffix = 0;
    int k = 0;
    for (int i = start; i < end; i++) {
      int c = b[i];
      if (c == ' ') {
        continue;
      }
      c = c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
      if (k == 0) {
        a = c;
      } else if (k == 1) {
        second = c;
      } else if (k < 8) {
        if (c < '0' || c > '9') {
          return false;
        }
        same &= k == 2 || c == firstDigit;
        firstDigit = k == 2 ? c : firstDigit;
      } else if (k == 8) {
        suffix = c;
      } else {
        return false;
      }
      k++;
    }
    if (k != 8 && k != 9) {
      return false;
    }
    if (a < 'A' || a > 'Z' || second < 'A' || second > 'Z' || BAD_FIRST.indexOf(a) >= 0
        || BAD_SECOND.indexOf(second) >= 0 || badPrefix(a, second) || same) {
      return false;
    }
    return k == 8 || suffix >= 'A' && suffix <= 'D';
  }

  private static boolean badPrefix(int a, int b) {
    for (String p : BAD_PREFIX_ARRAY) {
      if (p.charAt(0) == a && p.charAt(1) == b) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} is a NINO that may have been allocated. */
  public static boolean valid(String text) {
    String s = text.replace(" ", "").toUpperCase(Locale.ROOT);
    if (s.length() != 8 && s.length() != 9) {
      return false;
    }
    char a = s.charAt(0);
    char b = s.charAt(1);
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z' || BAD_FIRST.indexOf(a) >= 0 || BAD_SECOND.indexOf(b) >= 0
        || BAD_PREFIXES.contains(s.substring(0, 2))) {
      return false;
    }
    String digits = s.substring(2, 8);
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || MatchText.allSame(digits)) {
      return false;
    }
    return s.length() == 8 || "ABCD".indexOf(s.charAt(8)) >= 0;
  }
}
