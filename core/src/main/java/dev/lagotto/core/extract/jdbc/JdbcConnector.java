package dev.lagotto.core.extract.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Opens the one connection of a scan: credentials from the options and the environment (never from the
 * command line), driver properties from the {@link Dialect}, then a read-only session without autocommit
 * (so PostgreSQL streams with a cursor). Failures become a {@link JdbcSourceException} with a message free
 * of the password.
 */
final class JdbcConnector {
  /** Longest driver message quoted in an error. */
  static final int MAX_MESSAGE_CHARS = 300;

  private JdbcConnector() {}

  static Connection open(JdbcScanOptions options, Dialect dialect, UnaryOperator<String> env) throws JdbcSourceException {
    String uri = dialect.connectUri(options.uri());
    String shown = JdbcUris.redact(options.uri());
    String password = null;
    if (options.passwordEnv() != null) {
      password = env.apply(options.passwordEnv());
      if (password == null) {
        throw new JdbcSourceException(JdbcSourceException.Kind.CONFIGURATION,
            "cannot connect to " + shown + ": environment variable " + options.passwordEnv() + " (--password-env) is not set", null);
      }
    }
    try {
      DriverManager.getDriver(uri);
    } catch (SQLException e) {
      throw new JdbcSourceException(JdbcSourceException.Kind.NO_DRIVER,
          "cannot connect to " + shown + ": no JDBC driver for this URI (supported: jdbc:sqlite, jdbc:postgresql, "
              + "jdbc:mariadb, jdbc:mysql, jdbc:h2)", null);
    }
    Properties props = new Properties();
    if (options.user() != null) {
      props.setProperty("user", options.user());
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    dialect.configure(props, uri, options.connectTimeout().toMillis(), options.statementTimeout().toMillis());
    Connection c;
    try {
      c = DriverManager.getConnection(uri, props);
    } catch (SQLException e) {
      throw new JdbcSourceException(kindOf(e), "cannot connect to " + shown + ": " + reason(kindOf(e))
          + " (" + message(e, password) + ")", null);
    }
    try {
      if (dialect != Dialect.SQLITE) {
        c.setReadOnly(true);
      }
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new JdbcSourceException(JdbcSourceException.Kind.OTHER,
          "cannot start a read-only transaction on " + shown + " (" + message(e, password) + ")", null);
    }
  }

  static JdbcSourceException.Kind kindOf(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    int code = e.getErrorCode();
    if (state.startsWith("28") || code == 1045 || msg.contains("password authentication failed")
        || msg.contains("access denied")) {
      return JdbcSourceException.Kind.AUTHENTICATION;
    }
    if (state.equals("3D000") || code == 1049 || code == 90146 || code == 90013
        || msg.contains("sqlite_cantopen") || (msg.contains("database") && msg.contains("not found"))) {
      return JdbcSourceException.Kind.NOT_FOUND;
    }
    if (state.startsWith("08") || e instanceof java.sql.SQLTimeoutException || msg.contains("connection refused")
        || msg.contains("timed out") || msg.contains("could not connect") || msg.contains("socket")) {
      return JdbcSourceException.Kind.UNREACHABLE;
    }
    return JdbcSourceException.Kind.OTHER;
  }

  private static String reason(JdbcSourceException.Kind kind) {
    return switch (kind) {
      case AUTHENTICATION -> "authentication failed (check --user and the variable named by --password-env)";
      case NOT_FOUND -> "database not found";
      case UNREACHABLE -> "server unreachable";
      default -> "connection failed";
    };
  }

  /** The driver's message, shortened, with the password (should a driver ever echo it) blanked out. */
  static String message(SQLException e, String password) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    if (password != null && !password.isEmpty()) {
      m = m.replace(password, "***");
    }
    m = m.replaceAll("(?i)(password|pwd)=[^&;\\s)]*", "$1=***").replace('\n', ' ');
    if (e.getSQLState() != null && !m.contains(e.getSQLState())) {
      m = m + " [SQLState " + e.getSQLState() + "]";
    }
    return m.length() > MAX_MESSAGE_CHARS ? m.substring(0, MAX_MESSAGE_CHARS) + "..." : m;
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // the connection is being abandoned; nothing more can be done with it
    }
  }
}
