package dev.lagotto.core.validate;

import java.nio.charset.StandardCharsets;

/**
 * Decoding helpers shared by the validators: a match's bytes as text (one string per call, the validators'
 * fallback for rare shapes), its digits, and byte checks that allocate nothing. Stateless and thread-safe.
 */
public final class MatchText {
  /** Longest match, in bytes, that any validator looks at; longer matches are not personal values we check. */
  public static final int MAX_MATCH_BYTES = 512;

  private MatchText() {}

  /** The bytes {@code [start, end)} decoded as UTF-8, or {@code null} if the span is empty or too long. */
  public static String decode(byte[] bytes, int start, int end) {
    if (!checkable(bytes, start, end)) {
      return null;
    }
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * Whether {@code [start, end)} is a non-empty span of {@code bytes} of at most {@value #MAX_MATCH_BYTES}
   * bytes, the spans {@link #decode} decodes.
   */
  public static boolean checkable(byte[] bytes, int start, int end) {
    return start >= 0 && end <= bytes.length && start < end && end - start <= MAX_MATCH_BYTES;
  }

  /** Whether every byte of {@code bytes[start, end)} is ASCII. */
  public static boolean ascii(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
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

  /**
   * The number of decimal digits in {@code bytes[start, end)} when every other byte is one of the ASCII
   * {@code separators} and at most one kind of separator is used, else -1: {@link #digits} read from the bytes
   * (a non-ASCII byte is never a digit nor a separator), with 0 where {@code digits} gives {@code null} for
   * want of digits. Allocation-free.
   */
  public static int separatedDigits(byte[] bytes, int start, int end, String separators) {
    int count = 0;
    int separator = 0;
    for (int i = start; i < end; i++) {
      int c = bytes[i];
      if (c >= '0' && c <= '9') {
        count++;
      } else if (c > 0 && separators.indexOf(c) >= 0) {
        if (separator != 0 && separator != c) {
          return -1;
        }
        separator = c;
      } else {
        return -1;
      }
    }
    return count;
  }

  /**
   * Whether the decimal digits of {@code bytes[start, end)} (other bytes skipped) are all the same: {@link #allSame}
   * of the digits of a span that {@link #separatedDigits} accepts with at least one digit. Allocation-free.
   */
  public static boolean allSameDigits(byte[] bytes, int start, int end) {
    int first = -1;
    for (int i = start; i < end; i++) {
      int c = bytes[i];
      if (c >= '0' && c <= '9') {
        if (first < 0) {
          first = c;
        } else if (c != first) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The value of the first {@code n} decimal digits of {@code bytes[start, end)} (other bytes skipped), for
   * {@code n} up to 18. Allocation-free.
   */
  public static long leadingDigits(byte[] bytes, int start, int end, int n) {
    long value = 0;
    int seen = 0;
    for (int i = start; i < end && seen < n; i++) {
      int c = bytes[i];
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        seen++;
      }
    }
    return value;
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
