/**
 * Scan reports: the {@link dev.lagotto.agent.output.ReportWriter} formats (table, JSONL, SARIF), the
 * {@link dev.lagotto.agent.output.GroupedReport} that keeps each source's findings together when many
 * threads scan, and the terminal progress line.
 */
package dev.lagotto.agent.output;
