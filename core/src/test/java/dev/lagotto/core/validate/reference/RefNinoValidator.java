package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import java.util.Locale;
import java.util.Set;

/**
 * Validator {@code nino}: a UK National Insurance number, two prefix letters, six digits and an optional suffix
 * A-D (spaces ignored). First letter not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V; prefixes BG, GB,
 * KN, NK, NT, TN, ZZ never allocated; six identical digits dropped. Immutable and thread-safe.
 */
public final class RefNinoValidator implements Validator, ValidatorProvider {
  public static final String NAME = "nino";
  private static final String BAD_FIRST = "DFIQUV";
  private static final String BAD_SECOND = "DFIOQUV";
  private static final Set<String> BAD_PREFIXES = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

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
