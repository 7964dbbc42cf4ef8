package dev.lagotto.core.names;

import java.text.Normalizer;

/**
 * ASCII folding of the Latin letters U+00C0..U+017F as they appear in UTF-8 (two bytes, lead byte
 * {@code 0xC3..0xC5}): {@code é -> e}, {@code Ł -> l}, {@code ß -> ss}. Tables are built once; lookups are
 * array reads and never allocate. Thread-safe.
 */
final class LatinFold {
  /** First code point covered (À). */
  static final int FIRST = 0xC0;
  /** Last code point covered (ſ). */
  static final int LAST = 0x17F;
  private static final int SIZE = LAST - FIRST + 1;
  /** Folded lower-case ASCII, up to two bytes packed as {@code first | second << 8}; 0 when not a letter. */
  private static final int[] FOLDED = new int[SIZE];
  private static final boolean[] LOWER = new boolean[SIZE];

  static {
    for (int cp = FIRST; cp <= LAST; cp++) {
      String s = switch (cp) {
        case 'ß' -> "ss";
        case 'æ', 'Æ' -> "ae";
        case 'œ', 'Œ' -> "oe";
        case 'ø', 'Ø' -> "o";
        case 'đ', 'Đ', 'ð', 'Ð' -> "d";
        case 'ł', 'Ł' -> "l";
        case 'þ', 'Þ' -> "th";
        case 'ı' -> "i";
        default -> Normalizer.normalize(String.valueOf((char) cp), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      };
      s = s.toLowerCase(java.util.Locale.ROOT);
      if (Character.isLetter(cp) && !s.isEmpty() && s.length() <= 2 && s.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        FOLDED[cp - FIRST] = s.charAt(0) | (s.length() == 2 ? s.charAt(1) << 8 : 0);
        LOWER[cp - FIRST] = Character.isLowerCase(cp);
      }
    }
  }

  private LatinFold() {}

  /**
   * The code point of the two-byte UTF-8 sequence at {@code i} when it is a covered Latin letter, else -1.
   * Reads {@code bytes[i]} and {@code bytes[i + 1]} only when {@code i + 1 < limit}.
   */
  static int letterAt(byte[] bytes, int i, int limit) {
    int b0 = bytes[i] & 0xff;
    if (b0 < 0xC3 || b0 > 0xC5 || i + 1 >= limit) {
      return -1;
    }
    int b1 = bytes[i + 1] & 0xff;
    if ((b1 & 0xC0) != 0x80) {
      return -1;
    }
    int cp = ((b0 & 0x1F) << 6) | (b1 & 0x3F);
    return cp >= FIRST && cp <= LAST && FOLDED[cp - FIRST] != 0 ? cp : -1;
  }

  /** The folded form of a covered letter, packed as in {@link #FOLDED}. */
  static int folded(int cp) {
    return FOLDED[cp - FIRST];
  }

  /** Whether a covered letter is lower case. */
  static boolean isLower(int cp) {
    return LOWER[cp - FIRST];
  }
}
