package dev.lagotto.core.scan;

import dev.lagotto.core.pattern.CompiledPattern;
import dev.lagotto.core.prefilter.Candidates;
import dev.lagotto.core.prefilter.Prefilter;
import dev.lagotto.core.prefilter.UnionAutomaton;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.ScanSettings.PrefilterMode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How fast a first stage can make the engine: measures in one JVM, alternately and on one thread (CPU time), a plain
 * read of the bytes, the two first stages alone (the rule index, {@link Prefilter#scan} with its keyword and run
 * gates and every rule in it, events discarded; the {@link UnionAutomaton} of the rules with a DFA), and the whole
 * engine with each ({@code INDEX_ONLY}, {@code INDEXED}). Prints MB/s of each and, per mode, the bound
 * {@code 1 / (1/engine - 1/first stage)}: what the engine would reach if its first stage cost nothing and everything
 * after it stayed as it is.
 *
 * <p>{@code java -cp ... dev.lagotto.core.scan.FirstStageCeiling FILE [ROUNDS]} with
 * {@code -Dcategories=a,b} to select categories (default: all); the rules are the default pack's.
 */
public final class FirstStageCeiling {
  private FirstStageCeiling() {}

  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Set<Category> categories = EnumSet.allOf(Category.class);
    String only = System.getProperty("categories");
    if (only != null) {
      categories = EnumSet.noneOf(Category.class);
      for (String c : only.split(",")) {
        categories.add(Category.fromId(c).orElseThrow(() -> new IllegalArgumentException(c)));
      }
    }
    ScanSettings settings = ScanSettings.DEFAULTS.withCategories(categories);
    Scanner indexOnly = Scanner.build(RulePackLoader.loadDefault(), settings.withPrefilter(PrefilterMode.INDEX_ONLY));
    Scanner indexed = Scanner.build(RulePackLoader.loadDefault(), settings);
    List<CompiledPattern> patterns = new ArrayList<>();
    List<boolean[]> forbidden = new ArrayList<>();
    List<String> custom = new ArrayList<>();
    for (CompiledRule r : indexed.compiledRules()) {
      if (r.pattern == null || !UnionAutomaton.canJoin(r.pattern)) {
        custom.add(r.rule.id());
      } else {
        patterns.add(r.pattern);
        forbidden.add(r.forbidden);
      }
    }
    UnionAutomaton.Cache union = UnionAutomaton.of(patterns, forbidden).newCache();
    System.out.printf("%d bytes; %d rules (%d in the union; left to the index: %s)%n", bytes.length,
        indexed.ruleCount(), patterns.size(), custom);
    List<Chunk> chunks = ThroughputMain.chunks(bytes);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] names = {"plain read (sum of bytes)", "index pass alone (every rule)", "union automaton pass",
        "engine INDEX_ONLY", "engine INDEXED"};
    double[] best = new double[names.length];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < names.length; k++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long result = switch (k) {
          case 0 -> plainRead(bytes);
          case 1 -> firstStage(indexOnly, chunks);
          case 2 -> unionPass(union, chunks);
          case 3 -> engine(indexOnly, chunks);
          default -> engine(indexed, chunks);
        };
        double mbs = bytes.length / ((mx.getCurrentThreadCpuTime() - c0) / 1e9) / 1e6;
        best[k] = Math.max(best[k], mbs);
        System.out.printf("round %d  %-38s %8.1f MB/s  (%d)%n", round, names[k], mbs, result);
      }
    }
    System.out.printf("best of %d rounds, CPU MB/s:%n", rounds);
    for (int k = 0; k < names.length; k++) {
      System.out.printf("  %-38s %8.1f%n", names[k], best[k]);
    }
    System.out.printf("  union automaton: %d state sets, %d cache flushes%n", union.states(), union.flushes());
    System.out.printf("  INDEX_ONLY if its index pass were free:  %8.1f%n", 1 / (1 / best[3] - 1 / best[1]));
    System.out.printf("  INDEXED if its union pass were free:     %8.1f%n", 1 / (1 / best[4] - 1 / best[2]));
  }

  private static long plainRead(byte[] bytes) {
    long sum = 0;
    for (byte b : bytes) {
      sum += b;
    }
    return sum;
  }

  /** The first stage of each chunk segment by segment, as {@link Scanner#scan} calls it; returns the events. */
  private static long firstStage(Scanner scanner, List<Chunk> chunks) {
    Prefilter prefilter = scanner.prefilter();
    Candidates events = new Candidates();
    long[] count = new long[1];
    Prefilter.StartSink sink = new Prefilter.StartSink() {
      @Override
      public void startAt(int position, int[] rules, long members) {
        count[0]++;
      }

      @Override
      public void keywordAt(int position, int rule, int length) {
        count[0]++;
      }
    };
    for (Chunk c : chunks) {
      for (int seg = c.reportFrom(); seg < c.reportTo(); seg += Scanner.SEGMENT) {
        int segTo = Math.min(c.reportTo(), seg + Scanner.SEGMENT);
        events.clear();
        prefilter.scan(c.bytes(), c.start(), seg, segTo, segTo, c.end(), events, sink);
        count[0] += events.size();
      }
    }
    return count[0];
  }

  private static long unionPass(UnionAutomaton.Cache union, List<Chunk> chunks) {
    long[] ends = new long[1];
    for (Chunk c : chunks) {
      union.scan(c.bytes(), c.start(), c.reportFrom(), c.reportTo(), Scanner.MAX_MATCH_LENGTH,
          (rule, end) -> ends[0]++);
    }
    return ends[0];
  }

  private static long engine(Scanner scanner, List<Chunk> chunks) {
    long[] matches = new long[1];
    for (Chunk c : chunks) {
      scanner.scan(c, (rule, s, e, conf) -> matches[0]++);
    }
    return matches[0];
  }
}
