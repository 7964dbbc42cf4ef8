package dev.lagotto.core.prefilter;

import java.util.Map;
import java.util.Set;

/**
 * Named byte classes for rule {@code trigger:} fields, and a static byte-frequency table of log text used
 * to pick rare anchor bytes. Stateless utility.
 */
public final class ByteClasses {
  /**
   * Approximate frequency of each byte in server logs, in parts per 100,000, measured once on the synthetic
   * corpora of {@code shared/bench/gen_corpus.py} (main and clean variants). Only the order matters.
   */
  private static final int[] LOG_FREQUENCY = {
      0, 0, 0, 0, 0, 0, 0, 0, 0, 290, 729, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      4326, 0, 4468, 0, 131, 1, 20, 0, 508, 508, 31, 73, 1481, 1623, 3912, 742,
      5148, 3196, 2850, 2025, 2130, 2230, 1539, 1470, 1481, 1548, 2720, 25, 28, 488, 73, 15,
      27, 150, 123, 396, 146, 261, 166, 231, 232, 285, 26, 82, 103, 421, 273, 256,
      370, 2, 276, 441, 529, 88, 49, 54, 9, 39, 194, 417, 0, 417, 0, 337,
      0, 4880, 1184, 2826, 2183, 6072, 1015, 607, 918, 2514, 440, 658, 1758, 1407, 2820, 3274,
      1653, 163, 3309, 2607, 3657, 1209, 898, 285, 461, 419, 101, 209, 0, 209, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  };

  private static final Map<String, String> NAMED = Map.of(
      "digit", "0-9",
      "upper", "A-Z",
      "lower", "a-z",
      "alpha", "A-Za-z",
      "alnum", "0-9A-Za-z",
      "hex", "0-9A-Fa-f",
      "word", "0-9A-Za-z_");

  private ByteClasses() {}

  /** The trigger names accepted in rule files. */
  public static Set<String> names() {
    return NAMED.keySet();
  }

  /** The bytes of the named class, or {@code null} for an unknown name. */
  public static boolean[] named(String name) {
    String ranges = NAMED.get(name);
    if (ranges == null) {
      return null;
    }
    boolean[] set = new boolean[256];
    for (int i = 0; i + 2 < ranges.length() + 1; i += 3) {
      for (int b = ranges.charAt(i); b <= ranges.charAt(i + 2); b++) {
        set[b] = true;
      }
    }
    return set;
  }

  /** The relative frequency of byte {@code b} in log text (higher = more common). */
  public static int logFrequency(int b) {
    return LOG_FREQUENCY[b];
  }

  /** Whether {@code b} is an ASCII letter. */
  public static boolean isAsciiLetter(int b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  }

  /** {@code b} with an ASCII upper-case letter folded to lower case. */
  public static int foldCase(int b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }
}
