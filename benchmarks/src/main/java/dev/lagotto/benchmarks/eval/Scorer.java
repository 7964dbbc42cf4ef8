package dev.lagotto.benchmarks.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores findings against the labels of one corpus. A finding is a true positive when it overlaps a planted item
 * of its own category; otherwise it is a false positive, attributed to the planted item of another category it
 * overlaps ({@code other:CATEGORY}), else to the decoys it overlaps ({@code decoy:KIND}, each decoy counted as
 * reported), else {@code unlabelled}. Recall counts planted items hit by at least one finding of their category.
 * Not thread-safe: one scorer per evaluation. Memory: a set of the labels hit, plus at most
 * {@code examplesPerCategory} short snippets per category.
 */
public final class Scorer {
  /** Bytes of context on each side of an example snippet. */
  public static final int SNIPPET_CONTEXT = 40;

  private final byte[] corpus;
  private final Labels labels;
  private final int examplesPerCategory;
  private final Set<Label> hit = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Label> decoysReported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, long[]> findingsByCategory = new TreeMap<>();
  private final Map<String, long[]> findingsByRule = new TreeMap<>();
  private final Map<String, Map<String, Long>> falsePositiveReasons = new TreeMap<>();
  private final Map<String, List<String>> falsePositiveExamples = new TreeMap<>();
  private long findings;

  public Scorer(byte[] corpus, Labels labels, int examplesPerCategory) {
    this.corpus = corpus;
    this.labels = labels;
    this.examplesPerCategory = examplesPerCategory;
  }

  /** Scores one finding of {@code category} by {@code rule} over bytes {@code [start, end)} of the corpus. */
  public void finding(String category, String rule, long start, long end) {
    findings++;
    List<Label> over = new ArrayList<>(2);
    labels.overlapping(start, end, over::add);
    boolean tp = false;
    for (Label l : over) {
      if (l.kind() == Label.Kind.PLANTED && l.category().equals(category)) {
        hit.add(l);
        tp = true;
      }
    }
    long[] c = findingsByCategory.computeIfAbsent(category, k -> new long[2]);
    long[] r = findingsByRule.computeIfAbsent(rule, k -> new long[2]);
    c[0]++;
    r[0]++;
    if (tp) {
      c[1]++;
      r[1]++;
      return;
    }
    String reason = "unlabelled";
    for (Label l : over) {
      if (l.kind() == Label.Kind.PLANTED) {
        reason = "other:" + l.category();
        break;
      }
    }
    if (reason.equals("unlabelled")) {
      for (Label l : over) {
        decoysReported.add(l);
        reason = "decoy:" + l.category();
      }
    }
    falsePositiveReasons.computeIfAbsent(category, k -> new TreeMap<>()).merge(reason, 1L, Long::sum);
    List<String> ex = falsePositiveExamples.computeIfAbsent(category, k -> new ArrayList<>());
    if (ex.size() < examplesPerCategory) {
      ex.add(rule + " " + reason + ": " + snippet(start, end));
    }
  }

  /** The report of everything scored so far. */
  public AccuracyReport report(long bytes, double seconds) {
    Map<String, long[]> items = new TreeMap<>();
    Map<String, long[]> subs = new TreeMap<>();
    Map<String, long[]> decoys = new TreeMap<>();
    Map<String, List<String>> missed = new TreeMap<>();
    for (Label l : labels.all()) {
      if (l.kind() == Label.Kind.DECOY) {
        long[] d = decoys.computeIfAbsent(l.category(), k -> new long[2]);
        d[0]++;
        if (decoysReported.contains(l)) {
          d[1]++;
        }
        continue;
      }
      boolean found = hit.contains(l);
      long[] i = items.computeIfAbsent(l.category(), k -> new long[2]);
      i[0]++;
      String sub = l.category() + "/" + (l.sub() == null ? "-" : l.sub());
      long[] s = subs.computeIfAbsent(sub, k -> new long[2]);
      s[0]++;
      if (found) {
        i[1]++;
        s[1]++;
      } else {
        List<String> m = missed.computeIfAbsent(l.category(), k -> new ArrayList<>());
        if (m.size() < examplesPerCategory) {
          m.add(sub + ": " + snippet(l.offset(), l.end()));
        }
      }
    }
    Map<String, Score> byCategory = new TreeMap<>();
    java.util.TreeSet<String> cats = new java.util.TreeSet<>(items.keySet());
    cats.addAll(findingsByCategory.keySet());
    for (String cat : cats) {
      long[] f = findingsByCategory.getOrDefault(cat, new long[2]);
      long[] i = items.getOrDefault(cat, new long[2]);
      byCategory.put(cat, new Score(f[0], f[1], i[0], i[1]));
    }
    Map<String, Score> bySub = new TreeMap<>();
    subs.forEach((k, v) -> bySub.put(k, new Score(0, 0, v[0], v[1])));
    Map<String, Score> byRule = new TreeMap<>();
    findingsByRule.forEach((k, v) -> byRule.put(k, new Score(v[0], v[1], 0, 0)));
    Map<String, AccuracyReport.DecoyCount> decoyCounts = new TreeMap<>();
    decoys.forEach((k, v) -> decoyCounts.put(k, new AccuracyReport.DecoyCount(v[0], v[1])));
    return new AccuracyReport(bytes, findings, seconds, byCategory, bySub, byRule, decoyCounts,
        falsePositiveReasons, falsePositiveExamples, missed);
  }

  private String snippet(long start, long end) {
    int s = (int) Math.max(0, start - SNIPPET_CONTEXT);
    int e = (int) Math.min(corpus.length, end + SNIPPET_CONTEXT);
    String before = new String(corpus, s, (int) start - s, StandardCharsets.UTF_8);
    String value = new String(corpus, (int) start, (int) (end - start), StandardCharsets.UTF_8);
    String after = new String(corpus, (int) end, e - (int) end, StandardCharsets.UTF_8);
    return (before + "[[" + value + "]]" + after).replace('\n', '|').replace('\t', ' ');
  }
}
