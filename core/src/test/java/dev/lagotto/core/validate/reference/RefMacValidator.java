package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import java.util.Locale;

/**
 * Validator {@code mac}: a 48-bit MAC address as six hex pairs with one separator kind ({@code 00:1a:2b:..},
 * {@code 00-1A-2B-..}) or Cisco dotted triples ({@code 001a.2b3c.4d5e}). Dropped: all-zero, broadcast
 * {@code ff:ff:ff:ff:ff:ff}, all-same bytes, mixed separators. Six decimal-only pairs joined by dashes
 * ({@code 12-34-56-78-90-12}, an ID or date look-alike) get {@value #DIGITS_ONLY_FACTOR}. Immutable and
 * thread-safe.
 */
public final class RefMacValidator implements Validator, ValidatorProvider {
  public static final String NAME = "mac";
  public static final double DIGITS_ONLY_FACTOR = 0.5;
  private static final int HEX_DIGITS = 12;

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
    String hex = text == null ? null : hexDigits(text);
    if (hex == null || isRepeatedByte(hex)) {
      return 0;
    }
    boolean decimalOnly = hex.chars().allMatch(c -> c >= '0' && c <= '9');
    return decimalOnly && text.indexOf('-') >= 0 ? DIGITS_ONLY_FACTOR : 1;
  }

  /**
   * The 12 hex digits of a MAC address text in one of the accepted layouts, lower case; {@code null} if the
   * text is not one.
   */
  public static String hexDigits(String text) {
    String s = text.strip();
    if (s.length() == 17) {
      char sep = s.charAt(2);
      if (sep != ':' && sep != '-') {
        return null;
      }
      StringBuilder out = new StringBuilder(HEX_DIGITS);
      for (int i = 0; i < 17; i++) {
        char c = s.charAt(i);
        if (i % 3 == 2) {
          if (c != sep) {
            return null;
          }
        } else if (!isHex(c)) {
          return null;
        } else {
          out.append(Character.toLowerCase(c));
        }
      }
      return out.toString();
    }
    if (s.length() == 14 && s.charAt(4) == '.' && s.charAt(9) == '.') {
      String hex = s.substring(0, 4) + s.substring(5, 9) + s.substring(10);
      return hex.chars().allMatch(c -> isHex((char) c)) ? hex.toLowerCase(Locale.ROOT) : null;
    }
    return null;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** Whether all six bytes are equal: all-zero, broadcast and {@code 11:11:..} look-alikes. */
  private static boolean isRepeatedByte(String hex) {
    for (int i = 2; i < HEX_DIGITS; i += 2) {
      if (!hex.regionMatches(i, hex, 0, 2)) {
        return false;
      }
    }
    return true;
  }
}
