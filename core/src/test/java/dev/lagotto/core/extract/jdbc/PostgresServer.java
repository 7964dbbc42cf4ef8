package dev.lagotto.core.extract.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A private PostgreSQL 15 server for tests: {@code initdb} and {@code postgres} from
 * {@value #BIN}, run as the {@code postgres} system user via {@code runuser} when the tests run as root
 * (PostgreSQL refuses root), listening on 127.0.0.1 on a free port with its socket in its own directory;
 * fsync off. The superuser {@code postgres} logs in with {@link #ADMIN_PASSWORD} (scram over TCP).
 * {@link #close()} stops it (fast shutdown) and deletes its directory.
 */
final class PostgresServer extends ServerProcess {
  static final String BIN = "/usr/lib/postgresql/15/bin";
  static final String ADMIN_PASSWORD = "admin-test-password";
  private final Path data;

  private PostgresServer() throws IOException {
    super("pg");
    this.data = dir.resolve("data");
  }

  static PostgresServer start() throws Exception {
    Path initdb = requireExecutable(Path.of(BIN, "initdb"));
    Path postgres = requireExecutable(Path.of(BIN, "postgres"));
    PostgresServer s = new PostgresServer();
    try {
      Path pw = s.dir.resolve("pwfile");
      Files.writeString(pw, ADMIN_PASSWORD + "\n");
      Path sockets = Files.createDirectory(s.dir.resolve("sock"));
      s.chown(s.dir, "postgres");
      s.run(as("postgres", List.of(initdb.toString(), "-D", s.data.toString(), "-U", "postgres", "--pwfile=" + pw,
          "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")));
      s.start(as("postgres", List.of(postgres.toString(), "-D", s.data.toString(), "-p", Integer.toString(s.port),
          "-k", sockets.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
          "-c", "full_page_writes=off", "-c", "max_connections=20", "-c", "shared_buffers=32MB")));
      return s;
    } catch (Exception | Error e) {
      s.close();
      throw e;
    }
  }

  String uri(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  String adminUri() {
    return uri("postgres");
  }

  @Override
  Properties adminProperties() {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", ADMIN_PASSWORD);
    return p;
  }

  @Override
  long serverPid() throws IOException {
    return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
  }

  @Override
  String stopSignal() {
    return "INT";
  }
}
