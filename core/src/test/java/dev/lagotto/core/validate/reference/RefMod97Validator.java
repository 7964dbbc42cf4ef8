package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import java.util.Locale;
import java.util.Map;

/**
 * Validator {@code mod97}: an IBAN (ISO 13616). Spaces are ignored; the country code must be in the length
 * table below and the length must be that country's; check digits 02..98; the rest alphanumeric; the ISO 7064
 * mod-97 remainder of the rearranged number must be 1. Linear in the match; immutable and thread-safe.
 */
public final class RefMod97Validator implements Validator, ValidatorProvider {
  public static final String NAME = "mod97";

  /**
   * IBAN length by country: all SEPA countries and the other countries of the SWIFT IBAN registry (release
   * 2024). Territories that use their parent's code (French overseas departments, Åland) are covered by it.
   */
  private static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
      Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
      Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
      Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
      Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
      Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
      Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
      Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
      Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
      Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
      Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
      Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
      Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
      Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
      Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
      Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
      Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
      Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

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

  /** Whether {@code text} is a valid IBAN (spaces ignored, letters in either case). */
  public static boolean valid(String text) {
    String iban = compact(text);
    if (iban == null || iban.length() < 5) {
      return false;
    }
    Integer length = LENGTHS.get(iban.substring(0, 2));
    if (length == null || length != iban.length()) {
      return false;
    }
    if (!Character.isDigit(iban.charAt(2)) || !Character.isDigit(iban.charAt(3))) {
      return false;
    }
    int check = Integer.parseInt(iban.substring(2, 4));
    return check >= 2 && check <= 98 && remainder(iban.substring(4) + iban.substring(0, 4)) == 1;
  }

  /** The IBAN upper-cased without spaces, or {@code null} if it holds anything but ASCII letters and digits. */
  public static String compact(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return null;
      }
      out.append(c);
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** ISO 7064 MOD 97-10 remainder, letters counting A=10 .. Z=35. */
  private static int remainder(String s) {
    int r = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        r = (r * 10 + (c - '0')) % 97;
      } else {
        int v = c - 'A' + 10;
        r = (r * 100 + v) % 97;
      }
    }
    return r;
  }
}
