package dev.lagotto.core.extract.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A private MariaDB server for tests: {@code mariadb-install-db} then {@code mariadbd --user=mysql} (it drops
 * root itself), on 127.0.0.1 on a free port with its own socket and data directory, no networking names, no
 * grant-table defaults from /etc ({@code --no-defaults}). An init file creates the administrator
 * {@value #ADMIN}@'%' with {@link #ADMIN_PASSWORD}. {@link #close()} stops it and deletes its directory.
 */
final class MariaDbServer extends ServerProcess {
  static final String ADMIN = "lagotto_admin";
  static final String ADMIN_PASSWORD = "admin-test-password";
  private final Path data;
  private final Path pidFile;

  private MariaDbServer() throws IOException {
    super("mariadb");
    this.data = dir.resolve("data");
    this.pidFile = dir.resolve("mariadbd.pid");
  }

  static MariaDbServer start() throws Exception {
    Path install = requireOnPath("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");
    Path server = requireOnPath("/usr/sbin/mariadbd", "/usr/sbin/mysqld");
    MariaDbServer s = new MariaDbServer();
    try {
      Files.createDirectory(s.data);
      Path init = s.dir.resolve("init.sql");
      Files.writeString(init, "CREATE USER '" + ADMIN + "'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "';\n"
          + "GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN + "'@'%' WITH GRANT OPTION;\n");
      String user = root() ? "mysql" : System.getProperty("user.name");
      s.chown(s.dir, "mysql");
      s.run(List.of(install.toString(), "--no-defaults", "--datadir=" + s.data, "--user=" + user,
          "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
      s.start(List.of(server.toString(), "--no-defaults", "--user=" + user, "--datadir=" + s.data,
          "--port=" + s.port, "--bind-address=127.0.0.1", "--socket=" + s.dir.resolve("mysqld.sock"),
          "--pid-file=" + s.pidFile, "--init-file=" + init, "--skip-name-resolve", "--innodb-buffer-pool-size=32M",
          "--innodb-flush-log-at-trx-commit=0", "--skip-log-bin", "--max-connections=20"));
      return s;
    } catch (Exception | Error e) {
      s.close();
      throw e;
    }
  }

  String uri(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?sslMode=disable";
  }

  @Override
  String adminUri() {
    return uri("");
  }

  @Override
  Properties adminProperties() {
    Properties p = new Properties();
    p.setProperty("user", ADMIN);
    p.setProperty("password", ADMIN_PASSWORD);
    return p;
  }

  @Override
  long serverPid() throws IOException {
    return Long.parseLong(Files.readString(pidFile).strip());
  }

  @Override
  String stopSignal() {
    return "TERM";
  }
}
