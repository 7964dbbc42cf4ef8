import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * One side of {@code ab.sh}: the default pack's scanner of one build, loaded by that build's own class loader.
 * {@link #applyAsLong} scans {@code [range[0], range[1])} of the shared corpus in 1 MiB chunks and returns the
 * matches so far. Compiled by {@code ab.sh} against each build; not part of the Maven build. Not thread-safe.
 */
public class EngineAbWorker implements ToLongFunction<int[]> {
  private static final int CHUNK = 1 << 20;
  private final byte[] bytes;
  private final Scanner scanner;
  private long matches;

  public EngineAbWorker(byte[] bytes, String categories) throws Exception {
    this.bytes = bytes;
    ScanSettings settings = ScanSettings.DEFAULTS;
    if (!categories.isEmpty()) {
      Set<Category> set = EnumSet.noneOf(Category.class);
      for (String c : categories.split(",")) {
        set.add(Category.fromId(c).orElseThrow(() -> new IllegalArgumentException("unknown category " + c)));
      }
      settings = settings.withCategories(set);
    }
    scanner = Scanner.build(RulePackLoader.loadDefault(), settings);
  }

  @Override
  public long applyAsLong(int[] range) {
    for (int from = range[0]; from < range[1]; from += CHUNK) {
      int to = Math.min(range[1], from + CHUNK);
      Chunk c = new Chunk(bytes, Math.max(0, from - Scanner.CHUNK_OVERLAP), from, to,
          Math.min(bytes.length, to + Scanner.CHUNK_OVERLAP));
      scanner.scan(c, (rule, s, e, conf) -> matches++);
    }
    return matches;
  }
}
