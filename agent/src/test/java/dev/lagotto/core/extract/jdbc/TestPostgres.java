package dev.lagotto.core.extract.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Core's real PostgreSQL 15 test server ({@link PostgresServer}, package-private there), opened to the CLI
 * integration tests: started on 127.0.0.1 and a free port, stopped and deleted by {@link #close}.
 */
public final class TestPostgres implements AutoCloseable {
  private final PostgresServer server;

  private TestPostgres(PostgresServer server) {
    this.server = server;
  }

  /** Starts a server (fails with "run .ci/install-db.sh" when PostgreSQL 15 is missing). */
  public static TestPostgres start() throws Exception {
    return new TestPostgres(PostgresServer.start());
  }

  /** The JDBC URI of {@code database}, without credentials. */
  public String uri(String database) {
    return server.uri(database);
  }

  /** A connection to {@code database} as the administrator. */
  public Connection admin(String database) throws SQLException {
    return DriverManager.getConnection(server.uri(database), server.adminProperties());
  }

  @Override
  public void close() {
    server.close();
  }
}
