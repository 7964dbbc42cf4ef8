package dev.lagotto.core.scan;

import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Throwaway harness (not a test): what each rule of the default pack costs a scan, as the time of the whole pack less
 * that of the pack without the rule. Both scanners scan the first {@code MIB} MiB of a file in turn, in one JVM, and
 * the median of the paired differences is printed per rule, with its share of the whole pack's time: on a host whose
 * speed drifts, a difference taken within a second moves less than two separate timings. A rule's cost includes what
 * it adds to the union automaton (states, stops) as well as its candidates, validators and context.
 * Run: {@code java -cp core/target/classes:rules/target/classes:core/target/test-classes:DEPS
 * dev.lagotto.core.scan.RuleCostMain FILE [MIB] [RULE[+RULE...],...]} (default 32 MiB and every rule; {@code a+b}
 * leaves out two rules together). See {@link ThroughputMain} for {@code DEPS}.
 */
public final class RuleCostMain {
  private static final int PAIRS = 9;

  private RuleCostMain() {}

  public static void main(String[] args) throws Exception {
    byte[] file = Files.readAllBytes(Path.of(args[0]));
    int mib = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    List<Chunk> chunks = ThroughputMain.chunks(Arrays.copyOf(file, Math.min(file.length, mib << 20)));
    RulePack pack = RulePackLoader.loadDefault();
    List<String> leaveOut = args.length > 2 ? List.of(args[2].split(","))
        : pack.rules().stream().map(r -> r.id()).toList();
    Scanner all = Scanner.build(pack, ScanSettings.DEFAULTS);
    for (int i = 0; i < 4; i++) {
      nanos(all, chunks);
    }
    for (String group : leaveOut) {
      Set<String> ids = Set.of(group.split("\\+"));
      Scanner without = Scanner.build(pack.filter(r -> !ids.contains(r.id())), ScanSettings.DEFAULTS);
      for (int i = 0; i < 3; i++) {
        nanos(without, chunks);
      }
      List<Double> differences = new ArrayList<>();
      List<Double> whole = new ArrayList<>();
      for (int i = 0; i < PAIRS; i++) {
        long a = nanos(all, chunks);
        long b = nanos(without, chunks);
        differences.add((a - b) / 1e6);
        whole.add(a / 1e6);
      }
      Collections.sort(differences);
      Collections.sort(whole);
      double median = differences.get(PAIRS / 2);
      System.out.printf("%-34s %6.1f ms of %6.1f (%5.1f%%), pairs %.1f..%.1f%n", group, median, whole.get(PAIRS / 2),
          100 * median / whole.get(PAIRS / 2), differences.get(0), differences.get(PAIRS - 1));
    }
  }

  private static long nanos(Scanner scanner, List<Chunk> chunks) {
    long t0 = System.nanoTime();
    for (Chunk c : chunks) {
      scanner.scan(c, (rule, start, end, confidence) -> { });
    }
    return System.nanoTime() - t0;
  }
}
