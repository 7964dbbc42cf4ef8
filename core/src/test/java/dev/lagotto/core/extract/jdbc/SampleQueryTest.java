package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleQueryTest {
  static final ColumnInfo ID = ColumnInfo.of("t", "id", Types.BIGINT, "int8");
  static final ColumnInfo CODE = ColumnInfo.of("t", "code", Types.VARCHAR, "text");
  static final ColumnInfo EMAIL = ColumnInfo.of("t", "email", Types.VARCHAR, "text");
  static final JdbcScanOptions OPTIONS = JdbcScanOptions.of("jdbc:postgresql://db/x").withSampleRows(1000);

  @Test
  void orderedByAnOpaqueKeyThatLabelsRows() {
    SampleQuery q = SampleQuery.build(Dialect.POSTGRESQL, "\"public\".\"t\"", "\"", List.of(ID), List.of(EMAIL), OPTIONS, 2000);
    assertThat(q.sql()).isEqualTo("SELECT \"id\", \"email\" FROM \"public\".\"t\" ORDER BY \"id\" LIMIT 1000");
    assertThat(q.labelColumns()).isEqualTo(1);
    assertThat(q.tableSample()).isFalse();
  }

  @Test
  void aTextKeyOrdersButDoesNotLabel() {
    SampleQuery q = SampleQuery.build(Dialect.MARIADB, "`db`.`t`", "`", List.of(CODE), List.of(EMAIL), OPTIONS, -1);
    assertThat(q.sql()).isEqualTo("SELECT `email` FROM `db`.`t` ORDER BY `code` LIMIT 1000");
    assertThat(q.labelColumns()).isZero();
  }

  @Test
  void largePostgresTablesUseARepeatableTableSample() {
    SampleQuery q = SampleQuery.build(Dialect.POSTGRESQL, "t", "\"", List.of(), List.of(EMAIL), OPTIONS, 3_000_000);
    assertThat(q.sql()).isEqualTo("SELECT \"email\" FROM t TABLESAMPLE SYSTEM (0.100000) REPEATABLE ("
        + JdbcScanOptions.DEFAULT_SAMPLE_SEED + ") LIMIT 1000");
    assertThat(q.tableSample()).isTrue();
    SampleQuery all = SampleQuery.build(Dialect.POSTGRESQL, "t", "\"", List.of(), List.of(EMAIL),
        OPTIONS.withSampleRows(JdbcScanOptions.ALL_ROWS), 3_000_000);
    assertThat(all.sql()).isEqualTo("SELECT \"email\" FROM t");
  }

  @Test
  void sqliteAndH2WithoutKeyUseTheRowId() {
    assertThat(SampleQuery.build(Dialect.SQLITE, "\"t\"", "\"", List.of(), List.of(EMAIL), OPTIONS, -1).sql())
        .isEqualTo("SELECT _rowid_, \"email\" FROM \"t\" ORDER BY _rowid_ LIMIT 1000");
    assertThat(SampleQuery.build(Dialect.H2, "\"t\"", "\"", List.of(), List.of(EMAIL), OPTIONS, -1).labelColumns()).isEqualTo(1);
  }

  @Test
  void identifiersWithQuotesAreEscaped() {
    assertThat(new TableRef(null, "s", "we\"ird").sql("\"", false)).isEqualTo("\"s\".\"we\"\"ird\"");
    assertThat(new TableRef("db", null, "t").sql("`", true)).isEqualTo("`db`.`t`");
  }
}
