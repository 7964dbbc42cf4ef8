package dev.lagotto.agent.daemon;

import static dev.lagotto.agent.daemon.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's CPU and memory while tailing a log written at {@value #BYTES_PER_SECOND} bytes/s for
 * 30 s ({@code -Dlagotto.perf.seconds=N}; one line in {@value #EMAIL_EVERY} holds an e-mail address). The agent runs as a child
 * JVM with the heap and GC of the systemd unit; CPU comes from {@code /proc/PID/stat}, RSS from
 * {@code /proc/PID/status}; {@code -Dlagotto.perf.jfr=FILE} records a flight recording of the agent. Opt-in: {@code mvn -B -q -pl agent -am test -Dlagotto.perf=true
 * -Dtest=AgentTailPerfTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "lagotto.perf", matches = "true")
class AgentTailPerfTest {
  static final int BYTES_PER_SECOND = 10 << 20;
  static final int SECONDS = Integer.getInteger("lagotto.perf.seconds", 30);
  static final int EMAIL_EVERY = 20;
  static final int TICKS_PER_SECOND = 100;
  static final int WRITES_PER_SECOND = 10;

  @TempDir
  Path dir;

  @Test
  void tailingTenMegabytesPerSecond() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path log = Files.createDirectories(dir.resolve("logs")).resolve("busy.log");
      Files.createFile(log);
      Path config = AgentFixture.config(dir, server, "perf", List.of(log.toString()),
          "limits:\n  nice: true\n");
      Files.writeString(config, Files.readString(config).replace("poll_interval: 20ms", "poll_interval: 250ms")
          .replace("flush_interval: 50ms", "flush_interval: 1s").replace("batch_max_records: 100", "batch_max_records: 1000"));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
      String jfr = System.getProperty("lagotto.perf.jfr");
      if (jfr != null) {
        command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
      }
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentMain.class.getName(), "--config", config.toString()));
      Process agent = new ProcessBuilder(command)
          .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
      try {
        await("agent running", 60, () -> Files.readString(dir.resolve("agent.log")).contains("running as host"));
        long pid = agent.pid();
        long cpu0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        long maxRss = 0;
        long lines = 0;
        long emails = 0;
        int perWrite = BYTES_PER_SECOND / WRITES_PER_SECOND;
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
          for (int w = 0; w < SECONDS * WRITES_PER_SECOND; w++) {
            StringBuilder b = new StringBuilder(perWrite + 200);
            while (b.length() < perWrite) {
              if (lines % EMAIL_EVERY == 0) {
                b.append("2026-06-01T12:00:00.000Z INFO  [http-nio-8080-exec-7] c.e.shop.Checkout - order placed by user")
                    .append(lines % 1000).append("@example.com total=42.17 items=3\n");
                emails++;
              } else {
                b.append("2026-06-01T12:00:00.000Z DEBUG [http-nio-8080-exec-3] c.e.shop.Cart - cart updated id=")
                    .append(lines).append(" sku=AB-1234-XY qty=2 price=19.99 session=s").append(lines % 97).append('\n');
              }
              lines++;
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            long due = t0 + (w + 1) * (1_000_000_000L / WRITES_PER_SECOND);
            maxRss = Math.max(maxRss, rssKb(pid));
            long wait = due - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
          }
        }
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        long cpuWriting = cpuTicks(pid) - cpu0;
        long want = emails;
        long caughtUp = System.nanoTime();
        await("agent caught up", 300, () -> server.totalCount("host:perf") >= want);
        double lagSeconds = (System.nanoTime() - caughtUp) / 1e9;
        long cpuTotal = cpuTicks(pid) - cpu0;
        double totalSeconds = (System.nanoTime() - t0) / 1e9;
        maxRss = Math.max(maxRss, rssKb(pid));
        long mb = (long) SECONDS * BYTES_PER_SECOND >> 20;
        System.out.printf("perf: wrote %d MB (%d lines, %d e-mails) in %.1f s; agent CPU while writing %.1f%% of one core, "
                + "until caught up %.1f%% over %.1f s (lag after the writer stopped %.1f s); %.1f CPU s in all = %.0f CPU ms "
                + "per MB; peak RSS %d MB; load average %s%n",
            mb, lines, emails, writeSeconds,
            100.0 * cpuWriting / TICKS_PER_SECOND / writeSeconds, 100.0 * cpuTotal / TICKS_PER_SECOND / totalSeconds,
            totalSeconds, lagSeconds, (double) cpuTotal / TICKS_PER_SECOND, 1000.0 * cpuTotal / TICKS_PER_SECOND / mb,
            maxRss >> 10, Files.readString(Path.of("/proc/loadavg")).strip());
        assertThat(server.totalCount("host:perf")).isEqualTo(emails);
      } finally {
        agent.destroy();
        agent.waitFor(60, TimeUnit.SECONDS);
      }
    }
  }

  /** utime + stime of a process, in clock ticks. */
  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long rssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
