package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;
import java.util.Locale;

/**
 * Validator {@code mac}: a 48-bit MAC address as six hex pairs with one separator kind ({@code 00:1a:2b:..},
 * {@code 00-1A-2B-..}) or Cisco dotted triples ({@code 001a.2b3c.4d5e}). Dropped: all-zero, broadcast
 * {@code ff:ff:ff:ff:ff:ff}, all-same bytes, mixed separators. Six decimal-only pairs joined by dashes
 * ({@code 12-34-56-78-90-12}, an ID or date look-alike) get {@value #DIGITS_ONLY_FACTOR}. Linear in the
 * match; an ASCII match is read from the bytes without allocating. Immutable and thread-safe.
 */
public final class MacValidator implements Validator, ValidatorProvider {
  public static final String NAME = "mac";
  public static final double DIGITS_ONLY_FACTOR = 0.5;
  private static final int HEX_DIGITS = 12;
  /** Length of the {@code 00:1a:2b:3c:4d:5e} and {@code 00-1A-..} layouts. */
  private static final int COLON_FORM_CHARS = 17;
  /** Length of the Cisco {@code 001a.2b3c.4d5e} layout. */
  private static final int CISCO_FORM_CHARS = 14;

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
    if (bytes[start] > ' ' && bytes[end - 1] > ' ' && MatchText.ascii(bytes, start, end)) {
      return checkAscii(bytes, start, end);
    }
    String text = MatchText.decode(bytes, start, end);
    String hex = text == null ? null : hexDigits(text);
    if (hex == null || isRepeatedByte(hex)) {
      return 0;
    }
    boolean decimalOnly = hex.chars().allMatch(c -> c >= '0' && c <= '9');
    return decimalOnly && text.indexOf('-') >= 0 ? DIGITS_ONLY_FACTOR : 1;
  }

  /**
   * {@link #check} of ASCII bytes with no white space at either end (so that {@code strip} is a no-op): the
   * layouts of {@link #hexDigits} read in place. Allocation-free.
   */
  private static double checkAscii(byte[] b, int start, int end) {
    int n = end - start;
    int stride;
    if (n == COLON_FORM_CHARS) {
      byte sep = b[start + 2];
      if (sep != ':' && sep != '-') {
        return 0;
      }
      for (int i = 2; i < COLON_FORM_CHARS; i += 3) {
        if (b[start + i] != sep) {
          return 0;
        }
      }
      stride = 3;
    } else if (n == CISCO_FORM_CHARS && b[start + 4] == '.' && b[start + 9] == '.') {
      stride = 0;
    } else {
      return 0;
    }
    boolean decimalOnly = true;
    boolean repeated = true;
    int firstByte = -1;
    for (int k = 0; k < HEX_DIGITS / 2; k++) {
      int at = start + (stride > 0 ? k * stride : k * 2 + k / 2);
      int hi = Character.digit(b[at], 16);
      int lo = Character.digit(b[at + 1], 16);
      if (hi < 0 || lo < 0) {
        return 0;
      }
      decimalOnly &= b[at] <= '9' && b[at + 1] <= '9';
      int value = hi << 4 | lo;
      repeated &= firstByte < 0 || value == firstByte;
      firstByte = firstByte < 0 ? value : firstByte;
    }
    if (repeated) {
      return 0;
    }
    return decimalOnly && b[start + 2] == '-' ? DIGITS_ONLY_FACTOR : 1;
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
