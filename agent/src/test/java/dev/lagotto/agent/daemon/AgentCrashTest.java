package dev.lagotto.agent.daemon;

import static dev.lagotto.agent.daemon.AgentFixture.append;
import static dev.lagotto.agent.daemon.AgentFixture.await;
import static dev.lagotto.agent.daemon.AgentFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent as a child JVM, killed with SIGKILL while it reads, spools and sends, then restarted. */
class AgentCrashTest {
  private static final int LINES = 1500;
  private static final int FIRST = 300;
  private static final int STEP = 30;

  @TempDir
  Path dir;

  @Test
  void killNineMidBatchThenRestartLosesNothingAndDuplicatesNothing() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path log = Files.createDirectories(dir.resolve("logs")).resolve("app.log");
      append(log, lines("crash", 0, FIRST, LINES));
      Path config = AgentFixture.config(dir, server, "crashy", List.of(log.toString()),
          "limits:\n  read_rate: 64K\n  nice: true\n");
      long t0 = System.nanoTime();
      Process first = start(config, dir.resolve("agent-1.log"));
      Thread writer = new Thread(() -> {
        try {
          for (int from = FIRST; from < LINES; from += STEP) {
            append(log, lines("crash", from, STEP, LINES));
            Thread.sleep(40);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long seed = System.nanoTime();
      System.out.println("crash test seed " + seed);
      try {
        await("some batches delivered", 60, () -> server.totalCount("host:crashy") >= 100);
        writer.start();
        Thread.sleep(200 + new java.util.Random(seed).nextInt(800));
        assertThat(writer.isAlive()).as("killed while the log is being written").isTrue();
      } finally {
        first.destroyForcibly();
        first.waitFor(30, TimeUnit.SECONDS);
      }
      long atKill = server.totalCount("host:crashy");
      System.out.println("killed after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      Process second = start(config, dir.resolve("agent-2.log"));
      try {
        writer.join();
        await("every line delivered after the restart", 60, () -> server.totalCount("host:crashy") >= LINES);
      } finally {
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      System.out.println("all delivered after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      Map<String, Long> counts = server.counts("host:crashy");
      assertThat(counts).hasSize(LINES);
      assertThat(counts.values()).allMatch(c -> c == 1L);
      System.out.println("first agent:\n" + Files.readString(dir.resolve("agent-1.log")));
      String secondLog = Files.readString(dir.resolve("agent-2.log"));
      System.out.println("second agent:\n" + secondLog);
      assertThat(secondLog).contains("resuming " + log);
      System.out.println("crash test: " + atKill + " of " + LINES + " delivered at the kill");
    }
  }

  private static Process start(Path config, Path output) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        AgentMain.class.getName(), "--config", config.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

}
