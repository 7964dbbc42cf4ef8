package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import java.util.Locale;

/**
 * Validator {@code nif_es}: a Spanish DNI ({@code 12345678Z}) or NIE ({@code X1234567L}, prefixes X/Y/Z count
 * 0/1/2) whose check letter is {@code TRWAGMYFPDXBNJZSQVHLCKE[number mod 23]}. A dash or space before the
 * letter is allowed; all-zero numbers are dropped. Immutable and thread-safe.
 */
public final class RefNifEsValidator implements Validator, ValidatorProvider {
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
    String text = MatchText.decode(bytes, start, end);
    return text != null && valid(text) ? 1 : 0;
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
