package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
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
 * The person-name detector alone: the indexed engine restricted to {@code person_name} (dictionary lookups at
 * every capitalised word are its cost) on both corpus shapes. Fails at setup when the default pack has no
 * {@code person_name} rule, rather than timing an empty scan.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PersonNameBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PersonNameBenchmark {
  static final Set<Category> CATEGORIES = EnumSet.of(Category.PERSON_NAME);

  @Param({"clean", "main"})
  public String corpus;

  @Param("64")
  public int sizeMiB;

  private Scanner scanner;
  private Chunk[] chunks;
  private final CountingSink sink = new CountingSink();
  private long bytesPerOp;

  @Setup(Level.Trial)
  public void setUp() throws IOException, RuleLoadException {
    RulePack pack = DefaultPack.get();
    if (pack.only(CATEGORIES).size() == 0) {
      throw new IllegalStateException("the default rule pack has no person_name rule: nothing to measure");
    }
    byte[] bytes = Corpora.read(corpus, sizeMiB);
    scanner = Scanner.build(pack, ScanSettings.DEFAULTS.withCategories(CATEGORIES));
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
