package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lagotto.core.finding.Location;
import dev.lagotto.core.rule.Category;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL 15 server ({@link PostgresServer}): the seeded schema classified, exotic types, a table
 * without SELECT permission, a dropped table, a locked table (statement timeout), login failures, the
 * seeded TABLESAMPLE path on a large table without a key, and a throughput figure.
 */
class JdbcPostgresIT {
  static final String USER = "lagotto_scan";
  static final String PASSWORD = "scan-test-password";
  static final String PASSWORD_ENV = "LAGOTTO_TEST_DB_PASSWORD";
  static final UnaryOperator<String> ENV = Map.of(PASSWORD_ENV, PASSWORD)::get;
  /** Rows of the throughput table; {@code -Dlagotto.jdbc.throughputRows=100000} for the figure in the docs. */
  static final int THROUGHPUT_ROWS = Integer.getInteger("lagotto.jdbc.throughputRows", 20_000);

  static PostgresServer server;
  static String uri;

  @BeforeAll
  static void startAndSeed() throws Exception {
    server = PostgresServer.start();
    try (Connection c = server.admin(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
      s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
    }
    uri = server.uri("shop");
    try (Connection c = java.sql.DriverManager.getConnection(uri, server.adminProperties())) {
      SeedData.create(c, SeedData.Types.POSTGRESQL);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE pg_extras (id serial PRIMARY KEY, client inet, aliases text[], mac macaddr, doc xml,"
            + " uid uuid, span interval, spot point, tags jsonb, flag boolean, raw bytea)");
        s.execute("INSERT INTO pg_extras (client, aliases, mac, doc, uid, span, spot, tags, flag, raw) SELECT"
            + " ('198.51.100.' || (g % 250 + 1))::inet, ARRAY['alias' || g || '@example.org', 'other' || g || '@example.com'],"
            + " '00:00:5e:00:53:01'::macaddr, '<a>b</a>'::xml, md5(g::text)::uuid, interval '1 day', point(1, 2),"
            + " '{\"k\": 1}'::jsonb, true, '\\x00ff'::bytea FROM generate_series(1, 100) g");
        s.execute("CREATE SCHEMA archive");
        s.execute("CREATE TABLE archive.old_customer (id int PRIMARY KEY, e_mail text)");
        s.execute("INSERT INTO archive.old_customer SELECT g, 'old' || g || '@example.net' FROM generate_series(1, 50) g");
        s.execute("CREATE TABLE big_log (seq bigint, line text)");
        s.execute("INSERT INTO big_log SELECT g, CASE WHEN g % 4 = 0 THEN 'mail from user' || g || '@example.com'"
            + " ELSE 'heartbeat ' || g END FROM generate_series(1, 200000) g");
        s.execute("ANALYZE big_log");
        s.execute("GRANT USAGE ON SCHEMA archive TO " + USER);
        s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public, archive TO " + USER);
        s.execute("REVOKE SELECT ON secret FROM " + USER);
      }
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static JdbcScanOptions options() {
    return JdbcScanOptions.of(uri).withCredentials(USER, PASSWORD_ENV).withTables(List.of(), List.of("big_log", "throughput*", "doomed*", "locked*"));
  }

  @Test
  void classifiesSeededColumnsAndSkipsTheForbiddenTable() throws Exception {
    RecordingSink sink = new RecordingSink();
    JdbcScanSummary summary = Classification.databaseScanner().scan(options(), ENV, sink);
    Classification.assertSeeded(sink, summary);
    assertThat(sink.top("customer", "email").orElseThrow().table()).isEqualTo("public.customer");
    assertThat(sink.skippedTable("secret")).get().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(SkippedTable.Reason.PERMISSION_DENIED);
      assertThat(s.table()).isEqualTo("public.secret");
      assertThat(s.message()).contains("permission denied");
    });
    assertThat(sink.top("old_customer", "e_mail")).get().satisfies(f -> {
      assertThat(f.table()).isEqualTo("archive.old_customer");
      assertThat(f.category()).isEqualTo(Category.EMAIL);
    });
    assertThat(sink.started).extracting(TableRef::schema).doesNotContain("pg_catalog", "information_schema");
    assertThat(summary.tablesSkipped()).isEqualTo(1);
  }

  @Test
  void exoticTypesAreReadAsTextOrSkippedAndCounted() throws Exception {
    RecordingSink sink = new RecordingSink();
    JdbcScanSummary summary = Classification.databaseScanner().scan(options().withTables(List.of("pg_extras"), List.of()), ENV, sink);
    assertThat(sink.skipped).isEmpty();
    assertThat(sink.top("pg_extras", "client")).get().extracting(ColumnFinding::category).isEqualTo(Category.IPV4);
    assertThat(sink.top("pg_extras", "aliases")).get().satisfies(f -> {
      assertThat(f.category()).isEqualTo(Category.EMAIL);
      assertThat(f.rowsMatched()).isEqualTo(100);
    });
    assertThat(summary.binaryColumnsSkipped()).isEqualTo(1);
    assertThat(summary.rowsScanned()).isEqualTo(100);
    assertThat(sink.of("pg_extras", "tags")).isEmpty();
  }

  @Test
  void perRowFindingsUseThePrimaryKeyAndCredentialsNeverReachTheOutput() throws Exception {
    RecordingSink sink = new RecordingSink();
    JdbcScanOptions o = JdbcScanOptions.of(uri + "?user=" + USER + "&password=" + PASSWORD + "&ApplicationName=it")
        .withTables(List.of("public.customer"), List.of()).withPerRow(true, false);
    JdbcScanSummary s = Classification.databaseScanner().scan(o, Classification.NO_ENV, sink);
    assertThat(s.uri()).isEqualTo(uri + "?ApplicationName=it").doesNotContain(PASSWORD);
    assertThat(sink.rows).isNotEmpty().allSatisfy(f -> {
      assertThat(f.source().uri()).doesNotContain(PASSWORD).doesNotContain(USER);
      assertThat(f.value()).isNull();
    });
    assertThat(sink.rows).filteredOn(f -> ((Location.Table) f.location()).column().equals("email"))
        .extracting(f -> ((Location.Table) f.location()).row()).hasSize(SeedData.ROWS).contains("1", "17", "200");
    assertThat(JdbcJson.column(sink.top("customer", "email").orElseThrow()).toString()).doesNotContain(PASSWORD)
        .contains("\"type\":\"finding\"", "\"category\":\"email\"", "\"location\":{\"table\":\"public.customer\",\"column\":\"email\"}",
            "\"rows_matched\":200", "\"rows_sampled\":200", "\"evidence\":[\"name\",\"values\"]");
  }

  @Test
  void droppedAndLockedTablesAreSkippedAndTheScanGoesOn() throws Exception {
    try (Connection admin = java.sql.DriverManager.getConnection(uri, server.adminProperties()); Statement s = admin.createStatement()) {
      s.execute("CREATE TABLE doomed (id int PRIMARY KEY, email text)");
      s.execute("CREATE TABLE locked_one (id int PRIMARY KEY, email text)");
      s.execute("INSERT INTO locked_one VALUES (1, 'locked@example.com')");
      s.execute("GRANT SELECT ON doomed, locked_one TO " + USER);
      admin.setAutoCommit(false);
      s.execute("LOCK TABLE locked_one IN ACCESS EXCLUSIVE MODE");
      RecordingSink sink = new RecordingSink(t -> {
        if (t.name().equals("doomed")) {
          try (Connection c = java.sql.DriverManager.getConnection(uri, server.adminProperties()); Statement d = c.createStatement()) {
            d.execute("DROP TABLE doomed");
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      });
      JdbcScanOptions o = options().withTables(List.of("doomed", "locked_one", "product", "contact"), List.of())
          .withTimeouts(Duration.ofSeconds(1), null);
      long t0 = System.nanoTime();
      JdbcScanSummary summary = Classification.databaseScanner().scan(o, ENV, sink);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
      admin.rollback();
      assertThat(sink.skippedTable("doomed")).get().extracting(SkippedTable::reason).isEqualTo(SkippedTable.Reason.TABLE_VANISHED);
      assertThat(sink.skippedTable("locked_one")).get().extracting(SkippedTable::reason).isEqualTo(SkippedTable.Reason.TIMEOUT);
      assertThat(sink.top("contact", "mobile")).isPresent();
      assertThat(summary.tablesScanned()).isEqualTo(2);
      assertThat(summary.tablesSkipped()).isEqualTo(2);
      s.execute("DROP TABLE locked_one");
      admin.commit();
    }
  }

  @Test
  void connectionLostMidScanEndsTheScanWithAClearError() {
    RecordingSink sink = new RecordingSink(t -> {
      if (t.name().equals("customer")) {
        try (Connection c = java.sql.DriverManager.getConnection(uri, server.adminProperties()); Statement s = c.createStatement()) {
          s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + USER + "'");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    });
    JdbcScanOptions o = options().withTables(List.of("audit_log", "customer", "product"), List.of());
    assertThatThrownBy(() -> Classification.databaseScanner().scan(o, ENV, sink))
        .isInstanceOfSatisfying(JdbcSourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(JdbcSourceException.Kind.CONNECTION_LOST);
          assertThat(e.getMessage()).contains("public.customer");
        });
    assertThat(sink.top("audit_log", "client_ip")).as("results before the loss were delivered").isPresent();
  }

  @Test
  void loginFailuresAreClearAndNeverShowThePassword() {
    UnaryOperator<String> wrong = Map.of(PASSWORD_ENV, "not-the-password")::get;
    assertThatThrownBy(() -> Classification.databaseScanner().scan(options(), wrong, new RecordingSink()))
        .isInstanceOfSatisfying(JdbcSourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(JdbcSourceException.Kind.AUTHENTICATION);
          assertThat(e.getMessage()).contains(uri).contains("authentication failed").doesNotContain("not-the-password");
        });
    assertThatThrownBy(() -> Classification.databaseScanner().scan(options(), Classification.NO_ENV, new RecordingSink()))
        .isInstanceOfSatisfying(JdbcSourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(JdbcSourceException.Kind.CONFIGURATION);
          assertThat(e.getMessage()).contains(PASSWORD_ENV);
        });
  }

  @Test
  void thePasswordCanComeFromAPgpassFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path pgpass = dir.resolve("pgpass");
    java.nio.file.Files.writeString(pgpass, "127.0.0.1:" + server.port + ":shop:" + USER + ":" + PASSWORD + "\n");
    java.nio.file.Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    JdbcScanOptions o = JdbcScanOptions.of(uri).withCredentials(USER, null).withTables(List.of("customer"), List.of());
    String previous = System.getProperty(PGPASS_PROPERTY);
    System.setProperty(PGPASS_PROPERTY, pgpass.toString());
    try {
      RecordingSink sink = new RecordingSink();
      JdbcScanSummary summary = Classification.databaseScanner().scan(o, Classification.NO_ENV, sink);
      assertThat(summary.tablesScanned()).isEqualTo(1);
      assertThat(sink.top("customer", "email")).isPresent();
    } finally {
      if (previous == null) {
        System.clearProperty(PGPASS_PROPERTY);
      } else {
        System.setProperty(PGPASS_PROPERTY, previous);
      }
    }
  }

  /** Where pgjdbc looks for the password file before {@code PGPASSFILE} and {@code ~/.pgpass}. */
  static final String PGPASS_PROPERTY = "org.postgresql.pgpassfile";

  @Test
  void unreachableServerIsAClearError() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    JdbcScanOptions o = JdbcScanOptions.of("jdbc:postgresql://127.0.0.1:" + closedPort + "/shop")
        .withCredentials(USER, PASSWORD_ENV).withTimeouts(null, Duration.ofSeconds(3));
    assertThatThrownBy(() -> Classification.databaseScanner().scan(o, ENV, new RecordingSink()))
        .isInstanceOfSatisfying(JdbcSourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(JdbcSourceException.Kind.UNREACHABLE);
          assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).contains("unreachable");
        });
  }

  @Test
  void largeTableWithoutKeyUsesARepeatableTableSample() throws Exception {
    JdbcScanOptions o = options().withTables(List.of("big_log"), List.of()).withSampleRows(1000);
    RecordingSink a = new RecordingSink();
    RecordingSink b = new RecordingSink();
    JdbcScanSummary sa = Classification.databaseScanner().scan(o, ENV, a);
    Classification.databaseScanner().scan(o, ENV, b);
    assertThat(sa.rowsScanned()).isEqualTo(1000);
    assertThat(a.columns).isEqualTo(b.columns);
    ColumnFinding f = a.top("big_log", "line").orElseThrow();
    assertThat(f.category()).isEqualTo(Category.EMAIL);
    assertThat(f.rowsMatched()).as("about a quarter of the sampled lines hold an address").isBetween(150L, 350L);
  }

  @Test
  void throughputOnATableWithoutFindings() throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(uri, server.adminProperties()); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS throughput");
      s.execute("CREATE TABLE throughput (id bigint PRIMARY KEY, email text, city text, note text, amount numeric(10,2))");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO throughput SELECT g, 'user' || g || '@example.com',"
          + " 'Springfield', 'order shipped on time, no issues reported', g % 1000 FROM generate_series(1, ?) g")) {
        ps.setInt(1, THROUGHPUT_ROWS);
        ps.execute();
      }
      s.execute("GRANT SELECT ON throughput TO " + USER);
    }
    long rawRows = 0;
    long t0 = System.nanoTime();
    try (Connection c = java.sql.DriverManager.getConnection(uri, server.adminProperties())) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.setFetchSize(JdbcScanOptions.DEFAULT_FETCH_SIZE);
        try (java.sql.ResultSet rs = st.executeQuery("SELECT id, email, city, note, amount FROM throughput ORDER BY id")) {
          while (rs.next()) {
            for (int i = 1; i <= 5; i++) {
              rs.getString(i);
            }
            rawRows++;
          }
        }
      }
    }
    double rawPerSecond = rawRows / ((System.nanoTime() - t0) / 1e9);
    JdbcScanOptions o = options().withTables(List.of("throughput"), List.of()).withSampleRows(JdbcScanOptions.ALL_ROWS);
    RecordingSink sink = new RecordingSink();
    JdbcScanSummary s = Classification.databaseScanner().scan(o, ENV, sink);
    System.out.printf("PostgreSQL throughput: %d rows (%d values) in %d ms = %.0f rows/s; plain JDBC read of the same rows:"
        + " %.0f rows/s (ratio %.2f)%n", s.rowsScanned(), s.valuesScanned(), s.elapsed().toMillis(), s.rowsPerSecond(),
        rawPerSecond, s.rowsPerSecond() / rawPerSecond);
    assertThat(s.rowsScanned()).isEqualTo(THROUGHPUT_ROWS);
    assertThat(sink.top("throughput", "email").orElseThrow().rowsMatched()).isEqualTo(THROUGHPUT_ROWS);
  }
}
