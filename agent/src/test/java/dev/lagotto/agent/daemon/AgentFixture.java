package dev.lagotto.agent.daemon;

import dev.lagotto.agent.support.DurableFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Helpers of the agent tests: config files, log writing, enrolment and polling with deadlines. */
final class AgentFixture {
  private AgentFixture() {}

  /** Writes an {@code agent.yaml} in {@code dir} and returns its path; {@code extra} is appended verbatim. */
  static Path config(Path dir, TestServer server, String host, List<String> tail, String extra) throws IOException {
    Path state = dir.resolve("state-" + host);
    enroll(state, server);
    StringBuilder y = new StringBuilder();
    y.append("server:\n  url: ").append(server.url()).append('\n')
        .append("  token_file: ").append(dir.resolve("token-" + host)).append('\n')
        .append("  retry_max_delay: 300ms\n  drain_timeout: 3s\n")
        .append("host: ").append(host).append('\n')
        .append("state_dir: ").append(state).append('\n')
        .append("poll_interval: 20ms\n")
        .append("spool:\n  flush_interval: 50ms\n  batch_max_records: 100\n");
    if (!tail.isEmpty()) {
      y.append("tail:\n");
      tail.forEach(t -> y.append("  - ").append(t).append('\n'));
    }
    y.append(extra);
    Files.writeString(dir.resolve("token-" + host), server.agentToken + "\n");
    Path file = dir.resolve("agent-" + host + ".yaml");
    Files.writeString(file, y.toString());
    return file;
  }

  /** Puts the server's site key where {@code lagotto agent enroll} would. */
  static void enroll(Path stateDir, TestServer server) throws IOException {
    DurableFiles.createPrivateDirectory(stateDir);
    DurableFiles.writeAtomically(stateDir.resolve(AgentConfigLoader.KEY_FILE), server.siteKey);
  }

  static Agent start(Path config, PrintStream log) throws Exception {
    AgentConfig c = AgentConfigLoader.load(config, "unused");
    return Agent.start(c, new AgentLog(log, Clock.systemUTC()), Clock.systemUTC());
  }

  /** A log sink kept in memory, to check what the agent logged. */
  static final class Log {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(new OutputStream() {
      @Override
      public synchronized void write(int b) {
        bytes.write(b);
      }

      @Override
      public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        System.err.write(b, off, len);
      }
    }, true, StandardCharsets.UTF_8);

    String text() {
      synchronized (stream) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }

  /** Appends lines to {@code file} (creating it), as a logger with O_APPEND does. */
  static void append(Path file, List<String> lines) throws IOException {
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(l).append('\n'));
    Files.writeString(file, b.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  /** {@code n} log lines starting at sequence {@code from}, each with the e-mail of user {@code seq % users}. */
  static List<String> lines(String tag, int from, int n, int users) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      out.add("2026-06-01T12:00:00Z INFO " + tag + " request seq=" + i + " user=user" + (i % users) + "@example.com done");
    }
    return out;
  }

  /** Polls {@code condition} every 25 ms until it holds or {@code seconds} pass; then fails with {@code what}. */
  static void await(String what, double seconds, ThrowingCondition condition) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (true) {
      if (condition.holds()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
      }
      Thread.sleep(25);
    }
  }

  /** A condition that may throw. */
  @FunctionalInterface
  interface ThrowingCondition {
    boolean holds() throws Exception;
  }
}
