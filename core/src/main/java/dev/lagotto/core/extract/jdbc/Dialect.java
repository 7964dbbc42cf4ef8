package dev.lagotto.core.extract.jdbc;

import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * What differs between the supported databases: system schemas, connection properties, the row-id pseudo
 * column used to order tables without a primary key, and whether {@code TABLESAMPLE ... REPEATABLE} exists.
 */
enum Dialect {
  POSTGRESQL(Set.of("pg_catalog", "information_schema", "pg_toast"), null, true),
  MARIADB(Set.of("mysql", "information_schema", "performance_schema", "sys"), null, false),
  SQLITE(Set.of(), "_rowid_", false),
  H2(Set.of("information_schema"), "_ROWID_", false),
  OTHER(Set.of("information_schema", "sys", "sysibm", "syscat"), null, false);

  static final int SOCKET_TIMEOUT_FACTOR = 2;
  static final int SOCKET_TIMEOUT_MARGIN_SECONDS = 30;

  private final Set<String> systemSchemas;
  private final String rowIdColumn;
  private final boolean tableSample;

  Dialect(Set<String> systemSchemas, String rowIdColumn, boolean tableSample) {
    this.systemSchemas = systemSchemas;
    this.rowIdColumn = rowIdColumn;
    this.tableSample = tableSample;
  }

  static Dialect of(String uri) {
    String u = uri.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
      return MARIADB;
    }
    if (u.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (u.startsWith("jdbc:h2:")) {
      return H2;
    }
    return OTHER;
  }

  /** Whether a schema (or MariaDB database) holds the system's own tables. */
  boolean isSystemSchema(String schema) {
    if (schema == null) {
      return false;
    }
    String s = schema.toLowerCase(Locale.ROOT);
    return systemSchemas.contains(s) || (this == POSTGRESQL && (s.startsWith("pg_temp_") || s.startsWith("pg_toast_temp_")));
  }

  /** The pseudo column that orders (and identifies) rows of a table without a primary key, or {@code null}. */
  String rowIdColumn() {
    return rowIdColumn;
  }

  boolean supportsTableSample() {
    return tableSample;
  }

  /**
   * The URI handed to the driver: {@code jdbc:mysql:} gets the MariaDB driver's {@code permitMysqlScheme}
   * flag (the driver only accepts that scheme with it, and only from the URI).
   */
  String connectUri(String uri) {
    if (this == MARIADB && JdbcUris.isMysqlScheme(uri) && !uri.contains("permitMysqlScheme")) {
      return uri + (uri.indexOf('?') >= 0 ? "&" : "?") + "permitMysqlScheme";
    }
    return uri;
  }

  /**
   * Driver properties that make the connection read-only and bounded in time: a connect timeout, and a socket
   * read timeout of {@value #SOCKET_TIMEOUT_FACTOR} statement timeouts plus {@value #SOCKET_TIMEOUT_MARGIN_SECONDS}
   * s, so that a server that stops answering mid-stream cannot hang the scan.
   */
  void configure(Properties props, String uri, long connectTimeoutMillis, long statementTimeoutMillis) {
    long seconds = Math.max(1, (connectTimeoutMillis + 999) / 1000);
    long socketMillis = statementTimeoutMillis * SOCKET_TIMEOUT_FACTOR + SOCKET_TIMEOUT_MARGIN_SECONDS * 1000;
    switch (this) {
      case POSTGRESQL -> {
        props.setProperty("connectTimeout", Long.toString(seconds));
        props.setProperty("loginTimeout", Long.toString(seconds));
        props.setProperty("socketTimeout", Long.toString(socketMillis / 1000));
        props.setProperty("readOnly", "true");
        props.setProperty("ApplicationName", "lagotto");
      }
      case MARIADB -> {
        props.setProperty("connectTimeout", Long.toString(connectTimeoutMillis));
        props.setProperty("socketTimeout", Long.toString(socketMillis));
      }
      case SQLITE -> props.setProperty("open_mode", "1");
      case H2 -> props.setProperty("IFEXISTS", "TRUE");
      case OTHER -> {
        // generic drivers get only user and password
      }
    }
  }
}
