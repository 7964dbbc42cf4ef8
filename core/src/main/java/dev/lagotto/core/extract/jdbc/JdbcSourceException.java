package dev.lagotto.core.extract.jdbc;

/**
 * A database that cannot be scanned at all: unreachable host, failed login, unknown driver, missing database
 * file, or a connection lost mid-scan. The message names the URI without credentials and the cause class;
 * it never holds a password or a value.
 */
public final class JdbcSourceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Kind kind;

  public JdbcSourceException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** What went wrong, for exit codes and tests. */
  public enum Kind {
    /** Host unreachable, connection refused, or timed out. */
    UNREACHABLE,
    /** Wrong user or password, or access to the database denied. */
    AUTHENTICATION,
    /** No JDBC driver for the URI. */
    NO_DRIVER,
    /** The database (file) does not exist. */
    NOT_FOUND,
    /** The password environment variable is not set. */
    CONFIGURATION,
    /** The connection broke during the scan. */
    CONNECTION_LOST,
    /** Any other failure to connect or to read the catalogue. */
    OTHER
  }
}
