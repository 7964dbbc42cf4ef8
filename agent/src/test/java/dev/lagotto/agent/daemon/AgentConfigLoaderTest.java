package dev.lagotto.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict configuration: every key of the sample, and errors that name file, line and key. */
class AgentConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void readsTheSampleConfigurationShippedInPackaging() throws Exception {
    Path sample = findSample();
    Path copy = dir.resolve("agent.yaml");
    Files.writeString(copy, Files.readString(sample).replace("/var/lib/lagotto-agent", dir.resolve("state").toString()));
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state").resolve(AgentConfigLoader.TOKEN_FILE), "lgt_sample\n");
    AgentConfig c = AgentConfigLoader.load(copy, "fallback-host");
    assertThat(c.server().url().toString()).startsWith("https://");
    assertThat(c.server().token()).isEqualTo("lgt_sample");
    assertThat(c.server().toString()).doesNotContain("lgt_sample");
    assertThat(c.host()).isEqualTo("fallback-host");
    assertThat(c.tail()).isNotEmpty();
    assertThat(c.scans()).hasSize(1);
    assertThat(c.scans().get(0).interval()).isEqualTo(Duration.ofHours(6));
    assertThat(c.databases()).hasSize(1);
    assertThat(c.databases().get(0).passwordEnv()).isEqualTo("LAGOTTO_DB_PASSWORD");
    assertThat(c.limits().nice()).isTrue();
    assertThat(c.limits().readRate()).isEqualTo(20L << 20);
    assertThat(c.spool().maxBytes()).isEqualTo(256L << 20);
    assertThat(c.keyFile()).isEqualTo(dir.resolve("state").resolve(AgentConfigLoader.KEY_FILE));
  }

  @Test
  void unknownKeyNamesFileLineAndKey() throws Exception {
    Path f = write("server:\n  url: http://127.0.0.1:1\n  token: t\nstate_dir: s\nlimits:\n  threads: 2\n  thread: 3\n");
    assertThatThrownBy(() -> AgentConfigLoader.load(f, "h")).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ":7").hasMessageContaining("unknown key 'thread'").hasMessageContaining("threads");
  }

  @Test
  void badDurationAndSizeNameTheirLine() throws Exception {
    Path f = write("server:\n  url: http://127.0.0.1:1\n  token: t\nstate_dir: s\nscan:\n  - path: /tmp\n    interval: soon\n");
    assertThatThrownBy(() -> AgentConfigLoader.load(f, "h")).hasMessageContaining(":7")
        .hasMessageContaining("scan[0].interval").hasMessageContaining("not a duration");
    Path g = write("server:\n  url: http://127.0.0.1:1\n  token: t\nstate_dir: s\nspool:\n  max_bytes: lots\n");
    assertThatThrownBy(() -> AgentConfigLoader.load(g, "h")).hasMessageContaining(":6").hasMessageContaining("not a size");
  }

  @Test
  void missingAndInvalidValuesNameTheKey() throws Exception {
    assertThatThrownBy(() -> AgentConfigLoader.load(write("state_dir: s\n"), "h")).hasMessageContaining("'server.url' is required");
    assertThatThrownBy(() -> AgentConfigLoader.load(write("server:\n  url: ftp://x\n  token: t\nstate_dir: s\n"), "h"))
        .hasMessageContaining("server.url");
    assertThatThrownBy(() -> AgentConfigLoader.load(write("server:\n  url: http://x\n  token: t\n"), "h"))
        .hasMessageContaining("'state_dir' is required");
    assertThatThrownBy(() -> AgentConfigLoader.load(
        write("server:\n  url: http://x\n  token: t\nstate_dir: s\ndatabases:\n  - url: jdbc:postgresql://db/x?password=p\n"), "h"))
        .hasMessageContaining("databases[0].url").hasMessageContaining("password_env").hasMessageNotContaining("password=p");
    assertThatThrownBy(() -> AgentConfigLoader.load(write("server:\n  url: http://x\n  token: t\nstate_dir: s\nlimits:\n  threads: 0\n"), "h"))
        .hasMessageContaining("limits.threads");
    assertThatThrownBy(() -> AgentConfigLoader.load(write("server:\n  url: http://x\nstate_dir: s\n"), "h"))
        .hasMessageContaining("no agent token").hasMessageContaining("enroll");
    assertThatThrownBy(() -> AgentConfigLoader.load(write("server:\n  url: http://x\n  token: t\nstate_dir: s\nstate_dir: t\n"), "h"))
        .hasMessageContaining(":5");
    assertThatThrownBy(() -> AgentConfigLoader.load(dir.resolve("none.yaml"), "h")).hasMessageContaining("no such file");
  }

  private Path write(String yaml) throws Exception {
    Path f = Files.createTempFile(dir, "agent", ".yaml");
    Files.writeString(f, yaml);
    return f;
  }

  static Path findSample() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path sample = p.resolve("packaging/agent.yaml");
      if (Files.exists(sample)) {
        return sample;
      }
    }
    throw new AssertionError("packaging/agent.yaml not found above " + Path.of("").toAbsolutePath());
  }
}
