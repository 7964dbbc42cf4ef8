package dev.lagotto.core.context;

import dev.lagotto.core.rule.Rule;

/**
 * PLACEHOLDER (made real in issue 3): adjusts a match's confidence from the bytes around it.
 * Immutable and thread-safe; runs only on pattern matches.
 */
public final class ContextScorer {
  /** Returned by {@link #score} when the match must be dropped (required context absent). */
  public static final double DROP = -1;
  private final Rule.RuleContext context;

  private ContextScorer(Rule.RuleContext context) {
    this.context = context;
  }

  public static ContextScorer compile(Rule.RuleContext context) {
    return new ContextScorer(context);
  }

  /**
   * The confidence of the match {@code bytes[start, end)} given the readable bytes {@code [lo, hi)} around
   * it, starting from {@code confidence}; {@link #DROP} if the match must not be reported.
   */
  public double score(byte[] bytes, int lo, int hi, int start, int end, double confidence) {
    return context.required() ? DROP : confidence;
  }
}
