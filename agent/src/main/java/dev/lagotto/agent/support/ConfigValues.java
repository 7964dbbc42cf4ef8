package dev.lagotto.agent.support;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers of the scalar forms of {@code agent.yaml} and of command-line options: sizes ({@code 64M}) and
 * durations ({@code 250ms}, {@code 1h}). Errors are {@link IllegalArgumentException}s quoting the text.
 * Stateless.
 */
public final class ConfigValues {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  private ConfigValues() {}

  /** A size such as {@code 512}, {@code 64K}, {@code 10M}, {@code 2G} (binary units; a trailing {@code B} or {@code iB} is allowed). */
  public static long size(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 512, 64K, 10M, 2G)");
    }
    int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "K" -> 10;
      case "M" -> 20;
      case "G" -> 30;
      case "T" -> 40;
      default -> 0;
    };
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
    return n << shift;
  }

  /** A duration such as {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 250ms, 30s, 5m, 1h, 1d)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
