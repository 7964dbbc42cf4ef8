package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import java.util.Set;

/**
 * Validator {@code ssn}: a US Social Security number of 9 digits (dashes or spaces, one kind). Never issued:
 * area 000, 666 or 900-999, group 00, serial 0000; also dropped: all-same digits, the sequence 123-45-6789
 * and numbers made public by advertising or misuse (078-05-1120, 219-09-9999). Immutable and thread-safe.
 */
public final class RefSsnValidator implements Validator, ValidatorProvider {
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
    String text = MatchText.decode(bytes, start, end);
    String d = text == null ? null : MatchText.digits(text, "- ");
    return d != null && valid(d) ? 1 : 0;
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
