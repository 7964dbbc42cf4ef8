package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.IOException;
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
 * How scan cost grows with the number of rules: the indexed engine on the {@code main} corpus with the whole
 * default pack plus {@code syntheticPerPackRule} synthetic keyworded rules ({@link SyntheticRules}) per rule
 * of the pack ({@code 0}: the pack alone; {@code 10}: the pack plus ten times as many synthetic rules).
 * Budget (issue 3): 10x the rules costs at most 1.3x the time, i.e. {@code megabytes} at {@code 10} at least
 * 1/1.3 of that at {@code 0}, measured in the same run.
 *
 * <p>The growth curve over absolute rule counts: {@code -p rules=10,50,100,500} (the first rules of the pack,
 * then synthetic ones; {@code syntheticPerPackRule} is then ignored).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RuleCountBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class RuleCountBenchmark {
  @Param({"0", "10"})
  public int syntheticPerPackRule;

  /** Exactly this many rules when positive; {@code 0}: the pack plus {@code syntheticPerPackRule} per rule. */
  @Param("0")
  public int rules;

  @Param("64")
  public int sizeMiB;

  private Scanner scanner;
  private Chunk[] chunks;
  private final CountingSink sink = new CountingSink();
  private long bytesPerOp;

  @Setup(Level.Trial)
  public void setUp() throws IOException, RuleLoadException {
    byte[] bytes = Corpora.read("main", sizeMiB);
    RulePack pack = DefaultPack.get();
    int total = rules > 0 ? rules : pack.size() * (1 + syntheticPerPackRule);
    scanner = Scanner.build(SyntheticRules.pack(pack, total), ScanSettings.DEFAULTS);
    chunks = Chunks.of(bytes);
    bytesPerOp = bytes.length;
  }

  /** One pass over the corpus; returns the matches plus the rule runs. */
  @Benchmark
  public long scan(Throughput throughput) {
    sink.reset();
    long result = Chunks.scan(scanner, chunks, sink) + sink.total();
    throughput.add(bytesPerOp);
    return result;
  }
}
