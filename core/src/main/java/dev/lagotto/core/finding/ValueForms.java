package dev.lagotto.core.finding;

import dev.lagotto.core.rule.Category;
import java.util.Locale;

/**
 * PLACEHOLDER forms of a matched value (replaced in issue 3 with per-category normalisers: canonical IP,
 * E.164 phone, digits-only card, lower-case e-mail; and maskers such as {@code j***@example.com}).
 */
public final class ValueForms {
  private ValueForms() {}

  /** The normalised value that is fingerprinted. */
  public static String normalise(Category category, String raw) {
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  /** A display form that does not reveal the value. */
  public static String mask(Category category, String raw) {
    if (raw.length() <= 4) {
      return "*".repeat(raw.length());
    }
    return raw.charAt(0) + "*".repeat(raw.length() - 2) + raw.charAt(raw.length() - 1);
  }
}
