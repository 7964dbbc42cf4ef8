package dev.lagotto.core.scan;

import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Throwaway single-thread throughput harness (not a test; the JMH suite lives in benchmarks/). Scans a file
 * in 1 MiB chunks with {@link Scanner#CHUNK_OVERLAP} and prints MB/s per iteration and findings per rule.
 * Run: {@code java -cp core/target/classes:core/target/test-classes:DEPS dev.lagotto.core.scan.ThroughputMain
 * FILE [bench|default|RULES_DIR] [INDEXED|NONE] [iterations]} ({@code DEPS}: {@code mvn -q -o -pl core -am
 * test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}). {@code bench} is the nine bare
 * patterns of {@link TestRules#bench()} (no validators or context); the "rules.tsv categories" figure
 * is the default pack restricted to them: {@code default} with
 * {@code -Dcategories=email,ipv4,ipv6,geo_coordinates,phone,credit_card,iban,national_id,mac_address}.
 * {@code -Drules=id,id} keeps only the named rules. The MB/s to quote is the CPU one after warm-up.
 */
public final class ThroughputMain {
  private static final int CHUNK = 1 << 20;

  private ThroughputMain() {}

  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    String which = args.length > 1 ? args[1] : "bench";
    RulePack pack = switch (which) {
      case "bench" -> TestRules.bench();
      case "default" -> RulePackLoader.loadDefault();
      default -> RulePackLoader.load(Path.of(which));
    };
    String only = System.getProperty("rules");
    if (only != null) {
      java.util.Set<String> ids = java.util.Set.of(only.split(","));
      pack = pack.filter(r -> ids.contains(r.id()));
    }
    ScanSettings.PrefilterMode mode = ScanSettings.PrefilterMode.valueOf(args.length > 2 ? args[2] : "INDEXED");
    int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    ScanSettings settings = ScanSettings.DEFAULTS.withPrefilter(mode);
    String categories = System.getProperty("categories");
    if (categories != null) {
      java.util.Set<dev.lagotto.core.rule.Category> set = java.util.EnumSet.noneOf(dev.lagotto.core.rule.Category.class);
      for (String c : categories.split(",")) {
        set.add(dev.lagotto.core.rule.Category.fromId(c).orElseThrow(() -> new IllegalArgumentException(c)));
      }
      settings = settings.withCategories(set);
    }
    Scanner scanner = Scanner.build(pack, settings);
    System.out.println(pack.size() + " rules, " + scanner.ruleCount() + " compiled, " + bytes.length + " bytes, " + mode);
    List<Chunk> chunks = chunks(bytes);
    for (int it = 0; it < iterations; it++) {
      Map<String, int[]> counts = new TreeMap<>();
      long runs = 0;
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (Chunk c : chunks) {
        runs += scanner.scan(c, (rule, s, e, conf) -> counts.computeIfAbsent(rule.id(), k -> new int[1])[0]++);
      }
      long ns = System.nanoTime() - t0;
      long cpu = mx.getCurrentThreadCpuTime() - c0;
      StringBuilder sb = new StringBuilder();
      counts.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v[0]));
      System.out.printf("iteration %d: %.1f MB/s wall, %.1f MB/s cpu, %d rule runs,%s%n", it,
          bytes.length / (ns / 1e9) / 1e6, bytes.length / (cpu / 1e9) / 1e6, runs, sb);
    }
  }

  /** {@code bytes} as a file reader would hand them over: 1 MiB chunks with {@link Scanner#CHUNK_OVERLAP} around. */
  static List<Chunk> chunks(byte[] bytes) {
    List<Chunk> chunks = new java.util.ArrayList<>();
    for (int from = 0; from < bytes.length; from += CHUNK) {
      int to = Math.min(bytes.length, from + CHUNK);
      chunks.add(new Chunk(bytes, Math.max(0, from - Scanner.CHUNK_OVERLAP), from, to,
          Math.min(bytes.length, to + Scanner.CHUNK_OVERLAP)));
    }
    return chunks;
  }
}
