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
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The core engine as a whole process without the CLI, for {@code compare.sh}: streams one file through one
 * {@link Scanner} on one thread in {@link Chunks#CHUNK_BYTES} chunks with {@link Chunks#OVERLAP_BYTES} of
 * context (memory bounded by the chunk size), and prints {@code category<TAB>count} for each category found,
 * then {@code total} and {@code bytes}. The difference to {@code lagotto scan --threads 1} is the cost of the
 * CLI: sources, locations, fingerprints, JSON output.
 *
 * <p>With {@code --passes N} (N &ge; 2) the file is streamed N times by the same scanner, as a long-running agent
 * scans file after file; the counts are the first pass's, and {@code pass_seconds} is the wall time of the
 * fastest of passes 2 to N: the engine's steady state, with start-up, rule compilation and JIT warm-up left out.
 * Between pass 1 and pass 2 come untimed warm-up passes ({@code --warmup-seconds S}, default
 * {@value #DEFAULT_WARM_UP_SECONDS}; 0 for none): for at least S seconds, and then until one of them runs while the JIT
 * compilers work for less than 1% of its time (at most {@value #QUIET_WAIT_LIMIT_SECONDS} s more); their number is
 * printed as {@code warmup_passes}. Without them, on one CPU ({@code taskset}) the compilers still move methods up
 * their tiers through the first timed passes of a short file, and through the baseline runs after them.
 *
 * <p>With a baseline command after {@code --} as well, that command runs as a process of its own after each of passes
 * 2 to N, and each pass prints {@code pair<TAB>engine seconds<TAB>baseline seconds}: a ratio taken seconds apart, so
 * that a host whose speed drifts over a minute (a shared virtual machine) changes both sides of it alike. The
 * baseline's output is discarded, its time is its whole process's wall time, and an exit status above 1 is an error
 * (grep and ripgrep exit 1 when nothing matched).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.lagotto.benchmarks.EngineScan
 * [--categories email,ipv4,...] [--prefilter INDEXED|NONE] [--passes N] [--warmup-seconds S] FILE
 * [-- BASELINE_COMMAND...]}
 */
public final class EngineScan {
  /** The warm-up's minimum by default: tier upgrades trickle on for seconds after the first passes. */
  static final double DEFAULT_WARM_UP_SECONDS = 5;
  /** How long after its minimum the warm-up waits at most for a pass with the JIT quiet. */
  static final int QUIET_WAIT_LIMIT_SECONDS = 30;

  private EngineScan() {}

  public static void main(String[] args) {
    Set<Category> categories = EnumSet.allOf(Category.class);
    ScanSettings.PrefilterMode prefilter = ScanSettings.PrefilterMode.INDEXED;
    Path file = null;
    int passes = 1;
    double warmUpSeconds = DEFAULT_WARM_UP_SECONDS;
    List<String> baseline = List.of();
    try {
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--")) {
          baseline = List.of(args).subList(i + 1, args.length);
          break;
        }
        switch (args[i]) {
          case "--categories" -> categories = parseCategories(args[++i]);
          case "--prefilter" -> prefilter = ScanSettings.PrefilterMode.valueOf(args[++i].toUpperCase(Locale.ROOT));
          case "--passes" -> {
            passes = Integer.parseInt(args[++i]);
            if (passes < 1) {
              throw new IllegalArgumentException("--passes needs a positive number, not " + passes);
            }
          }
          case "--warmup-seconds" -> {
            warmUpSeconds = Double.parseDouble(args[++i]);
            if (!(warmUpSeconds >= 0)) {
              throw new IllegalArgumentException("--warmup-seconds needs 0 or more, not " + args[i]);
            }
          }
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
      if (!baseline.isEmpty() && passes < 2) {
        throw new IllegalArgumentException("a baseline command needs --passes 2 or more");
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      System.err.println("EngineScan: " + e.getMessage()
          + "\nusage: EngineScan [--categories LIST] [--prefilter INDEXED|NONE] [--passes N] [--warmup-seconds S] FILE\n"
          + "       [-- BASELINE...]");
      System.exit(JdkRegexScan.EXIT_USAGE);
      return;
    }
    try {
      System.out.print(report(file, categories, prefilter, passes, warmUpSeconds, baseline));
    } catch (IOException | RuleLoadException e) {
      System.err.println("EngineScan: " + e.getMessage());
      System.exit(JdkRegexScan.EXIT_IO);
    }
  }

  /**
   * What {@link #main} prints for these arguments: the counts, then the passes' time when {@code passes > 1}, and the
   * pairs with {@code baseline} when it is not empty.
   */
  static String report(Path file, Set<Category> categories, ScanSettings.PrefilterMode prefilter, int passes,
      double warmUpSeconds, List<String> baseline) throws IOException, RuleLoadException {
    Scanner scanner = Scanner.build(RulePackLoader.loadDefault(),
        ScanSettings.DEFAULTS.withPrefilter(prefilter).withCategories(categories));
    CountingSink sink = new CountingSink();
    long bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = scan(in, scanner, sink);
    }
    int warmUps = passes > 1 && warmUpSeconds > 0 ? warmUp(file, scanner, warmUpSeconds) : 0;
    long fastest = Long.MAX_VALUE;
    StringBuilder pairs = new StringBuilder();
    for (int pass = 2; pass <= passes; pass++) {
      long engine = timePass(file, scanner);
      fastest = Math.min(fastest, engine);
      if (!baseline.isEmpty()) {
        pairs.append(String.format(Locale.ROOT, "pair\t%.6f\t%.6f%n", engine / 1e9, timeProcess(baseline) / 1e9));
      }
    }
    StringBuilder out = new StringBuilder();
    for (Category c : Category.values()) {
      if (sink.count(c) > 0) {
        out.append(c.id()).append('\t').append(sink.count(c)).append('\n');
      }
    }
    out.append("total\t").append(sink.total()).append("\nbytes\t").append(bytes).append('\n');
    if (passes > 1) {
      out.append("passes\t").append(passes).append("\nwarmup_passes\t").append(warmUps).append('\n')
          .append(String.format(Locale.ROOT, "pass_seconds\t%.6f%n", fastest / 1e9)).append(pairs);
    }
    return out.toString();
  }

  /**
   * Scans {@code file} untimed for {@code minSeconds}, then until a pass runs while the JIT compilers work for less
   * than 1% of its wall time, for at most {@link #QUIET_WAIT_LIMIT_SECONDS} more; returns the number of passes. Where
   * the JVM does not report its compilation time, for the minimum only.
   */
  private static int warmUp(Path file, Scanner scanner, double minSeconds) throws IOException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean timesJit = jit != null && jit.isCompilationTimeMonitoringSupported();
    long minimum = System.nanoTime() + (long) (minSeconds * 1e9);
    long limit = minimum + QUIET_WAIT_LIMIT_SECONDS * 1_000_000_000L;
    int n = 0;
    boolean quiet = false;
    while (System.nanoTime() < limit && !(quiet && System.nanoTime() >= minimum)) {
      long compilingMillis = timesJit ? jit.getTotalCompilationTime() : 0;
      long passNanos = timePass(file, scanner);
      compilingMillis = timesJit ? jit.getTotalCompilationTime() - compilingMillis : 0;
      quiet = compilingMillis * 100 * 1_000_000 < passNanos;
      n++;
    }
    return n;
  }

  /** The wall time in nanoseconds of one pass over {@code file}, its matches counted and dropped. */
  private static long timePass(Path file, Scanner scanner) throws IOException {
    long t0 = System.nanoTime();
    try (InputStream in = Files.newInputStream(file)) {
      scan(in, scanner, new CountingSink());
    }
    return System.nanoTime() - t0;
  }

  /** The wall time in nanoseconds of {@code command} run to its end, its output discarded. */
  private static long timeProcess(List<String> command) throws IOException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    int status;
    try {
      status = p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the baseline " + command.get(0) + " ran", e);
    }
    long elapsed = System.nanoTime() - t0;
    if (status > 1) {
      throw new IOException("the baseline " + String.join(" ", command) + " exited with status " + status);
    }
    return elapsed;
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
