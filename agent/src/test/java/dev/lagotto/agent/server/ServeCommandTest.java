package dev.lagotto.agent.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void tokenCreatePrintsATokenOnceAndStoresOnlyItsHash() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ServeCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    Path data = dir.resolve("data");
    int code = cli.execute("token", "create", "--role", "analyst", "--data", data.toString());
    assertThat(code).as(err.toString()).isZero();
    String token = out.toString().strip();
    assertThat(token).startsWith(TokenStore.PREFIX).hasSize(TokenStore.PREFIX.length() + 43);
    String file = Files.readString(data.resolve(TokenStore.FILE_NAME));
    assertThat(file).doesNotContain(token).contains(TokenStore.hash(token) + " analyst ");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(TokenStore.FILE_NAME)))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    assertThat(TokenStore.open(data, Clock.systemUTC()).authenticate(token)).contains(Role.ANALYST);
  }

  @Test
  void badOptionsAreConfigurationErrorsNamingTheValue() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err));
    assertThat(cli.execute("token", "create", "--role", "root", "--data", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("'root'");
    StringWriter err2 = new StringWriter();
    assertThat(new CommandLine(new ServeCommand()).setErr(new PrintWriter(err2))
        .execute("--data", dir.toString(), "--listen", "localhost")).isEqualTo(2);
    assertThat(err2.toString()).contains("--listen must be HOST:PORT");
    StringWriter err3 = new StringWriter();
    assertThat(new CommandLine(new ServeCommand()).setErr(new PrintWriter(err3))
        .execute("--data", dir.toString(), "--retention-days", "0")).isEqualTo(2);
    assertThat(new CommandLine(new ServeCommand()).setErr(new PrintWriter(new StringWriter())).execute("--bogus")).isEqualTo(2);
  }
}
