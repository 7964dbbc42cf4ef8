package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lagotto.core.finding.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite files: the seeded schema classified, determinism, per-row findings, a vanished table, a missing file. */
class JdbcSqliteIT {
  @TempDir static Path dir;
  static String uri;

  @BeforeAll
  static void seed() throws Exception {
    Path db = dir.resolve("shop.db");
    uri = "jdbc:sqlite:" + db;
    try (Connection c = DriverManager.getConnection(uri)) {
      SeedData.create(c, SeedData.Types.SQLITE);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE doomed (id INTEGER PRIMARY KEY, email TEXT)");
        s.execute("INSERT INTO doomed VALUES (1, 'x@example.com')");
      }
    }
  }

  @Test
  void classifiesSeededColumns() throws Exception {
    RecordingSink sink = new RecordingSink();
    JdbcScanSummary summary = Classification.databaseScanner().scan(JdbcScanOptions.of(uri).withTables(List.of(), List.of("doomed")),
        Classification.NO_ENV, sink);
    Classification.assertSeeded(sink, summary);
    assertThat(sink.skipped).isEmpty();
    assertThat(summary.tablesScanned()).isEqualTo(6);
    assertThat(sink.top("customer", "email").orElseThrow().table()).isEqualTo("customer");
    assertThat(summary.uri()).isEqualTo(uri);
  }

  @Test
  void jsonlSinkRendersEveryRecord() throws Exception {
    List<com.fasterxml.jackson.databind.node.ObjectNode> lines = new java.util.ArrayList<>();
    JdbcScanSink sink = JdbcJson.sink(uri, "test-host", lines::add);
    Classification.databaseScanner().scan(JdbcScanOptions.of(uri).withTables(List.of("customer"), List.of()), Classification.NO_ENV, sink);
    assertThat(lines).isNotEmpty().allSatisfy(l -> {
      assertThat(l.get("type").asText()).isEqualTo("finding");
      assertThat(l.get("source").get("uri").asText()).isEqualTo(uri);
      assertThat(l.get("location").get("table").asText()).isEqualTo("customer");
    });
    assertThat(lines).extracting(l -> l.get("location").get("column").asText()).contains("email", "lat,lng", "dob");
  }

  @Test
  void repeatedRunsGiveTheSameAnswerAndSamplesAreBounded() throws Exception {
    JdbcScanOptions o = JdbcScanOptions.of(uri).withSampleRows(50).withTables(List.of("customer", "audit_log"), List.of());
    RecordingSink a = new RecordingSink();
    RecordingSink b = new RecordingSink();
    Classification.databaseScanner().scan(o, Classification.NO_ENV, a);
    Classification.databaseScanner().scan(o, Classification.NO_ENV, b);
    assertThat(a.columns).isNotEmpty().isEqualTo(b.columns);
    assertThat(a.columns).allSatisfy(f -> assertThat(f.rowsSampled()).isEqualTo(50));
    assertThat(a.started).extracting(TableRef::name).containsExactly("audit_log", "customer");
  }

  @Test
  void perRowFindingsNameTheKeyOrTheRowId() throws Exception {
    RecordingSink sink = new RecordingSink();
    JdbcScanOptions o = JdbcScanOptions.of(uri).withTables(List.of("customer", "audit_log"), List.of()).withPerRow(true, false);
    JdbcScanSummary s = Classification.databaseScanner().scan(o, Classification.NO_ENV, sink);
    assertThat(s.rowFindings()).isEqualTo(sink.rows.size()).isPositive();
    assertThat(sink.rows).filteredOn(f -> ((Location.Table) f.location()).column().equals("email"))
        .hasSize(SeedData.ROWS)
        .allSatisfy(f -> {
          assertThat(f.value()).isNull();
          assertThat(f.fingerprint()).hasSize(64);
        })
        .extracting(f -> ((Location.Table) f.location()).row()).contains("1", "200");
    assertThat(sink.rows).filteredOn(f -> ((Location.Table) f.location()).table().equals("audit_log"))
        .extracting(f -> ((Location.Table) f.location()).row()).contains("1", "200");
  }

  @Test
  void tableDroppedDuringTheScanIsSkippedAndTheScanGoesOn() throws Exception {
    Path copy = dir.resolve("vanish.db");
    Files.copy(dir.resolve("shop.db"), copy);
    String u = "jdbc:sqlite:" + copy;
    RecordingSink sink = new RecordingSink(t -> {
      if (t.name().equals("doomed")) {
        try (Connection c = DriverManager.getConnection(u); Statement s = c.createStatement()) {
          s.execute("DROP TABLE doomed");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    });
    JdbcScanSummary s = Classification.databaseScanner().scan(JdbcScanOptions.of(u), Classification.NO_ENV, sink);
    assertThat(sink.skippedTable("doomed")).get().extracting(SkippedTable::reason).isEqualTo(SkippedTable.Reason.TABLE_VANISHED);
    assertThat(s.tablesSkipped()).isEqualTo(1);
    assertThat(sink.top("product", "name")).isEmpty();
    assertThat(sink.top("secret", "ssn")).isPresent();
  }

  @Test
  void missingFileIsAClearErrorAndNothingIsCreated() {
    Path missing = dir.resolve("nope.db");
    assertThatThrownBy(() -> Classification.databaseScanner().scan(JdbcScanOptions.of("jdbc:sqlite:" + missing),
        Classification.NO_ENV, new RecordingSink()))
        .isInstanceOf(JdbcSourceException.class)
        .hasMessageContaining("jdbc:sqlite:" + missing)
        .satisfies(e -> assertThat(((JdbcSourceException) e).kind()).isEqualTo(JdbcSourceException.Kind.NOT_FOUND));
    assertThat(missing).doesNotExist();
  }
}
