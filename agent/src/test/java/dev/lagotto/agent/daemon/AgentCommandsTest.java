package dev.lagotto.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lagotto.agent.cli.CliEnvironment;
import dev.lagotto.agent.cli.Main;
import dev.lagotto.agent.client.ServerClient;
import dev.lagotto.core.extract.SourceOpener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lagotto agent enroll}, {@code agent --check}, {@code search}, {@code subject} through the real command line; the state lock. */
class AgentCommandsTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  private Result run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment e = new CliEnvironment(env, dir, new ByteArrayInputStream(new byte[0]), false, false,
        "cmd-host", SourceOpener.FILES, 1);
    int code = Main.run(e, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void enrollStoresTheServersKeyOwnerOnly() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path tokenFile = dir.resolve("token");
      Files.writeString(tokenFile, server.agentToken + "\n");
      Path state = dir.resolve("state");
      Result r = run(Map.of(), "agent", "enroll", "--server", server.url().toString(), "--token-file", tokenFile.toString(),
          "--state-dir", state.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("enrolled with " + server.url());
      assertThat(Files.readAllBytes(state.resolve(AgentConfigLoader.KEY_FILE))).isEqualTo(server.siteKey);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(AgentConfigLoader.KEY_FILE))))
          .isEqualTo("rw-------");
      assertThat(Files.readString(state.resolve(AgentConfigLoader.TOKEN_FILE)).strip()).isEqualTo(server.agentToken);

      Result bad = run(Map.of(), "agent", "enroll", "--server", server.url().toString(), "--token", "lgt_wrong",
          "--state-dir", dir.resolve("other").toString());
      assertThat(bad.code()).isEqualTo(2);
      assertThat(bad.err()).contains("401").doesNotContain("lgt_wrong");
      assertThat(dir.resolve("other").resolve(AgentConfigLoader.KEY_FILE)).doesNotExist();

      Path config = dir.resolve("agent.yaml");
      Files.writeString(config, "server:\n  url: " + server.url() + "\nstate_dir: " + state + "\ntail: [/var/log/none.log]\n");
      Result check = run(Map.of(), "agent", "--config", config.toString(), "--check");
      assertThat(check.code()).as(check.err()).isZero();
      assertThat(check.out()).contains("is valid (host cmd-host");
      Files.writeString(config, Files.readString(config) + "tails: []\n");
      Result invalid = run(Map.of(), "agent", "--config", config.toString(), "--check");
      assertThat(invalid.code()).isEqualTo(2);
      assertThat(invalid.err()).contains(config + ":5").contains("unknown key 'tails'");
    }
  }

  @Test
  void searchAndSubjectPrintTablesAndJson() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      ServerClient agent = new ServerClient(server.url(), server.agentToken, Duration.ofSeconds(30));
      ByteArrayOutputStream batch = new ByteArrayOutputStream();
      Instant now = Instant.now();
      for (String host : List.of("db-1", "db-2")) {
        ExposureRecord.Key key = new ExposureRecord.Key(host, "file:///srv/customers.csv", null, null, null, "email", "email",
            server.fingerprint(dev.lagotto.core.rule.Category.EMAIL, "alice@example.com"));
        WireRecords.finding(batch, new ExposureRecord(key, "file", "a***@example.com", 3, now, now, 2, 9, 0.9));
      }
      agent.postBatch("test-batch-1", batch.toByteArray());
      Map<String, String> env = Map.of("LAGOTTO_SERVER", server.url().toString(), "LAGOTTO_TOKEN", server.analystToken);

      Result table = run(env, "search", "category:email");
      assertThat(table.code()).as(table.err()).isZero();
      assertThat(table.out()).contains("HOST", "CATEGORY", "db-1", "db-2", "a***@example.com", "file:///srv/customers.csv:2-9",
          "2 exposures match");
      Result json = run(env, "search", "host:db-1", "--json");
      JsonNode node = new ObjectMapper().readTree(json.out());
      assertThat(node.path("total").asLong()).isEqualTo(1);
      assertThat(node.path("hits").get(0).path("count").asLong()).isEqualTo(3);

      Result subject = run(env, "subject", "Alice@Example.com");
      assertThat(subject.code()).as(subject.err()).isZero();
      assertThat(subject.out()).contains("2 exposures, 6 occurrences on 2 host(s)", "db-1: 3 occurrences")
          .doesNotContain("alice@example.com");
      JsonNode subjectJson = new ObjectMapper().readTree(run(env, "subject", "alice@example.com", "--json").out());
      assertThat(subjectJson.path("total_count").asLong()).isEqualTo(6);

      // db-2 deletes the file: its exposure is closed, left out unless asked for
      ByteArrayOutputStream gone = new ByteArrayOutputStream();
      Instant later = now.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      WireRecords.source(gone, new Outbox.SourceLine(WireRecords.SourceEvent.DELETED, "file", "file:///srv/customers.csv",
          "db-2", later));
      agent.postBatch("test-batch-2", gone.toByteArray());
      assertThat(run(env, "subject", "alice@example.com").out()).contains("1 exposures, 3 occurrences on 1 host(s)")
          .doesNotContain("STATE", "db-2");
      Result closed = run(env, "subject", "alice@example.com", "--closed");
      assertThat(closed.out()).contains("2 exposures, 6 occurrences on 2 host(s)", "STATE", "open", "closed since " + later);
      assertThat(run(env, "search", "state:closed").out()).contains("db-2", "closed since", "1 exposures match");

      Result noToken = run(Map.of("LAGOTTO_SERVER", server.url().toString()), "search", "*:*");
      assertThat(noToken.code()).isEqualTo(2);
      assertThat(noToken.err()).contains("no token");
      Result wrongRole = run(Map.of("LAGOTTO_SERVER", server.url().toString(), "LAGOTTO_TOKEN", server.agentToken), "search", "*:*");
      assertThat(wrongRole.code()).isEqualTo(2);
      assertThat(wrongRole.err()).contains("403");
      Result badQuery = run(env, "search", "category:(");
      assertThat(badQuery.code()).isEqualTo(2);
      assertThat(badQuery.err()).contains("400");
      server.stop();
      Result down = run(env, "search", "*:*");
      assertThat(down.code()).isEqualTo(3);
      assertThat(down.err()).contains("cannot reach");
    }
  }

  @Test
  void aSecondAgentOnTheSameStateDirectoryIsRefused() throws Exception {
    try (TestServer server = new TestServer(dir.resolve("server"))) {
      Path config = AgentFixture.config(dir, server, "locked", List.of(), "");
      AgentFixture.Log log = new AgentFixture.Log();
      try (Agent first = AgentFixture.start(config, log.stream)) {
        assertThat(first.state()).isEqualTo(AgentState.RUNNING);
        assertThatThrownBy(() -> AgentFixture.start(config, log.stream)).isInstanceOf(ConfigException.class)
            .hasMessageContaining("another lagotto agent (pid " + ProcessHandle.current().pid() + ")")
            .hasMessageContaining("state-locked");
        first.close();
        assertThat(first.state()).isEqualTo(AgentState.STOPPED);
        try (Agent again = AgentFixture.start(config, log.stream)) {
          assertThat(again.state()).isEqualTo(AgentState.RUNNING);
        }
      }
      Path unenrolled = dir.resolve("bare.yaml");
      Files.writeString(unenrolled, "server:\n  url: " + server.url() + "\n  token: t\nstate_dir: " + dir.resolve("bare") + "\n");
      assertThatThrownBy(() -> AgentFixture.start(unenrolled, log.stream)).hasMessageContaining("lagotto agent enroll");
    }
  }
}
