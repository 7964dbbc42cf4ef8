package dev.lagotto.agent.daemon;

import static dev.lagotto.agent.daemon.AgentFixture.append;
import static dev.lagotto.agent.daemon.AgentFixture.await;
import static dev.lagotto.agent.daemon.AgentFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real agent (in-process) against a real server: tailing with every kind of rotation, tree scans, subject lookup. */
class AgentEndToEndTest {
  private static final int USERS = 7;

  @TempDir
  Path dir;

  @Test
  void tailsAGrowingLogThroughRenameCopytruncateAndCompressionWithExactCounts() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path logs = Files.createDirectories(dir.resolve("logs"));
      Path log = logs.resolve("app.log");
      Map<Integer, Long> expected = new HashMap<>();
      AgentFixture.Log agentLog = new AgentFixture.Log();
      try (Agent agent = AgentFixture.start(AgentFixture.config(dir, server, "web-1", List.of(logs + "/*.log"), ""), agentLog.stream)) {
        int seq = 0;
        for (int round = 0; round < 5; round++) {
          append(log, count(expected, lines("grow", seq, 40, USERS)));
          seq += 40;
          Thread.sleep(30);
        }
        awaitTotal(server, "web-1", expected);

        // rename + create; the writer still appends to the renamed file; then the rotated file is compressed
        Path rotated = logs.resolve("app.log.1");
        Files.move(log, rotated);
        append(rotated, count(expected, lines("late", seq, 20, USERS)));
        seq += 20;
        append(log, count(expected, lines("new", seq, 50, USERS)));
        seq += 50;
        Thread.sleep(60);
        gzipAndDelete(rotated);
        append(log, count(expected, lines("new", seq, 30, USERS)));
        seq += 30;
        awaitTotal(server, "web-1", expected);

        // copytruncate without waiting for the agent, then the copy is compressed
        append(log, count(expected, lines("before-copy", seq, 45, USERS)));
        seq += 45;
        Path copy = logs.resolve("app.log.2");
        Files.copy(log, copy, StandardCopyOption.COPY_ATTRIBUTES);
        try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
          ch.truncate(0);
        }
        gzipAndDelete(copy);
        append(log, count(expected, lines("after-truncate", seq, 25, USERS)));
        seq += 25;
        awaitTotal(server, "web-1", expected);
        assertThat(agent.status().linesRead()).isEqualTo(seq);
        assertThat(agent.status().rejectedBatches()).isZero();
      }
      assertThat(agentLog.text()).contains("rotated:", "truncated:").doesNotContain("@example.com");
      // every value is one exposure of app.log with the exact count, nothing doubled
      Map<String, Long> byKey = server.counts("host:web-1");
      assertThat(byKey).hasSize(USERS);
      for (int u = 0; u < USERS; u++) {
        String fp = server.fingerprint(Category.EMAIL, "user" + u + "@example.com");
        assertThat(byKey).containsEntry("web-1 " + log.toUri() + " " + fp, expected.get(u));
      }
    }
  }

  @Test
  void scansATreeIncrementallyAndFindsOneSubjectOnTwoHosts() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path tree = Files.createDirectories(dir.resolve("tree"));
      Files.createDirectories(tree.resolve("sub"));
      Files.createDirectories(tree.resolve("cache"));
      Files.writeString(tree.resolve("customers.csv"), "name,email\nAlice,alice@example.com\nBob,bob@example.org\nAlice,alice@example.com\n");
      Files.writeString(tree.resolve("sub/notes.txt"), "contact carol@example.com\n");
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tree.resolve("sub/old.log.gz")))) {
        out.write("mail from dave@example.org\nmail from dave@example.org\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      Files.writeString(tree.resolve("cache/skip.txt"), "erin@example.com\n");
      Path log2 = Files.createDirectories(dir.resolve("logs2")).resolve("api.log");
      append(log2, List.of("login alice@example.com", "login Alice@Example.com", "logout alice@example.com"));
      String scan = "scan:\n  - path: " + tree + "\n    interval: 300ms\n    exclude: ['cache']\n";
      AgentFixture.Log log = new AgentFixture.Log();
      try (Agent web1 = AgentFixture.start(AgentFixture.config(dir, server, "web-1", List.of(), scan), log.stream);
           Agent web2 = AgentFixture.start(AgentFixture.config(dir, server, "web-2", List.of(log2.toString()), ""), log.stream)) {
        String alice = server.fingerprint(Category.EMAIL, "alice@example.com");
        await("tree exposures", 20, () -> server.totalCount("host:web-1") >= 6 && server.totalCount("host:web-2") >= 3);
        assertThat(server.totalCount("host:web-1")).isEqualTo(6);
        assertThat(server.totalCount("host:web-2")).isEqualTo(3);
        Map<String, Long> counts = server.counts("host:web-1");
        assertThat(counts).containsEntry("web-1 " + tree.resolve("customers.csv").toUri() + " " + alice, 2L)
            .containsEntry("web-1 " + tree.resolve("sub/old.log.gz").toUri() + " " + server.fingerprint(Category.EMAIL, "dave@example.org"), 2L)
            .hasSize(4);

        // a changed file sends only the increase; an unchanged one is not re-read; a deleted one is forgotten
        // and its exposure closed (left out of searches unless asked for with state:closed)
        long passes = web1.status().treePasses();
        append(tree.resolve("customers.csv"), List.of("Alice,alice@example.com"));
        Files.delete(tree.resolve("sub/notes.txt"));
        String carol = "web-1 " + tree.resolve("sub/notes.txt").toUri() + " " + server.fingerprint(Category.EMAIL, "carol@example.com");
        await("rescan", 20, () -> web1.status().treePasses() >= passes + 2 && server.totalCount("host:web-1") == 6
            && server.counts("host:web-1 AND state:closed").containsKey(carol));
        assertThat(server.counts("host:web-1")).containsEntry("web-1 " + tree.resolve("customers.csv").toUri() + " " + alice, 3L)
            .doesNotContainKey(carol).hasSize(3);
        assertThat(server.counts("host:web-1 AND state:closed")).containsOnlyKeys(carol);
        assertThat(server.totalCount("host:web-1 AND state:*")).isEqualTo(7);
        Path stateFile = web1.config().stateDir().resolve(AgentStore.FILE_NAME);
        await("deletion recorded and delivered", 10, () -> Files.exists(stateFile)
            && !Files.readString(stateFile).contains("notes.txt") && Files.readString(stateFile).contains("customers.csv")
            && web1.delivered());
        assertThat(log.text()).contains("1 deleted");

        // the data-subject lookup finds alice on both hosts
        assertThat(web1.status().rejectedBatches()).as("the deleted record is accepted by the server").isZero();
        JsonNode subject = server.analyst().subject("Alice@Example.com", null);
        assertThat(subject.path("hosts").path("web-1").asLong()).isEqualTo(3);
        assertThat(subject.path("hosts").path("web-2").asLong()).isEqualTo(3);
      }
      assertThat(log.text()).contains("scanned " + tree).doesNotContain("alice@", "dave@");
    }
  }

  @Test
  void unchangedFilesKeepTheirExposuresThroughRetentionAndRemovedValuesAreClosed() throws Exception {
    Duration retention = Duration.ofMillis(2500);
    try (TestServer server = new TestServer(dir.resolve("server"), retention)) {
      Path tree = Files.createDirectories(dir.resolve("tree"));
      Path kept = tree.resolve("kept.txt");
      Path edited = tree.resolve("edited.txt");
      Path gone = tree.resolve("gone.txt");
      Files.writeString(kept, "owner frank@example.com\n");
      Files.writeString(edited, "owner grace@example.com\nbackup heidi@example.org\n");
      Files.writeString(gone, "owner ivan@example.com\n");
      String scan = "scan:\n  - path: " + tree + "\n    interval: 200ms\n";
      AgentFixture.Log log = new AgentFixture.Log();
      try (Agent agent = AgentFixture.start(AgentFixture.config(dir, server, "files-1", List.of(), scan), log.stream)) {
        await("first pass", 20, () -> server.totalCount("host:files-1") == 4);
        // kept.txt is never re-read; its exposure's last_seen must still move with every pass
        Instant firstSeen = lastSeen(server, kept);
        long passes = agent.status().treePasses();
        await("passes past the retention", 20, () -> agent.status().treePasses() >= passes + 3
            && lastSeen(server, kept).isAfter(firstSeen.plus(retention)));
        // edited.txt loses heidi (closed) and keeps grace (open, last_seen moves); gone.txt disappears (closed)
        Files.writeString(edited, "owner grace@example.com\n");
        Files.delete(gone);
        String heidi = key(server, edited, "heidi@example.org");
        String ivan = key(server, gone, "ivan@example.com");
        await("closed exposures", 20, () -> server.counts("host:files-1 AND state:closed").keySet().equals(Set.of(heidi, ivan)));
        // heidi and ivan were last seen (present lines) before this point; let the retention pass for them while
        // the passes keep confirming frank and grace
        Thread.sleep(retention.toMillis() + 200);
        long last = agent.status().treePasses();
        await("two more passes delivered", 20, () -> agent.status().treePasses() >= last + 2 && agent.delivered());
        assertThat(server.counts("host:files-1")).containsOnlyKeys(key(server, kept, "frank@example.com"),
            key(server, edited, "grace@example.com"));
        // the closed ones were last seen longer ago than the retention: only they go
        assertThat(server.purgeNow()).as("closed exposures purged, nothing live").isEqualTo(2);
        assertThat(server.counts("host:files-1 AND state:*")).containsOnlyKeys(key(server, kept, "frank@example.com"),
            key(server, edited, "grace@example.com"));
        assertThat(agent.status().rejectedBatches()).isZero();
      }
      // stopped agent: nothing confirms the files any more, so retention purges them once it has passed
      Thread.sleep(retention.toMillis() + 100);
      assertThat(server.purgeNow()).isEqualTo(2);
      assertThat(log.text()).doesNotContain("frank@", "grace@", "heidi@", "ivan@");
    }
  }

  @Test
  void sameSizeRewritesWithARestoredMtimeAreFoundByContentHash() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path verified = Files.createDirectories(dir.resolve("restored"));
      Path racy = Files.createDirectories(dir.resolve("racy"));
      Path old = verified.resolve("old.txt");
      Path fresh = racy.resolve("fresh.txt");
      Files.writeString(old, "owner judy1@example.com\n");
      java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600));
      Files.setLastModifiedTime(old, hourAgo);
      Files.writeString(fresh, "owner mike1@example.com\n");
      java.nio.file.attribute.FileTime freshTime = Files.getLastModifiedTime(fresh);
      // old.txt: mtime an hour before the scan, so only verify_content hashes it; fresh.txt: written just
      // before the scan (racy), so its hash is kept without the option
      String scan = "scan:\n  - path: " + verified + "\n    interval: 200ms\n    verify_content: true\n"
          + "  - path: " + racy + "\n    interval: 200ms\n";
      try (Agent agent = AgentFixture.start(AgentFixture.config(dir, server, "files-1", List.of(), scan),
          new AgentFixture.Log().stream)) {
        await("first pass", 20, () -> server.totalCount("host:files-1") == 2);
        Files.writeString(old, "owner judy2@example.com\n");
        Files.setLastModifiedTime(old, hourAgo);
        Files.writeString(fresh, "owner mike2@example.com\n");
        Files.setLastModifiedTime(fresh, freshTime);
        String judy1 = key(server, old, "judy1@example.com");
        String mike1 = key(server, fresh, "mike1@example.com");
        await("rewrites noticed", 20, () -> server.counts("host:files-1").keySet()
            .equals(Set.of(key(server, old, "judy2@example.com"), key(server, fresh, "mike2@example.com")))
            && server.counts("host:files-1 AND state:closed").keySet().equals(Set.of(judy1, mike1)));
        assertThat(agent.status().rejectedBatches()).isZero();
      }
    }
  }

  private static String key(TestServer server, Path file, String email) {
    return "files-1 " + file.toUri() + " " + server.fingerprint(Category.EMAIL, email);
  }

  private static Instant lastSeen(TestServer server, Path file) throws Exception {
    JsonNode hits = server.analyst().search("uri:\"" + file.toUri() + "\"", 0, 10, null).path("hits");
    assertThat(hits).hasSize(1);
    return Instant.parse(hits.get(0).path("last_seen").asText());
  }

  @Test
  void logsRotatedWhileTheAgentIsStoppedAreFinishedFromTheRenamedOrCompressedFile() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path logs = Files.createDirectories(dir.resolve("logs"));
      Path log = logs.resolve("app.log");
      Path config = AgentFixture.config(dir, server, "restarted", List.of(log.toString()), "");
      Map<Integer, Long> expected = new HashMap<>();
      AgentFixture.Log agentLog = new AgentFixture.Log();
      int seq = 0;
      append(log, count(expected, lines("first", seq, 50, USERS)));
      seq += 50;
      try (Agent agent = AgentFixture.start(config, agentLog.stream)) {
        awaitTotal(server, "restarted", expected);
      }
      // while stopped: more lines, then rename + create (the rest is read from app.log.1 by inode)
      append(log, count(expected, lines("unread", seq, 30, USERS)));
      seq += 30;
      Files.move(log, logs.resolve("app.log.1"));
      append(log, count(expected, lines("second", seq, 40, USERS)));
      seq += 40;
      try (Agent agent = AgentFixture.start(config, agentLog.stream)) {
        awaitTotal(server, "restarted", expected);
      }
      // while stopped: more lines, rename, compress and delete the rotated file (read from the .gz by its first bytes)
      append(log, count(expected, lines("unread-again", seq, 35, USERS)));
      seq += 35;
      Files.delete(logs.resolve("app.log.1"));
      Files.move(log, logs.resolve("app.log.1"));
      gzipAndDelete(logs.resolve("app.log.1"));
      append(log, count(expected, lines("third", seq, 20, USERS)));
      seq += 20;
      try (Agent agent = AgentFixture.start(config, agentLog.stream)) {
        awaitTotal(server, "restarted", expected);
        await("spool drained", 10, agent::delivered);
      }
      assertThat(server.totalCount("host:restarted")).isEqualTo(seq);
      assertThat(agentLog.text()).contains("rotated from " + log + " while the agent was stopped")
          .contains("from app.log.1.gz after byte");
    }
  }

  private static List<String> count(Map<Integer, Long> expected, List<String> lines) {
    for (String l : lines) {
      int u = Integer.parseInt(l.substring(l.indexOf("user=user") + 9, l.indexOf('@')));
      expected.merge(u, 1L, Long::sum);
    }
    return lines;
  }

  private static void awaitTotal(TestServer server, String host, Map<Integer, Long> expected) throws Exception {
    long want = expected.values().stream().mapToLong(Long::longValue).sum();
    await(want + " occurrences on " + host, 20, () -> server.totalCount("host:" + host) >= want);
    assertThat(server.totalCount("host:" + host)).isEqualTo(want);
  }

  private static void gzipAndDelete(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".gz.tmp");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
      Files.copy(file, out);
    }
    Files.move(tmp, file.resolveSibling(file.getFileName() + ".gz"), StandardCopyOption.ATOMIC_MOVE);
    Files.delete(file);
  }
}
