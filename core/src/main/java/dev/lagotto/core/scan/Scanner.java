package dev.lagotto.core.scan;

import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePack;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PLACEHOLDER (replaced by the indexed engine of issue 3): runs every rule's pattern with java.util.regex.
 * Thread-safe and immutable once built.
 */
public final class Scanner {
  private final RulePack pack;
  private final ScanSettings settings;
  private final List<Rule> rules = new ArrayList<>();
  private final List<Pattern> patterns = new ArrayList<>();

  private Scanner(RulePack pack, ScanSettings settings) {
    this.pack = pack;
    this.settings = settings;
    for (Rule r : pack.rules()) {
      if (r.pattern() != null && settings.categories().contains(r.category())) {
        rules.add(r);
        patterns.add(Pattern.compile(r.pattern()));
      }
    }
  }

  public static Scanner build(RulePack pack, ScanSettings settings) {
    return new Scanner(pack, settings);
  }

  public RulePack pack() {
    return pack;
  }

  public ScanSettings settings() {
    return settings;
  }

  /** Scans one chunk; returns the number of rule pattern runs. */
  public int scan(Chunk chunk, MatchSink sink) {
    String text = new String(chunk.bytes(), chunk.start(), chunk.end() - chunk.start(), StandardCharsets.ISO_8859_1);
    record M(Rule rule, int start, int end) {}
    List<M> found = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Matcher m = patterns.get(i).matcher(text);
      while (m.find()) {
        int s = m.start() + chunk.start();
        if (s >= chunk.reportFrom() && s < chunk.reportTo()) {
          found.add(new M(rules.get(i), s, m.end() + chunk.start()));
        }
      }
    }
    found.sort(java.util.Comparator.comparingInt(M::start));
    int lastEnd = -1;
    for (M m : found) {
      if (m.start() >= lastEnd) {
        sink.match(m.rule(), m.start(), m.end(), m.rule().confidence());
        lastEnd = m.end();
      }
    }
    return rules.size();
  }
}
