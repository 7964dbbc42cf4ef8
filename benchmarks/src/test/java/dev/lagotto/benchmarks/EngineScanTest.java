package dev.lagotto.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways benchmarks cut a corpus into chunks (in memory with {@link Chunks}, streamed by
 * {@link EngineScan}) report exactly what one chunk over the whole corpus reports, with the real engine.
 */
class EngineScanTest {
  @Test
  void chunkedScansFindWhatOneWholeChunkFinds() throws Exception {
    byte[] corpus = Corpora.read("main", 3);
    Scanner scanner = Scanner.build(RulePackLoader.loadDefault(), ScanSettings.DEFAULTS);

    List<String> whole = new ArrayList<>();
    scanner.scan(Chunk.of(corpus), (rule, s, e, c) -> whole.add(rule.id() + "@" + s + "-" + e));
    List<String> inMemory = new ArrayList<>();
    Chunks.scan(scanner, Chunks.of(corpus), (rule, s, e, c) -> inMemory.add(rule.id() + "@" + s + "-" + e));

    assertThat(Chunks.of(corpus)).hasSize((corpus.length + Chunks.CHUNK_BYTES - 1) / Chunks.CHUNK_BYTES).hasSizeGreaterThan(2);
    assertThat(whole).isNotEmpty();
    assertThat(inMemory).containsExactlyElementsOf(whole);

    CountingSink wholeCounts = new CountingSink();
    scanner.scan(Chunk.of(corpus), wholeCounts);
    CountingSink streamed = new CountingSink();
    // a stream that returns short reads, as pipes do, to exercise the refill loop
    InputStream in = new ByteArrayInputStream(corpus) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 70_001));
      }
    };
    long bytes = EngineScan.scan(in, scanner, streamed);

    assertThat(bytes).isEqualTo(corpus.length);
    assertThat(streamed.total()).isEqualTo(wholeCounts.total());
    for (Category c : Category.values()) {
      assertThat(streamed.count(c)).as(c.id()).isEqualTo(wholeCounts.count(c));
    }
  }

  @Test
  void passesAfterTheFirstAreTimedAndCountNothingTwice(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("main-1.log");
    Files.write(file, Corpora.read("main", 1));
    EnumSet<Category> all = EnumSet.allOf(Category.class);

    String once = EngineScan.report(file, all, ScanSettings.PrefilterMode.INDEXED, 1, 0, List.of());
    String thrice = EngineScan.report(file, all, ScanSettings.PrefilterMode.INDEXED, 3, 0, List.of());

    assertThat(once).doesNotContain("pass_seconds").contains("total\t");
    assertThat(thrice).startsWith(once).contains("passes\t3\nwarmup_passes\t0\n");
    double seconds = Double.parseDouble(thrice.replaceAll("(?s).*pass_seconds\t([0-9.]+)\n", "$1"));
    assertThat(seconds).isPositive().isLessThan(60);
  }

  @Test
  void warmUpPassesRunForTheirMinimumBeforeTheTimedOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("main-1.log");
    Files.write(file, Corpora.read("main", 1));
    EnumSet<Category> all = EnumSet.allOf(Category.class);

    long t0 = System.nanoTime();
    String report = EngineScan.report(file, all, ScanSettings.PrefilterMode.INDEXED, 2, 0.5, List.of());
    double seconds = (System.nanoTime() - t0) / 1e9;

    int warmUps = Integer.parseInt(report.replaceAll("(?s).*warmup_passes\t([0-9]+)\n.*", "$1"));
    assertThat(warmUps).isGreaterThanOrEqualTo(2);
    assertThat(seconds).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void aBaselineRunsAfterEachTimedPassAndIsTimedBesideIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("main-1.log");
    Files.write(file, Corpora.read("main", 1));
    EnumSet<Category> all = EnumSet.allOf(Category.class);
    Path marks = dir.resolve("marks");
    // the baseline leaves a mark per run and takes at least 0.2 s
    List<String> baseline = List.of("sh", "-c", "echo x >> '" + marks + "'; sleep 0.2");

    String report = EngineScan.report(file, all, ScanSettings.PrefilterMode.INDEXED, 3, 0, baseline);

    assertThat(Files.readAllLines(marks)).hasSize(2);
    List<String> pairs = report.lines().filter(l -> l.startsWith("pair\t")).toList();
    assertThat(pairs).hasSize(2);
    for (String pair : pairs) {
      String[] f = pair.split("\t");
      assertThat(Double.parseDouble(f[1])).isPositive().isLessThan(60);
      assertThat(Double.parseDouble(f[2])).isGreaterThanOrEqualTo(0.2).isLessThan(60);
    }
    assertThat(EngineScan.report(file, all, ScanSettings.PrefilterMode.INDEXED, 3, 0, List.of()))
        .doesNotContain("pair\t");
  }

  @Test
  void aBaselineThatFailsIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("main-1.log");
    Files.write(file, Corpora.read("main", 1));
    EnumSet<Category> all = EnumSet.allOf(Category.class);

    assertThatThrownBy(() -> EngineScan.report(file, all, ScanSettings.PrefilterMode.INDEXED, 2, 0,
        List.of("sh", "-c", "exit 2")))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("exited with status 2");
  }
}
