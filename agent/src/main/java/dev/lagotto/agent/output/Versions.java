package dev.lagotto.agent.output;

/** The product version shown by {@code --version} and in SARIF. */
public final class Versions {
  public static final String VERSION = "0.1.0";

  private Versions() {}
}
