package dev.lagotto.benchmarks.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one accuracy evaluation: scores per category, per planted sub-kind (recall only) and per rule
 * (findings and true positives only), decoys reported per trap kind, and the false-positive reasons per category.
 * Immutable; renders as a markdown table. Example lists hold corpus snippets (synthetic data only) and are empty
 * unless asked for.
 *
 * @param bytes corpus size
 * @param findings findings reported
 * @param seconds wall time of the scan (not a benchmark: one cold run)
 * @param categories scores per category id
 * @param subs recall per {@code category/sub} of the planted items ({@code -} when there is no sub-kind)
 * @param rules findings and true positives per rule id
 * @param decoys per trap kind, how many were planted and how many were reported
 * @param falsePositiveReasons per category, false positives by reason ({@code decoy:KIND}, {@code other:CATEGORY},
 *     {@code unlabelled})
 * @param falsePositiveExamples per category, a few false positives in context ({@code [[...]]} marks the finding)
 * @param missedExamples per category, a few missed planted items in context
 */
public record AccuracyReport(
    long bytes,
    long findings,
    double seconds,
    Map<String, Score> categories,
    Map<String, Score> subs,
    Map<String, Score> rules,
    Map<String, DecoyCount> decoys,
    Map<String, Map<String, Long>> falsePositiveReasons,
    Map<String, List<String>> falsePositiveExamples,
    Map<String, List<String>> missedExamples) {

  /** How many decoys of one kind were planted and how many a finding overlapped. */
  public record DecoyCount(long planted, long reported) {}

  /** All categories pooled (micro average). */
  public Score total() {
    long f = 0;
    long tp = 0;
    long items = 0;
    long found = 0;
    for (Score s : categories.values()) {
      f += s.findings();
      tp += s.truePositives();
      items += s.items();
      found += s.found();
    }
    return new Score(f, tp, items, found);
  }

  /** Decoys reported, all kinds together. */
  public long decoysReported() {
    return decoys.values().stream().mapToLong(DecoyCount::reported).sum();
  }

  /** The category table, then the decoy table, as GitHub markdown. */
  public String toMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append("| category | items | found | findings | TP | FP | FN | precision | recall | F1 |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    categories.forEach((c, s) -> row(b, c, s));
    row(b, "**all**", total());
    b.append("\n| planted sub-kind | items | found | recall |\n|---|---:|---:|---:|\n");
    subs.forEach((k, s) -> b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f |%n", k, s.items(), s.found(),
        s.recall())));
    b.append("\n| decoy kind | planted | reported |\n|---|---:|---:|\n");
    decoys.forEach((k, d) -> b.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", k, d.planted(), d.reported())));
    b.append(String.format(Locale.ROOT, "| **all** | %d | %d |%n",
        decoys.values().stream().mapToLong(DecoyCount::planted).sum(), decoysReported()));
    if (!falsePositiveReasons.isEmpty()) {
      b.append("\n| category | false positives by reason |\n|---|---|\n");
      falsePositiveReasons.forEach((c, m) -> b.append("| ").append(c).append(" | ").append(m.toString()).append(" |\n"));
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String name, Score s) {
    b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n", name, s.items(),
        s.found(), s.findings(), s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall(),
        s.f1()));
  }
}
