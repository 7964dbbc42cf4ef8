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

/**
 * {@code bin/lagotto}: the Java checks, which run before any build; and, with a fake {@code java} that
 * records its arguments in a copy of the launcher whose jar is up to date, the JVM options and the AppCDS
 * archive's life (recorded by the first scan, used after, recorded again when the jar is newer).
 */
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

  /** A launcher copy under {@code dir/root} with an up-to-date (empty) jar and a fake JDK 17 whose java logs its arguments. */
  private Path fakeInstall() throws IOException {
    Path root = dir.resolve("root");
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.copy(LAUNCHER, bin.resolve("lagotto"));
    Files.createDirectories(root.resolve("agent/target"));
    Files.writeString(root.resolve("agent/target/lagotto.jar"), "");
    Path jdk = Files.createDirectories(dir.resolve("jdk17/bin"));
    Files.writeString(jdk.getParent().resolve("release"), "JAVA_VERSION=\"17.0.99\"\n");
    Path java = jdk.resolve("java");
    Files.writeString(java, """
        #!/bin/sh
        for a in "$@"; do
          case "$a" in
            -version) echo 'openjdk version "17.0.99"' >&2; exit 0 ;;
            -XX:ArchiveClassesAtExit=*) echo archive > "${a#*=}" ;;
          esac
        done
        printf '%s\\n' "$@" >> "$(dirname "$0")/../args.log"
        echo '--'  >> "$(dirname "$0")/../args.log"
        echo 'command output'
        exit 3
        """);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return root;
  }

  /** Runs the fake install's launcher; returns stdout, and the fake java's arguments of this run. */
  private record Launch(int code, String out, List<String> args) {}

  private Launch launchFake(Path root, Map<String, String> extraEnv, String... args) throws Exception {
    Path log = dir.resolve("jdk17/args.log");
    Files.deleteIfExists(log);
    List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", root.resolve("bin/lagotto").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().put("JAVA_HOME", dir.resolve("jdk17").toString());
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().put("HOME", dir.resolve("home").toString());
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> logged = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return new Launch(p.exitValue(), out, logged);
  }

  private static List<String> archives(Path root) throws IOException {
    try (var files = Files.list(root.resolve("agent/target"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.contains("cds")).sorted().toList();
    }
  }

  @Test
  void theFirstScanRecordsAClassArchiveThatLaterScansUse() throws Exception {
    Path root = fakeInstall();
    Launch first = launchFake(root, Map.of(), "scan", "x.log");
    assertThat(first.code).as("the command's exit code passes through").isEqualTo(3);
    assertThat(first.out).isEqualTo("command output\n");
    assertThat(first.args).contains("-XX:+UseSerialGC", "-Xms16m", "-Xlog:cds*=off", "-jar", "scan", "x.log");
    assertThat(first.args).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=") && a.endsWith(".tmp"));
    List<String> made = archives(root);
    assertThat(made).as("recorded under a temporary name, then renamed").hasSize(1).allMatch(n -> n.endsWith(".jsa"));

    Launch second = launchFake(root, Map.of(), "scan", "x.log");
    assertThat(second.args).contains("-XX:SharedArchiveFile=" + root.resolve("agent/target/" + made.get(0)));
    assertThat(second.args).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));

    Path jar = root.resolve("agent/target/lagotto.jar");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    Launch rebuilt = launchFake(root, Map.of(), "scan", "x.log");
    assertThat(rebuilt.args).as("a jar newer than the archive is recorded again")
        .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(archives(root)).isEqualTo(made);
  }

  @Test
  void theVersionAloneStartsSmallAndMapsButNeverRecordsTheArchive() throws Exception {
    Path root = fakeInstall();
    Launch before = launchFake(root, Map.of(), "--version");
    assertThat(before.args).containsSubsequence("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "--version");
    assertThat(before.args).noneMatch(a -> a.contains("Archive"));
    assertThat(archives(root)).isEmpty();
    launchFake(root, Map.of(), "scan", "x.log");
    List<String> made = archives(root);
    Launch after = launchFake(root, Map.of(), "-V");
    assertThat(after.args).contains("-XX:TieredStopAtLevel=1",
        "-XX:SharedArchiveFile=" + root.resolve("agent/target/" + made.get(0)));
    Launch withMore = launchFake(root, Map.of(), "--version", "--help");
    assertThat(withMore.args.subList(0, 2)).as("not alone: JVM defaults")
        .containsExactly("-jar", root.resolve("agent/target/lagotto.jar").toString());
  }

  @Test
  void aScanOfSmallPlainFilesRunsOnTheClientCompilerAlone() throws Exception {
    Path root = fakeInstall();
    Path small = Files.writeString(dir.resolve("small.log"), "a line\n".repeat(100));
    Path big = dir.resolve("big.log");
    try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(128L * 1024 * 1024 + 1); // sparse: one byte over the launcher's bound
    }
    Path atBound = dir.resolve("at-bound.log");
    try (var f = new java.io.RandomAccessFile(atBound.toFile(), "rw")) {
      f.setLength(128L * 1024 * 1024); // sparse: exactly the launcher's bound
    }
    Path gz = Files.writeString(dir.resolve("small.log.gz"), "x");
    String c1 = "-XX:TieredStopAtLevel=1";
    assertThat(launchFake(root, Map.of(), "scan", small.toString()).args).contains(c1);
    assertThat(launchFake(root, Map.of(), "scan", atBound.toString()).args).as("at the bound").contains(c1);
    assertThat(launchFake(root, Map.of(), "scan", "--categories", "email,ipv4", small.toString(), small.toString())
        .args).as("options are not inputs").contains(c1);
    String db = "jdbc:postgresql://127.0.0.1/app";
    for (List<String> inputs : List.<List<String>>of(List.of(big.toString()), List.of(small.toString(), big.toString()),
        List.of(dir.toString()), List.of(small.toString(), "-"), List.of(small.toString(), db),
        List.of(small.toString(), dir.toString()), List.of(gz.toString()), List.of())) {
      List<String> args = new java.util.ArrayList<>(List.of("scan"));
      args.addAll(inputs);
      assertThat(launchFake(root, Map.of(), args.toArray(new String[0])).args).as("%s", inputs).doesNotContain(c1);
    }
  }

  @Test
  void userOptionsComeAfterTheDefaultsAndLongRunningCommandsKeepTheJvmDefaults() throws Exception {
    Path root = fakeInstall();
    Launch scan = launchFake(root, Map.of("JAVA_OPTS", "-Xmx300m", "LAGOTTO_JAVA_OPTS", "-XX:+UseParallelGC -Dx=1",
        "LAGOTTO_CDS", "0"), "scan", "-");
    assertThat(scan.args).containsSubsequence("-XX:+UseSerialGC", "-Xms16m", "-Xmx300m", "-XX:+UseParallelGC", "-Dx=1",
        "-jar");
    assertThat(scan.args).as("LAGOTTO_CDS=0").noneMatch(a -> a.contains("Archive"));
    for (String command : List.of("serve", "agent", "search")) {
      Launch run = launchFake(root, Map.of(), command, "--help");
      assertThat(run.args.subList(0, 2)).as(command).containsExactly("-jar", root.resolve("agent/target/lagotto.jar").toString());
    }
    assertThat(archives(root)).isEmpty();
  }
}
