package dev.lagotto.core.validate.reference;

import java.nio.charset.StandardCharsets;

/**
 * Decoding helpers shared by the validators: a match's bytes as text, and its digits. Allocates one string or
 * array per call (validators run only on matches). Stateless and thread-safe.
 */
public final class RefMatchText {
  /** Longest match, in bytes, that any validator looks at; longer matches are not personal values we check. */
  public static final int MAX_MATCH_BYTES = 512;

  private RefMatchText() {}

  /** The bytes {@code [start, end)} decoded as UTF-8, or {@code null} if the span is empty or too long. */
  public static String decode(byte[] bytes, int start, int end) {
    if (start < 0 || end > bytes.length || start >= end || end - start > MAX_MATCH_BYTES) {
      return null;
    }
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * The decimal digits of {@code text} when every other character is one of {@code separators} and at most one
   * kind of separator is used; {@code null} otherwise. Example: {@code "4111-1111 1111"} gives {@code null}
   * (two kinds), {@code "4111 1111"} gives {@code "41111111"}.
   */
  public static String digits(CharSequence text, String separators) {
    StringBuilder out = new StringBuilder(text.length());
    char separator = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      } else if (separators.indexOf(c) >= 0) {
        if (separator != 0 && separator != c) {
          return null;
        }
        separator = c;
      } else {
        return null;
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** Whether every character of a non-empty {@code text} is the same. */
  public static boolean allSame(CharSequence text) {
    for (int i = 1; i < text.length(); i++) {
      if (text.charAt(i) != text.charAt(0)) {
        return false;
      }
    }
    return text.length() > 0;
  }
}
