package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lagotto.core.rule.Category;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real MariaDB server ({@link MariaDbServer}): the seeded schema classified, a table without SELECT
 * permission, the {@code jdbc:mysql:} scheme, system databases left out, a failed login.
 */
class JdbcMariaDbIT {
  static final String USER = "lagotto_scan";
  static final String PASSWORD = "scan-test-password";
  static final String PASSWORD_ENV = "LAGOTTO_TEST_DB_PASSWORD";
  static final UnaryOperator<String> ENV = Map.of(PASSWORD_ENV, PASSWORD)::get;
  static final List<String> READABLE = List.of("customer", "orders", "product", "audit_log", "contact", "json_doc");

  static MariaDbServer server;
  static String uri;

  @BeforeAll
  static void startAndSeed() throws Exception {
    server = MariaDbServer.start();
    try (Connection c = server.admin(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
      s.execute("CREATE DATABASE other");
      s.execute("CREATE TABLE other.leads (id int PRIMARY KEY, email varchar(100))");
      s.execute("INSERT INTO other.leads VALUES (1, 'lead@example.com')");
      s.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
    }
    uri = server.uri("shop");
    try (Connection c = DriverManager.getConnection(uri, server.adminProperties())) {
      SeedData.create(c, SeedData.Types.MARIADB);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE json_doc (id int PRIMARY KEY, doc json, payload longtext, bits bit(1))");
        s.execute("INSERT INTO json_doc VALUES (1, '{\"owner\": {\"email\": \"owner1@example.com\"}}', 'ping 192.0.2.44', 1),"
            + " (2, '{\"owner\": {\"email\": \"owner2@example.com\"}}', 'ping 192.0.2.45', 0)");
        for (String t : READABLE) {
          s.execute("GRANT SELECT ON shop." + t + " TO '" + USER + "'@'%'");
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void classifiesSeededColumnsAndSkipsTheForbiddenTable() throws Exception {
    RecordingSink sink = new RecordingSink();
    JdbcScanOptions o = JdbcScanOptions.of(uri).withCredentials(USER, PASSWORD_ENV);
    JdbcScanSummary summary = Classification.databaseScanner().scan(o, ENV, sink);
    Classification.assertSeeded(sink, summary);
    assertThat(sink.top("customer", "email").orElseThrow().table()).isEqualTo("shop.customer");
    assertThat(sink.top("json_doc", "doc")).get().extracting(ColumnFinding::category).isEqualTo(Category.EMAIL);
    assertThat(sink.top("json_doc", "payload")).get().extracting(ColumnFinding::category).isEqualTo(Category.IPV4);
    assertThat(sink.started).extracting(TableRef::display).allMatch(t -> t.startsWith("shop."));
  }

  @Test
  void tableWithoutSelectPermissionIsSkipped() throws Exception {
    // the scan user cannot even see 'secret' in the catalogue unless it has some privilege on it
    try (Connection c = server.admin(); Statement s = c.createStatement()) {
      s.execute("GRANT INSERT ON shop.secret TO '" + USER + "'@'%'");
    }
    RecordingSink sink = new RecordingSink();
    JdbcScanOptions o = JdbcScanOptions.of(uri).withCredentials(USER, PASSWORD_ENV).withTables(List.of("secret", "product"), List.of());
    JdbcScanSummary summary = Classification.databaseScanner().scan(o, ENV, sink);
    assertThat(sink.skippedTable("secret")).get().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(SkippedTable.Reason.PERMISSION_DENIED);
      assertThat(s.table()).isEqualTo("shop.secret");
    });
    assertThat(summary.tablesScanned()).isEqualTo(1);
  }

  @Test
  void mysqlSchemeAndAllDatabasesWithoutOneInTheUri() throws Exception {
    RecordingSink sink = new RecordingSink();
    String all = "jdbc:mysql://127.0.0.1:" + server.port + "/?sslMode=disable";
    JdbcScanOptions o = JdbcScanOptions.of(all).withCredentials(MariaDbServer.ADMIN, "ADMIN_PW").withTables(List.of("leads", "shop.contact"), List.of());
    JdbcScanSummary s = Classification.databaseScanner().scan(o, Map.of("ADMIN_PW", MariaDbServer.ADMIN_PASSWORD)::get, sink);
    assertThat(s.tablesScanned()).isEqualTo(2);
    assertThat(sink.top("leads", "email")).get().extracting(ColumnFinding::table).isEqualTo("other.leads");
    RecordingSink everything = new RecordingSink();
    Classification.databaseScanner().scan(o.withTables(List.of(), List.of()), Map.of("ADMIN_PW", MariaDbServer.ADMIN_PASSWORD)::get, everything);
    assertThat(everything.started).extracting(TableRef::catalog).doesNotContain("mysql", "information_schema", "performance_schema", "sys");
  }

  @Test
  void aTableWithoutPrimaryKeyIsSampledInTheOrderOfItsUniqueIndex() throws Exception {
    try (Connection c = server.admin(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE shop.visit (ext_id int NOT NULL, email varchar(100), UNIQUE KEY visit_ext (ext_id))");
      s.execute("CREATE TABLE shop.visit_log (ext_id int, email varchar(100), UNIQUE KEY log_ext (ext_id))");
      for (int i = 5; i >= 1; i--) {
        s.execute("INSERT INTO shop.visit VALUES (" + i + ", 'visitor" + i + "@example.com')");
        s.execute("INSERT INTO shop.visit_log VALUES (" + i + ", 'visitor" + i + "@example.com')");
      }
    }
    JdbcScanOptions o = JdbcScanOptions.of(uri).withCredentials(MariaDbServer.ADMIN, "ADMIN_PW")
        .withTables(List.of("visit", "visit_log"), List.of()).withSampleRows(2).withPerRow(true, false);
    RecordingSink sink = new RecordingSink();
    Classification.databaseScanner().scan(o, Map.of("ADMIN_PW", MariaDbServer.ADMIN_PASSWORD)::get, sink);
    assertThat(rowLabels(sink, "shop.visit")).as("ordered and labelled by the NOT NULL unique key").containsExactly("1", "2");
    assertThat(rowLabels(sink, "shop.visit_log")).as("a nullable unique column is no row key: storage order")
        .containsExactly("#1", "#2");
  }

  private static List<String> rowLabels(RecordingSink sink, String table) {
    return sink.rows.stream().map(f -> (dev.lagotto.core.finding.Location.Table) f.location())
        .filter(l -> l.table().equals(table)).map(dev.lagotto.core.finding.Location.Table::row).toList();
  }

  @Test
  void wrongPasswordIsAClearError() {
    UnaryOperator<String> wrong = Map.of(PASSWORD_ENV, "not-the-password")::get;
    assertThatThrownBy(() -> Classification.databaseScanner().scan(JdbcScanOptions.of(uri).withCredentials(USER, PASSWORD_ENV),
        wrong, new RecordingSink()))
        .isInstanceOfSatisfying(JdbcSourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(JdbcSourceException.Kind.AUTHENTICATION);
          assertThat(e.getMessage()).doesNotContain("not-the-password");
        });
  }
}
