package dev.lagotto.core.finding;

import dev.lagotto.core.rule.Category;

/**
 * One classified occurrence of personal data. The raw {@code value} is {@code null} unless the user asked
 * for it ({@code --reveal}); {@code masked} and {@code fingerprint} are always set (DESIGN.md §6).
 */
public record Finding(
    Category category,
    String rule,
    double confidence,
    SourceRef source,
    Location location,
    String masked,
    String fingerprint,
    String value) {}
