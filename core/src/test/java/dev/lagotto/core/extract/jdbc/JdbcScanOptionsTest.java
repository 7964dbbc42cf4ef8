package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcScanOptionsTest {
  @Test
  void sampleRowsParsesNumbersAndAll() {
    assertThat(JdbcScanOptions.parseSampleRows("all")).isEqualTo(JdbcScanOptions.ALL_ROWS);
    assertThat(JdbcScanOptions.parseSampleRows("ALL")).isEqualTo(JdbcScanOptions.ALL_ROWS);
    assertThat(JdbcScanOptions.parseSampleRows("10_000")).isEqualTo(10_000);
    assertThatThrownBy(() -> JdbcScanOptions.parseSampleRows("0")).hasMessageContaining("'0'");
    assertThatThrownBy(() -> JdbcScanOptions.parseSampleRows("many")).hasMessageContaining("--sample-rows");
  }

  @Test
  void badValuesAreRejectedWithoutEchoingSecrets() {
    assertThatThrownBy(() -> JdbcScanOptions.of("postgresql://u:secret@db/x")).hasMessageContaining("not a JDBC URI")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> JdbcScanOptions.of("jdbc:sqlite:x").withCredentials("u", "not a var"))
        .hasMessageContaining("not an environment variable name");
    assertThatThrownBy(() -> JdbcScanOptions.of("jdbc:sqlite:x").withSampleRows(0)).hasMessageContaining("sampleRows 0");
  }

  @Test
  void defaults() {
    JdbcScanOptions o = JdbcScanOptions.of("jdbc:sqlite:x");
    assertThat(o.sampleRows()).isEqualTo(10_000);
    assertThat(o.allRows()).isFalse();
    assertThat(o.perRow()).isFalse();
    assertThat(o.statementTimeout()).isEqualTo(JdbcScanOptions.DEFAULT_STATEMENT_TIMEOUT);
  }

  @Test
  void fromCliParsesRawOptionValues() {
    JdbcScanOptions o = JdbcScanOptions.fromCli("jdbc:postgresql://db1/shop", "scan", "PGPASS", "public.*, audit_*",
        "tmp_*", "all", true, 5, false);
    assertThat(o.includeTables()).containsExactly("public.*", "audit_*");
    assertThat(o.excludeTables()).containsExactly("tmp_*");
    assertThat(o.allRows()).isTrue();
    assertThat(o.statementTimeout()).hasSeconds(5);
    assertThat(o.perRow()).isTrue();
    JdbcScanOptions d = JdbcScanOptions.fromCli("jdbc:sqlite:x", null, null, null, null, null, false, null, false);
    assertThat(d).isEqualTo(JdbcScanOptions.of("jdbc:sqlite:x"));
    assertThatThrownBy(() -> JdbcScanOptions.fromCli("jdbc:sqlite:x", null, null, null, null, "-3", false, null, false))
        .hasMessageContaining("--sample-rows");
    assertThatThrownBy(() -> JdbcScanOptions.fromCli("jdbc:sqlite:x", null, null, null, null, null, false, 0, false))
        .hasMessageContaining("--statement-timeout");
  }
}
