package dev.lagotto.agent.output;

import java.io.PrintWriter;

/** The report formats of {@code lagotto scan --format}. */
public enum OutputFormat {
  /** Human-readable, grouped by source (default on a terminal). */
  TABLE,
  /** One JSON object per line: findings, skipped sources, a summary (default otherwise). */
  JSONL,
  /** SARIF 2.1.0, for code-review tools. */
  SARIF;

  /**
   * A writer of this format on {@code out}; JSONL writes its bytes straight to the stream of a
   * {@link Utf8PrintWriter}.
   */
  public ReportWriter writer(PrintWriter out, boolean reveal) {
    return switch (this) {
      case TABLE -> new TableWriter(out, reveal);
      case JSONL -> new JsonlWriter(out instanceof Utf8PrintWriter utf8 ? utf8.bytes() : new LineDecoder(out));
      case SARIF -> new SarifWriter(out);
    };
  }
}
