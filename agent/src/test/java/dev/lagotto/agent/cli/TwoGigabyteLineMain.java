package dev.lagotto.agent.cli;

import dev.lagotto.core.extract.SourceOpener;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Forked by {@link TwoGigabyteLineTest} in a JVM with a small heap: runs {@code lagotto scan -} on a
 * generated single line. Arguments: rules directory, home directory, length, then offset=marker pairs.
 */
public final class TwoGigabyteLineMain {
  private TwoGigabyteLineMain() {}

  public static void main(String[] args) {
    Map<Long, String> markers = new java.util.TreeMap<>();
    for (int i = 3; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      markers.put(Long.parseLong(kv[0]), kv[1]);
    }
    SyntheticLine line = new SyntheticLine(Long.parseLong(args[2]), markers);
    CliEnvironment env = new CliEnvironment(Map.of("LAGOTTO_KEY", CliHarness.KEY_HEX), Path.of(args[1]), line,
        false, false, CliHarness.HOST, SourceOpener.FILES, 1);
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = Main.run(env, out, err, "scan", "--format", "jsonl", "--rules", args[0], "--rules-mode", "replace", "-");
    out.flush();
    System.exit(code);
  }
}
