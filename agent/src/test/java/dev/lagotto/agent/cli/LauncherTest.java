package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/lagotto}: the Java checks, which run before any build. */
class LauncherTest {
  static final Path LAUNCHER = Path.of("..", "bin", "lagotto").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  private record Run(int code, String err) {}

  private Run launch(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", LAUNCHER.toString(), "--version");
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectErrorStream(false);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private Path fakeJava(String versionLine) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin.getParent();
  }

  @Test
  void refusesJavaOlderThan17SayingWhatToInstall() throws Exception {
    Path home = fakeJava("openjdk version \"11.0.21\" 2023-10-17");
    Run r = launch(Map.of("JAVA_HOME", home.toString(), "PATH", "/usr/bin:/bin"));
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err.strip()).doesNotContain("\n").contains("Java 11.0.21", "needs 17 or newer", "install a JDK 17");
    Path legacy = fakeJava("java version \"1.8.0_392\"");
    assertThat(launch(Map.of("JAVA_HOME", legacy.toString(), "PATH", "/usr/bin:/bin")).err).contains("Java 1.8.0_392");
  }

  @Test
  void saysWhatToInstallWhenThereIsNoJavaAtAll() throws Exception {
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String tool : List.of("sed", "head", "cut", "find", "dirname")) {
      for (String d : List.of("/usr/bin/", "/bin/")) {
        if (Files.isExecutable(Path.of(d + tool))) {
          Files.createSymbolicLink(tools.resolve(tool), Path.of(d + tool));
          break;
        }
      }
    }
    Run r = launch(Map.of("PATH", tools.toString()));
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("no Java found", "install a JDK 17");
  }
}
