package dev.lagotto.agent.daemon;

import static dev.lagotto.agent.daemon.AgentFixture.append;
import static dev.lagotto.agent.daemon.AgentFixture.await;
import static dev.lagotto.agent.daemon.AgentFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery guarantees: server outages and restarts mid-ingest lose nothing and apply nothing twice. */
class AgentDeliveryTest {
  @TempDir
  Path dir;

  @Test
  void serverDownThenBackAndRestartedMidIngestGivesExactCounts() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path log = Files.createDirectories(dir.resolve("logs")).resolve("app.log");
      Path config = AgentFixture.config(dir, server, "spooler", List.of(log.toString()), "");
      server.stop();
      AgentFixture.Log agentLog = new AgentFixture.Log();
      try (Agent agent = AgentFixture.start(config, agentLog.stream)) {
        int users = 300;
        append(log, lines("down", 0, 600, users));
        await("spooled while the server is down", 20,
            () -> agent.status().spooledRecords() >= users && agent.status().failedAttempts() >= 2);
        assertThat(agent.status().sentBatches()).isZero();
        assertThat(agent.status().spoolBytes()).isPositive();
        server.restart();
        await("600 occurrences delivered", 30, () -> server.totalCount("host:spooler") >= 600);

        // server stopped and restarted twice while lines keep coming
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger(600);
        Thread writer = new Thread(() -> {
          try {
            while (writing.get()) {
              int from = written.get();
              append(log, lines("busy", from, 20, users));
              written.addAndGet(20);
              Thread.sleep(50);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        writer.start();
        for (int i = 0; i < 2; i++) {
          long before = agent.status().sentBatches();
          await("batches flowing", 20, () -> agent.status().sentBatches() > before + 1);
          server.stop();
          Thread.sleep(150);
          server.restart();
        }
        writing.set(false);
        writer.join();
        int total = written.get();
        await(total + " occurrences delivered", 40, () -> server.totalCount("host:spooler") >= total);
        await("spool drained", 20, agent::delivered);
        Map<String, Long> counts = server.counts("host:spooler");
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(counts).hasSize(users);
        assertThat(agent.status().droppedRecords()).isZero();
      }
      assertThat(agentLog.text()).contains("cannot deliver batch", "reachable again");
    }
  }

  @Test
  void fullSpoolDropsLoudlyAndCounts() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path log = Files.createDirectories(dir.resolve("logs")).resolve("app.log");
      Path config = AgentFixture.config(dir, server, "tiny", List.of(log.toString()), "");
      Files.writeString(config, Files.readString(config).replace("spool:\n", "spool:\n  max_bytes: 64K\n"));
      server.stop();
      AgentFixture.Log agentLog = new AgentFixture.Log();
      try (Agent agent = AgentFixture.start(config, agentLog.stream)) {
        append(log, lines("flood", 0, 3000, 3000));
        await("every record flushed to the spool or dropped", 30, () -> agent.status().spooledRecords() == 3000);
        assertThat(agent.status().linesRead()).isEqualTo(3000);
        assertThat(agent.status().droppedRecords()).isPositive();
        assertThat(agent.status().spoolBytes()).isLessThanOrEqualTo(64 << 10);
        long dropped = agent.status().droppedRecords();
        server.restart();
        await("spool drained", 30, agent::delivered);
        assertThat(server.totalCount("host:tiny")).isEqualTo(3000 - dropped);
        assertThat(agent.status().droppedRecords()).isEqualTo(dropped);
      }
      assertThat(agentLog.text()).contains("ERROR lagotto agent: spool full").contains("dropped");
    }
  }
}
