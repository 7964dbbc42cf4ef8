package dev.lagotto.benchmarks;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.PhoneNumbers;
import dev.lagotto.core.validate.PhoneValidator;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The cost of one call of a costly validator ({@code phone}: {@link PhoneNumbers} over libphonenumber's
 * metadata, with {@value #PHONE_BASELINE}, the same validator on plain libphonenumber calls, as its baseline;
 * {@code tld}: the public suffix list), as {@code Validators.create(name, ScanSettings.DEFAULTS).check(bytes, start, end)}. The values are
 * realistic: the first {@value #VALUES} matches of the matching {@code rules.tsv} rule ({@code phone}, or
 * {@code email} for {@code tld}) in the {@value #CORPUS_MIB} MiB {@code main} corpus, checked in place in the
 * corpus bytes, round robin. Reported in ns per check.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ValidatorBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidatorBenchmark {
  /** Values per validator; a power of two so the round robin is a mask. */
  public static final int VALUES = 1024;
  public static final int CORPUS_MIB = 4;
  /** The {@code phone} validator on plain libphonenumber calls ({@link PhoneNumbers#libphonenumberOnly}). */
  public static final String PHONE_BASELINE = "phone_libphonenumber";
  private static final Map<String, String> REFERENCE_RULE =
      Map.of("phone", "phone", PHONE_BASELINE, "phone", "tld", "email");

  @Param({"phone", PHONE_BASELINE, "tld"})
  public String validator;

  private Validator checker;
  private byte[] bytes;
  private final int[] starts = new int[VALUES];
  private final int[] ends = new int[VALUES];
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    String ruleName = REFERENCE_RULE.get(validator);
    if (ruleName == null) {
      throw new IllegalArgumentException("no value source for validator '" + validator + "' (known: "
          + REFERENCE_RULE.keySet() + ")");
    }
    checker = PHONE_BASELINE.equals(validator)
        ? new PhoneValidator(PhoneNumbers.libphonenumberOnly(ScanSettings.DEFAULTS.defaultRegion()))
        : Validators.create(validator, ScanSettings.DEFAULTS);
    bytes = Corpora.read("main", CORPUS_MIB);
    List<ReferenceRule> rules = ReferenceRules.load();
    ReferenceRule rule = rules.stream().filter(r -> r.name().equals(ruleName)).findFirst()
        .orElseThrow(() -> new IllegalStateException("rules.tsv has no rule '" + ruleName + "'"));
    Matcher m = Pattern.compile(rule.regex()).matcher(new String(bytes, StandardCharsets.ISO_8859_1));
    int found = 0;
    while (found < VALUES && m.find()) {
      starts[found] = m.start();
      ends[found] = m.end();
      found++;
    }
    if (found == 0) {
      throw new IllegalStateException("no '" + ruleName + "' match in the corpus to validate");
    }
    for (int i = found; i < VALUES; i++) {
      starts[i] = starts[i % found];
      ends[i] = ends[i % found];
    }
  }

  /** One validator call on the next value; returns its confidence factor. */
  @Benchmark
  public double check() {
    int i = next++ & (VALUES - 1);
    return checker.check(bytes, starts[i], ends[i]);
  }
}
