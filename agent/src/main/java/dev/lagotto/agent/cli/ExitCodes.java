package dev.lagotto.agent.cli;

/** The exit codes of every {@code lagotto} command, in one place (documented in README.md). */
public final class ExitCodes {
  /** The command completed; for {@code scan}: every source was scanned or skipped by policy. */
  public static final int OK = 0;
  /** {@code scan --fail-on-findings} found something; {@code rules test}: an example failed. */
  public static final int FINDINGS = 1;
  /** A usage or configuration error; the message names the bad option, value or file. */
  public static final int USAGE = 2;
  /**
   * The scan completed but some sources could not be read (permission denied, vanished, truncated ...), or
   * some database tables or columns could not be read.
   */
  public static final int SOURCES_FAILED = 3;
  /** A bug: an unexpected exception escaped a command. */
  public static final int INTERNAL_ERROR = 4;

  private ExitCodes() {}

  /** The exit code of a completed scan; {@link #FINDINGS} wins over {@link #SOURCES_FAILED}. */
  public static int forScan(long findings, long failedSources, boolean failOnFindings) {
    if (failOnFindings && findings > 0) {
      return FINDINGS;
    }
    return failedSources > 0 ? SOURCES_FAILED : OK;
  }
}
