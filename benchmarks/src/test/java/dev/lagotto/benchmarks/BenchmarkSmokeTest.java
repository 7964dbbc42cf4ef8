package dev.lagotto.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.validate.Validators;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every JMH benchmark in-process for one warm-up and one measurement iteration of
 * {@value #ITERATION_MILLIS} ms on 1 MiB corpora (64 KiB for the slow JDK regex engines), so that none can rot: each parameter combination must run
 * without error and report a positive score (and, for scans, a positive MB/s counter). Figures from here mean
 * nothing; benchmarks/README.md says how to measure.
 */
class BenchmarkSmokeTest {
  static final int ITERATION_MILLIS = 100;

  @Test
  void scanBenchmarkRunsEveryEngineCorpusAndRuleSet() throws RunnerException {
    Collection<RunResult> results = run(ScanBenchmark.class, Map.of("sizeMiB", "1", "jdkSliceKiB", "64"));
    assertThat(results).hasSize(ScanBenchmark.Engine.values().length * 2 * ScanBenchmark.RuleSet.values().length);
    assertScansReportThroughput(results);
  }

  @Test
  void ruleCountBenchmarkRunsThePackAloneAndWithTenTimesAsManyRules() throws RunnerException {
    Collection<RunResult> results = run(RuleCountBenchmark.class, Map.of("sizeMiB", "1"));
    assertThat(results).hasSize(2);
    assertScansReportThroughput(results);
  }

  @Test
  void personNameBenchmarkRunsOnBothCorpora() throws Exception {
    assertThat(RulePackLoader.loadDefault().rules())
        .as("the default rule pack has a person_name rule")
        .anyMatch(r -> PersonNameBenchmark.CATEGORIES.contains(r.category()));
    Collection<RunResult> results = run(PersonNameBenchmark.class, Map.of("sizeMiB", "1"));
    assertThat(results).hasSize(2);
    assertScansReportThroughput(results);
  }

  @Test
  void validatorBenchmarkRunsPhoneAndTld() throws RunnerException {
    assertThat(Validators.names()).as("registered validators").contains("phone", "tld");
    Collection<RunResult> results = run(ValidatorBenchmark.class, Map.of());
    assertThat(results).extracting(r -> r.getParams().getParam("validator"))
        .containsExactlyInAnyOrder("phone", ValidatorBenchmark.PHONE_BASELINE, "tld");
    for (RunResult r : results) {
      assertThat(r.getPrimaryResult().getScore()).as(r.getParams().toString()).isPositive();
    }
  }

  @Test
  void indexBenchmarkIngestsAndSearchesASmallIndex(@TempDir Path indexes) throws RunnerException {
    Collection<RunResult> results = run(IndexBenchmark.class,
        Map.of("exposures", "3000", "batchSize", "50", "updateIndexSize", "2000", "indexDir", indexes.toString()));
    assertThat(results).extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.", "") + " "
            + (r.getParams().getParam("kind") == null ? "" : r.getParams().getParam("kind")))
        .containsExactlyInAnyOrder("ingest NEW", "ingest UPDATE", "searchCategoryAndHost ", "searchLastSeenAndPath ",
            "subject ", "facets ");
    for (RunResult r : results) {
      assertThat(r.getPrimaryResult().getScore()).as(r.getParams().toString()).isPositive();
      if (r.getParams().getBenchmark().endsWith(".ingest")) {
        assertThat(r.getSecondaryResults().get("exposures").getScore()).as(r.getParams().toString()).isPositive();
      }
    }
  }

  private static void assertScansReportThroughput(Collection<RunResult> results) {
    for (RunResult r : results) {
      String cell = r.getParams().toString();
      assertThat(r.getPrimaryResult().getScore()).as(cell).isPositive();
      assertThat(r.getSecondaryResults()).as(cell).containsKey("megabytes");
      assertThat(r.getSecondaryResults().get("megabytes").getScore()).as(cell).isPositive();
    }
  }

  private static Collection<RunResult> run(Class<?> benchmark, Map<String, String> params) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(Pattern.quote(benchmark.getName()) + "\\.")
        .forks(0)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(ITERATION_MILLIS))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(ITERATION_MILLIS))
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
    params.forEach(options::param);
    return new Runner(options.build()).run();
  }
}
