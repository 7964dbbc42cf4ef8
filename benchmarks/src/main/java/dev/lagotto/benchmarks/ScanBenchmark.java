package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.ScanSettings.PrefilterMode;
import dev.lagotto.core.scan.Scanner;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scan throughput by engine, corpus shape and rule set, single thread. The baselines are values of the one
 * {@code engine} parameter, so they land in the same table; read the {@code scan:megabytes} rows (MB/s, see
 * {@link Throughput}) and compare engines as ratios.
 *
 * <ul>
 *   <li>{@code JDK_REGEX_ALTERNATION}: {@code java.util.regex}, the {@code rules.tsv} rules as one alternation
 *       with a capture group per rule, line by line ({@link JdkRegexEngine}).
 *   <li>{@code JDK_REGEX_PER_RULE}: the same rules one after the other over the whole text.
 *   <li>{@code NO_PREFILTER}: Lagotto's {@link Scanner} with {@link PrefilterMode#NONE} (every rule at every
 *       position: the engine's reference mode).
 *   <li>{@code INDEX_ONLY}: Lagotto's {@link Scanner} with {@link PrefilterMode#INDEX_ONLY} (every rule through
 *       the keyword/start-byte index; the product until the union automaton).
 *   <li>{@code INDEXED}: Lagotto's {@link Scanner} with {@link PrefilterMode#INDEXED}, the product.
 * </ul>
 *
 * <p>{@code rules=BENCH} restricts the Lagotto engines to the nine categories of {@code rules.tsv}
 * ({@link ReferenceRules#BENCH_CATEGORIES}, as {@code lagotto scan --categories}); {@code ALL} is the whole
 * default pack. The JDK engines always run the nine {@code rules.tsv} rules (so their BENCH and ALL rows are
 * the same work). They run at about 2.5 MB/s, so they scan only the first {@code jdkSliceKiB} KiB of the
 * corpus (default 4 MiB) instead of all {@code sizeMiB} (default 64); MB/s stays comparable. The Lagotto engines
 * scan the corpus as {@link Chunks} of 1 MiB, as a file reader would.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScanBenchmark -prof gc}; one cell:
 * {@code ... ScanBenchmark -p engine=INDEXED -p corpus=main -p rules=BENCH}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ScanBenchmark {
  /** The engine under test; the baselines are values of this one parameter. */
  public enum Engine {
    JDK_REGEX_ALTERNATION, JDK_REGEX_PER_RULE, NO_PREFILTER, INDEX_ONLY, INDEXED;

    boolean jdk() {
      return this == JDK_REGEX_ALTERNATION || this == JDK_REGEX_PER_RULE;
    }
  }

  /** Which rules the Lagotto engines run. */
  public enum RuleSet { BENCH, ALL }

  @Param({"JDK_REGEX_ALTERNATION", "JDK_REGEX_PER_RULE", "NO_PREFILTER", "INDEX_ONLY", "INDEXED"})
  public Engine engine;

  @Param({"clean", "main"})
  public String corpus;

  @Param({"BENCH", "ALL"})
  public RuleSet rules;

  @Param("64")
  public int sizeMiB;

  @Param("4096")
  public int jdkSliceKiB;

  private String text;
  private JdkRegexEngine jdk;
  private long[] perRule;
  private Scanner scanner;
  private Chunk[] chunks;
  private final CountingSink sink = new CountingSink();
  private long bytesPerOp;

  @Setup(Level.Trial)
  public void setUp() throws IOException, RuleLoadException {
    byte[] bytes = Corpora.read(corpus, sizeMiB);
    if (engine.jdk()) {
      int slice = (int) Math.min(bytes.length, (long) jdkSliceKiB << 10);
      text = JdkRegexEngine.text(bytes, 0, slice);
      jdk = new JdkRegexEngine(ReferenceRules.load(), engine == Engine.JDK_REGEX_ALTERNATION
          ? JdkRegexEngine.Mode.ALTERNATION : JdkRegexEngine.Mode.PER_RULE);
      perRule = new long[jdk.ruleCount()];
      bytesPerOp = slice;
    } else {
      ScanSettings settings = ScanSettings.DEFAULTS.withPrefilter(switch (engine) {
        case NO_PREFILTER -> PrefilterMode.NONE;
        case INDEX_ONLY -> PrefilterMode.INDEX_ONLY;
        default -> PrefilterMode.INDEXED;
      });
      if (rules == RuleSet.BENCH) {
        settings = settings.withCategories(ReferenceRules.BENCH_CATEGORIES);
      }
      scanner = Scanner.build(DefaultPack.get(), settings);
      chunks = Chunks.of(bytes);
      bytesPerOp = bytes.length;
    }
  }

  /** One pass over the corpus (or its slice); returns the matches plus the rule runs, so nothing is dead code. */
  @Benchmark
  public long scan(Throughput throughput) {
    long result;
    if (jdk != null) {
      Arrays.fill(perRule, 0);
      result = jdk.count(text, perRule);
    } else {
      sink.reset();
      result = Chunks.scan(scanner, chunks, sink) + sink.total();
    }
    throughput.add(bytesPerOp);
    return result;
  }
}
