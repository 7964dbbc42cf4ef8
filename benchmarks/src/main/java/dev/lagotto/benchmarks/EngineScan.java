package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.MatchSink;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The core engine as a whole process without the CLI, for {@code compare.sh}: streams one file through one
 * {@link Scanner} on one thread in {@link Chunks#CHUNK_BYTES} chunks with {@link Chunks#OVERLAP_BYTES} of
 * context (memory bounded by the chunk size), and prints {@code category<TAB>count} for each category found,
 * then {@code total} and {@code bytes}. The difference to {@code lagotto scan --threads 1} is the cost of the
 * CLI: sources, locations, fingerprints, JSON output.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.lagotto.benchmarks.EngineScan
 * [--categories email,ipv4,...] [--prefilter INDEXED|NONE] FILE}
 */
public final class EngineScan {
  private EngineScan() {}

  public static void main(String[] args) {
    Set<Category> categories = EnumSet.allOf(Category.class);
    ScanSettings.PrefilterMode prefilter = ScanSettings.PrefilterMode.INDEXED;
    Path file = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--categories" -> categories = parseCategories(args[++i]);
          case "--prefilter" -> prefilter = ScanSettings.PrefilterMode.valueOf(args[++i].toUpperCase(Locale.ROOT));
          default -> {
            if (args[i].startsWith("-") || file != null) {
              throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            file = Path.of(args[i]);
          }
        }
      }
      if (file == null) {
        throw new IllegalArgumentException("no FILE given");
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      System.err.println("EngineScan: " + e.getMessage()
          + "\nusage: EngineScan [--categories LIST] [--prefilter INDEXED|NONE] FILE");
      System.exit(JdkRegexScan.EXIT_USAGE);
      return;
    }
    try {
      Scanner scanner = Scanner.build(RulePackLoader.loadDefault(),
          ScanSettings.DEFAULTS.withPrefilter(prefilter).withCategories(categories));
      CountingSink sink = new CountingSink();
      long bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = scan(in, scanner, sink);
      }
      StringBuilder out = new StringBuilder();
      for (Category c : Category.values()) {
        if (sink.count(c) > 0) {
          out.append(c.id()).append('\t').append(sink.count(c)).append('\n');
        }
      }
      out.append("total\t").append(sink.total()).append("\nbytes\t").append(bytes).append('\n');
      System.out.print(out);
    } catch (IOException | RuleLoadException e) {
      System.err.println("EngineScan: " + e.getMessage());
      System.exit(JdkRegexScan.EXIT_IO);
    }
  }

  /**
   * Streams {@code in} through {@code scanner}: each chunk reports up to {@link Chunks#CHUNK_BYTES} new bytes and
   * may read {@link Chunks#OVERLAP_BYTES} on either side. Returns the number of bytes read.
   */
  static long scan(InputStream in, Scanner scanner, MatchSink sink) throws IOException {
    final int overlap = Chunks.OVERLAP_BYTES;
    byte[] buf = new byte[overlap + Chunks.CHUNK_BYTES + overlap];
    int keep = 0;          // bytes at the front of buf already reported (left context)
    int filled = 0;        // bytes in buf
    long total = 0;
    boolean eof = false;
    while (!eof) {
      while (filled < buf.length) {
        int n = in.read(buf, filled, buf.length - filled);
        if (n < 0) {
          eof = true;
          break;
        }
        filled += n;
        total += n;
      }
      int reportTo = eof ? filled : filled - overlap;
      if (reportTo > keep) {
        scanner.scan(new Chunk(buf, 0, keep, reportTo, filled), sink);
      }
      int from = Math.max(0, reportTo - overlap);
      System.arraycopy(buf, from, buf, 0, filled - from);
      keep = reportTo - from;
      filled -= from;
    }
    return total;
  }

  private static Set<Category> parseCategories(String list) {
    Set<Category> set = EnumSet.noneOf(Category.class);
    for (String id : list.split(",")) {
      set.add(Category.fromId(id.strip()).orElseThrow(
          () -> new IllegalArgumentException("unknown category '" + id.strip() + "'")));
    }
    return set;
  }
}
