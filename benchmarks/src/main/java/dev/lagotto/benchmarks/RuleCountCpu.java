package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The issue-3 rule-count ratio measured in thread CPU time, for a machine shared with other work where JMH's
 * wall-clock figures swing by ±40%: the default pack alone and the pack plus ten times as many synthetic
 * keyworded rules ({@link SyntheticRules}), scanned alternately on one thread over the same {@code main}
 * corpus; prints CPU MB/s per pass and the ratio of medians. Holds the corpus in memory; single-threaded.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.lagotto.benchmarks.RuleCountCpu
 * [sizeMiB=64] [passes=6] [syntheticPerPackRule=10] [both|alone|more]}; {@code alone}/{@code more} scan one
 * of the two only (to profile it, e.g. with {@code -XX:StartFlightRecording=filename=F.jfr}).
 */
public final class RuleCountCpu {
  private static final int WARM_UP_PASSES = 2;
  private static final double BUDGET = 1.3;

  private RuleCountCpu() {}

  public static void main(String[] args) throws Exception {
    int sizeMiB = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int factor = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String which = args.length > 3 ? args[3] : "both";
    byte[] bytes = Corpora.read("main", sizeMiB);
    Chunk[] chunks = Chunks.of(bytes);
    RulePack pack = DefaultPack.get();
    Scanner alone = Scanner.build(pack, ScanSettings.DEFAULTS);
    Scanner more = Scanner.build(SyntheticRules.pack(pack, pack.size() * (1 + factor)), ScanSettings.DEFAULTS);
    System.out.printf("main %d MiB; pack %d rules vs %d rules (%d synthetic)%n", sizeMiB, alone.ruleCount(),
        more.ruleCount(), more.ruleCount() - alone.ruleCount());
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] aloneMbs = new double[passes];
    double[] moreMbs = new double[passes];
    CountingSink sink = new CountingSink();
    for (int p = -WARM_UP_PASSES; p < passes; p++) {
      double a = "more".equals(which) ? Double.NaN : cpuMbs(mx, alone, chunks, sink, bytes.length);
      long aloneMatches = sink.total();
      double m = "alone".equals(which) ? Double.NaN : cpuMbs(mx, more, chunks, sink, bytes.length);
      System.out.printf("pass %d: pack %.1f MB/s cpu (%d), pack+%dx %.1f MB/s cpu (%d)%n", p, a, aloneMatches,
          factor, m, sink.total());
      if (p >= 0) {
        aloneMbs[p] = a;
        moreMbs[p] = m;
      }
    }
    double ratio = median(aloneMbs) / median(moreMbs);
    System.out.printf("median: pack %.1f MB/s, pack+%dx %.1f MB/s, time ratio %.2fx (budget %.1fx)%n",
        median(aloneMbs), factor, median(moreMbs), ratio, BUDGET);
  }

  private static double cpuMbs(ThreadMXBean mx, Scanner scanner, Chunk[] chunks, CountingSink sink, long bytes) {
    sink.reset();
    long c0 = mx.getCurrentThreadCpuTime();
    Chunks.scan(scanner, chunks, sink);
    long cpu = mx.getCurrentThreadCpuTime() - c0;
    return bytes / (cpu / 1e9) / 1e6;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
