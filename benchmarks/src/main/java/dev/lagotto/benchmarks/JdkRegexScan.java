package dev.lagotto.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code java.util.regex} baseline as a whole process, for {@code compare.sh}: reads a file (or its first
 * {@code --limit-mib} MiB), runs the {@code rules.tsv} rules over it with {@link JdkRegexEngine} (one
 * alternation line by line, or {@code --per-rule}) and prints {@code name<TAB>count} per rule, then
 * {@code total} and {@code bytes}. Holds the scanned part of the file in memory.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.lagotto.benchmarks.JdkRegexScan [--rules TSV]
 * [--limit-mib N] [--per-rule] FILE}
 */
public final class JdkRegexScan {
  static final int EXIT_USAGE = 2;
  static final int EXIT_IO = 1;

  private JdkRegexScan() {}

  public static void main(String[] args) {
    Path rules = null;
    long limit = Long.MAX_VALUE;
    JdkRegexEngine.Mode mode = JdkRegexEngine.Mode.ALTERNATION;
    Path file = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--rules" -> rules = Path.of(args[++i]);
          case "--limit-mib" -> limit = Long.parseLong(args[++i]) << 20;
          case "--per-rule" -> mode = JdkRegexEngine.Mode.PER_RULE;
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
      System.err.println("JdkRegexScan: " + e.getMessage()
          + "\nusage: JdkRegexScan [--rules TSV] [--limit-mib N] [--per-rule] FILE");
      System.exit(EXIT_USAGE);
      return;
    }
    try {
      List<ReferenceRule> ruleList = rules == null ? ReferenceRules.load() : ReferenceRules.load(rules);
      byte[] bytes = readPrefix(file, limit);
      JdkRegexEngine engine = new JdkRegexEngine(ruleList, mode);
      long[] counts = new long[engine.ruleCount()];
      long total = engine.count(JdkRegexEngine.text(bytes, 0, bytes.length), counts);
      StringBuilder out = new StringBuilder();
      for (ReferenceRule r : ruleList) {
        out.append(r.name()).append('\t').append(counts[r.index()]).append('\n');
      }
      out.append("total\t").append(total).append("\nbytes\t").append(bytes.length).append('\n');
      System.out.print(out);
    } catch (IOException | IllegalStateException e) {
      System.err.println("JdkRegexScan: " + e.getMessage());
      System.exit(EXIT_IO);
    }
  }

  private static byte[] readPrefix(Path file, long limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }
  }
}
