package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lagotto serve} is part of the command tree: help lists it, its token subcommand runs in-process. */
class ServeCliTest {
  @TempDir
  Path dir;

  @Test
  void topLevelHelpListsServe() {
    CliHarness.Result r = new CliHarness(dir).run("--help");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).containsPattern("(?m)^\\s+serve\\s+Run the central index");
    assertThat(r.out()).containsPattern("(?m)^\\s+scan\\s");
  }

  @Test
  void serveHelpListsItsOptionsAndTokenCommand() {
    CliHarness.Result r = new CliHarness(dir).run("serve", "--help");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("Usage: lagotto serve").contains("--listen=HOST:PORT").contains("--data=DIR")
        .containsPattern("(?m)^\\s+token\\s");
  }

  @Test
  void tokenCreateRunsThroughTheCliAndUsesItsExitCodes() throws Exception {
    Path data = dir.resolve("data");
    CliHarness.Result r = new CliHarness(dir).run("serve", "token", "create", "--role", "agent", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    String token = r.out().strip();
    assertThat(token).startsWith("lgt_").doesNotContain("\n");
    assertThat(Files.readString(data.resolve("tokens"))).doesNotContain(token).contains(" agent ");

    CliHarness.Result bad = new CliHarness(dir).run("serve", "token", "create", "--role", "root", "--data", data.toString());
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--role must be agent, analyst or admin, got 'root'");
  }
}
