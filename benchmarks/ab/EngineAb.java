import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToLongFunction;

/**
 * In-process A/B of two builds of the engine: {@code EngineAb FILE CATEGORIES|all ROUNDS SLICE_MIB CP_A CP_B}; with
 * one class path, that build alone (what {@code ab.sh --processes} runs, one process per side).
 * Each build is loaded by its own class loader; the two scan the same slices of the corpus in alternating
 * order, round after round, on one thread, so both see the same machine load. The first third of the rounds
 * is warm-up. Prints each side's CPU MB/s and the ratio B/A: on a shared machine this ratio is far steadier
 * than comparing two processes.
 */
public final class EngineAb {
  private EngineAb() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5 && args.length != 6) {
      System.err.println("usage: EngineAb FILE CATEGORIES|all ROUNDS SLICE_MIB CLASSPATH_A [CLASSPATH_B]");
      System.exit(2);
    }
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    String categories = args[1].equals("all") ? "" : args[1];
    int rounds = Integer.parseInt(args[2]);
    int slice = Integer.parseInt(args[3]) << 20;
    @SuppressWarnings("unchecked")
    int n = args.length - 4;
    ToLongFunction<int[]>[] sides = new ToLongFunction[n];
    for (int v = 0; v < n; v++) {
      String[] parts = args[4 + v].split(":");
      URL[] urls = new URL[parts.length];
      for (int i = 0; i < parts.length; i++) {
        urls[i] = Path.of(parts[i]).toUri().toURL();
      }
      ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
      @SuppressWarnings("unchecked")
      ToLongFunction<int[]> side = (ToLongFunction<int[]>) loader.loadClass("EngineAbWorker")
          .getConstructor(byte[].class, String.class).newInstance(bytes, categories);
      sides[v] = side;
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[2];
    long[] scanned = new long[2];
    long[] matches = new long[2];
    // per measured round, each side's CPU time: the ratio of a round's two times is taken within a second, so a
    // host whose speed shifts for seconds at a time moves both of its sides alike
    double[] roundRatio = new double[rounds];
    int measured = 0;
    long[] roundCpu = new long[2];
    int pos = 0;
    for (int r = 0; r < rounds; r++) {
      int from = pos;
      int to = Math.min(bytes.length, from + slice);
      pos = to >= bytes.length ? 0 : to;
      for (int k = 0; k < n; k++) {
        int v = (r + k) % n;
        long c0 = mx.getCurrentThreadCpuTime();
        long m = sides[v].applyAsLong(new int[] {from, to});
        long c = mx.getCurrentThreadCpuTime() - c0;
        if (r >= rounds / 3) {
          cpu[v] += c;
          scanned[v] += to - from;
        }
        roundCpu[v] = c;
        matches[v] = m;
      }
      if (n == 2 && r >= rounds / 3) {
        roundRatio[measured++] = (double) roundCpu[0] / roundCpu[1];
      }
    }
    for (int v = 0; v < n; v++) {
      System.out.printf("%s: %.1f MB/s CPU over the last %d rounds, %d matches in all%n", v == 0 ? "A" : "B",
          scanned[v] / (cpu[v] / 1e9) / 1e6, rounds - rounds / 3, matches[v]);
    }
    if (n == 2) {
      double[] sorted = java.util.Arrays.copyOf(roundRatio, measured);
      java.util.Arrays.sort(sorted);
      System.out.printf("B/A per round: median %.3f, quartiles %.3f-%.3f over %d rounds%n", sorted[measured / 2],
          sorted[measured / 4], sorted[measured * 3 / 4], measured);
      System.out.printf("B/A = %.3f%n", (double) cpu[0] / scanned[0] * scanned[1] / cpu[1]);
    }
  }
}
