package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 database files: the seeded schema classified (upper-case identifiers, CLOB and JSON), a missing file. */
class JdbcH2IT {
  @TempDir static Path dir;
  static String uri;

  @BeforeAll
  static void seed() throws Exception {
    uri = "jdbc:h2:" + dir.resolve("shop");
    try (Connection c = DriverManager.getConnection(uri, "sa", "")) {
      SeedData.create(c, SeedData.Types.H2);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE \"Mixed_Case\" (\"Id\" int PRIMARY KEY, \"eMail\" varchar(100), tags varchar(100) ARRAY)");
        s.execute("INSERT INTO \"Mixed_Case\" VALUES (1, 'mixed@example.com', ARRAY['a@example.org'])");
      }
    }
  }

  @Test
  void classifiesSeededColumns() throws Exception {
    RecordingSink sink = new RecordingSink();
    JdbcScanOptions o = JdbcScanOptions.of(uri).withCredentials("sa", null);
    JdbcScanSummary summary = Classification.databaseScanner().scan(o, Classification.NO_ENV, sink);
    Classification.assertSeeded(sink, summary);
    assertThat(sink.skipped).isEmpty();
    assertThat(sink.top("customer", "email").orElseThrow().table()).isEqualTo("PUBLIC.CUSTOMER");
    assertThat(sink.top("Mixed_Case", "eMail")).isPresent();
    assertThat(sink.top("Mixed_Case", "tags")).isPresent();
    assertThat(sink.started).extracting(TableRef::schema).doesNotContain("INFORMATION_SCHEMA");
  }

  @Test
  void tablesWithoutKeyAreOrderedByRowIdAndLabelledWithIt() throws Exception {
    RecordingSink sink = new RecordingSink();
    JdbcScanOptions o = JdbcScanOptions.of(uri).withCredentials("sa", null).withTables(List.of("audit_log"), List.of())
        .withPerRow(true, false).withSampleRows(10);
    Classification.databaseScanner().scan(o, Classification.NO_ENV, sink);
    assertThat(sink.rows).extracting(f -> ((dev.lagotto.core.finding.Location.Table) f.location()).row())
        .contains("1", "10").doesNotContain("11");
  }

  @Test
  void missingDatabaseIsNotCreated() {
    Path missing = dir.resolve("absent");
    assertThatThrownBy(() -> Classification.databaseScanner().scan(JdbcScanOptions.of("jdbc:h2:" + missing).withCredentials("sa", null),
        Classification.NO_ENV, new RecordingSink()))
        .isInstanceOfSatisfying(JdbcSourceException.class,
            e -> assertThat(e.kind()).isEqualTo(JdbcSourceException.Kind.NOT_FOUND));
    assertThat(dir.resolve("absent.mv.db")).doesNotExist();
  }
}
