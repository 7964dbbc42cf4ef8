package dev.lagotto.agent.output;

/** The confidence bands shown in reports (README "Rules and confidence"): high, medium and low. */
public final class ConfidenceBands {
  /** At or above: high (SARIF level {@code error}). */
  public static final double HIGH = 0.8;
  /** At or above (and below {@link #HIGH}): medium (SARIF level {@code warning}); below: low ({@code note}). */
  public static final double MEDIUM = 0.5;

  private ConfidenceBands() {}

  /** The SARIF result level of a confidence. */
  public static String sarifLevel(double confidence) {
    return confidence >= HIGH ? "error" : confidence >= MEDIUM ? "warning" : "note";
  }

  /** A confidence rounded to three decimals, for output. */
  public static double rounded(double confidence) {
    return Math.round(confidence * 1000) / 1000.0;
  }
}
