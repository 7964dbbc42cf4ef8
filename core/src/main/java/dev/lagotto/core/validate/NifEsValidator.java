package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;
import java.util.Locale;

/**
 * Validator {@code nif_es}: a Spanish DNI ({@code 12345678Z}) or NIE ({@code X1234567L}, prefixes X/Y/Z count
 * 0/1/2) whose check letter is {@code TRWAGMYFPDXBNJZSQVHLCKE[number mod 23]}. A dash or space before the
 * letter is allowed; all-zero numbers are dropped. An ASCII match is read from the bytes without allocating;
 * immutable and thread-safe.
 */
public final class NifEsValidator implements Validator, ValidatorProvider {
  public static final String NAME = "nif_es";
  private static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  private static final int NUMBER_CHARS = 8;

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
   * spaces and dashes skipped. Allocation-free.
   */
  static boolean validAscii(byte[] b, int start, int end) {
    int n = 0;
    int letter = 0;
    int k = 0;
    for (int i = start; i < end; i++) {
      int c = b[i];
      if (c == ' ' || c == '-') {
        continue;
      }
      c = c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
      if (k == 0 && (c == 'X' || c == 'Y' || c == 'Z')) {
        n = c - 'X';
      } else if (k < NUMBER_CHARS) {
        if (c < '0' || c > '9') {
          return false;
        }
        n = n * 10 + c - '0';
      } else if (k == NUMBER_CHARS) {
        letter = c;
      } else {
        return false;
      }
      k++;
    }
    return k == NUMBER_CHARS + 1 && n != 0 && LETTERS.charAt(n % 23) == letter;
  }

  /** Whether {@code text} is a DNI or NIE with a correct check letter. */
  public static boolean valid(String text) {
    String s = text.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    if (s.length() != NUMBER_CHARS + 1) {
      return false;
    }
    String number = s.substring(0, NUMBER_CHARS);
    int nie = "XYZ".indexOf(number.charAt(0));
    if (nie >= 0) {
      number = nie + number.substring(1);
    }
    if (!number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int n = Integer.parseInt(number);
    return n != 0 && LETTERS.charAt(n % 23) == s.charAt(NUMBER_CHARS);
  }
}
