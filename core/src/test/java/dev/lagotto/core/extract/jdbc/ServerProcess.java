package dev.lagotto.core.extract.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Shared plumbing of the test database servers: a private directory under {@code /tmp} that the server's
 * system user can traverse, a free loopback port, helper commands run to completion with a time limit, the
 * server process with its log, a readiness wait, and a stop that leaves no process behind (also from a JVM
 * shutdown hook if a test run is killed).
 */
abstract class ServerProcess implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
  static final String INSTALL_HINT = "run .ci/install-db.sh (as root) to install the database servers the integration tests need";

  final Path dir;
  final int port;
  final Path log;
  private Process process;
  private final Thread hook = new Thread(this::stopQuietly, "lagotto-test-db-stop");

  ServerProcess(String name) throws IOException {
    this.dir = Files.createTempDirectory(Path.of("/tmp"), "lagotto-" + name + "-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    this.port = freePort();
    this.log = dir.resolve("server.log");
  }

  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  static Path requireExecutable(Path p) {
    if (!Files.isExecutable(p)) {
      throw new IllegalStateException(p + " is missing: " + INSTALL_HINT);
    }
    return p;
  }

  static Path requireOnPath(String... candidates) {
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(String.join(" or ", candidates) + " is missing: " + INSTALL_HINT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Gives {@code path} (recursively) to the system user the server runs as; no-op when not root. */
  void chown(Path path, String user) throws IOException {
    if (!root()) {
      return;
    }
    UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
    var owner = users.lookupPrincipalByName(user);
    var group = users.lookupPrincipalByGroupName(user);
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
        Files.setOwner(d, owner);
        Files.getFileAttributeView(d, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        Files.setOwner(f, owner);
        Files.getFileAttributeView(f, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Runs a helper command to completion; fails with its output when it fails. */
  void run(List<String> command) throws IOException, InterruptedException {
    Path out = dir.resolve("command.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException(command.get(0) + " timed out; output in " + out);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + Files.readString(out));
    }
  }

  /** Runs {@code command} as {@code user} ({@code runuser -u user --}) when we are root, directly otherwise. */
  static List<String> as(String user, List<String> command) {
    if (!root()) {
      return command;
    }
    List<String> c = new ArrayList<>(List.of("runuser", "-u", user, "--"));
    c.addAll(command);
    return c;
  }

  /** Starts the server and waits until {@link #connect} succeeds. */
  void start(List<String> command) throws IOException, InterruptedException {
    Runtime.getRuntime().addShutdownHook(hook);
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (Connection c = DriverManager.getConnection(adminUri(), adminProperties())) {
        return;
      } catch (SQLException e) {
        last = e;
        Thread.sleep(200);
      }
    }
    close();
    throw new IllegalStateException("server not ready after " + START_TIMEOUT + " (" + last + "):\n" + Files.readString(log));
  }

  /** The URI and properties of the administrator connection used for seeding. */
  abstract String adminUri();

  abstract Properties adminProperties();

  /** The process id of the server itself (which may be a child of {@code runuser}). */
  abstract long serverPid() throws IOException;

  /** The signal that shuts the server down quickly and cleanly. */
  abstract String stopSignal();

  Connection admin() throws SQLException {
    return DriverManager.getConnection(adminUri(), adminProperties());
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void stopQuietly() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    try {
      long pid = serverPid();
      new ProcessBuilder("kill", "-" + stopSignal(), Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
      ProcessHandle.of(pid).ifPresent(all::add);
    } catch (IOException | RuntimeException e) {
      process.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
    process = null;
    deleteTree(dir);
  }

  private static void deleteTree(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
          Files.deleteIfExists(f);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e);
    }
  }
}
