package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.extract.jdbc.ColumnFinding.Evidence;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcJsonTest {
  static final SourceRef SRC = new SourceRef("jdbc", "jdbc:postgresql://db1/shop", null);

  @Test
  void columnFindingHasTheIssueShape() {
    ColumnFinding f = new ColumnFinding(SRC, "public.customer", "email", Category.EMAIL, 0.97, 812, 990, 1000,
        "j***@example.com", "email", List.of(Evidence.NAME, Evidence.VALUES));
    assertThat(JdbcJson.column(f).toString()).isEqualTo("{\"type\":\"finding\",\"category\":\"email\",\"confidence\":0.97,"
        + "\"source\":{\"kind\":\"jdbc\",\"uri\":\"jdbc:postgresql://db1/shop\"},"
        + "\"location\":{\"table\":\"public.customer\",\"column\":\"email\"},\"rows_matched\":812,\"rows_non_null\":990,"
        + "\"rows_sampled\":1000,\"evidence\":[\"name\",\"values\"],\"masked\":\"j***@example.com\",\"rule\":\"email\"}");
  }

  @Test
  void rowSkippedAndSummaryShapes() {
    Finding row = new Finding(Category.EMAIL, "email", 0.9, SRC, new Location.Table("public.customer", "email", "17"),
        "j***@example.com", "ab12", null);
    assertThat(JdbcJson.row(row).toString()).contains("\"location\":{\"table\":\"public.customer\",\"column\":\"email\",\"row\":\"17\"}")
        .contains("\"fingerprint\":\"ab12\"").doesNotContain("\"value\"");
    SkippedTable s = new SkippedTable("public.secret", null, SkippedTable.Reason.PERMISSION_DENIED, "permission denied", 0);
    assertThat(JdbcJson.skipped(SRC, s).toString()).contains("\"type\":\"skipped\"", "\"reason\":\"permission_denied\"",
        "\"location\":{\"table\":\"public.secret\"}");
    JdbcScanSummary sum = new JdbcScanSummary(SRC.uri(), 3, 1, 3000, 9000, 2, 5, 0, Duration.ofMillis(1500));
    assertThat(JdbcJson.summary(SRC, sum).toString()).contains("\"type\":\"summary\"", "\"rows_scanned\":3000",
        "\"binary_columns_skipped\":2", "\"elapsed_ms\":1500");
    assertThat(sum.rowsPerSecond()).isEqualTo(2000.0);
  }
}
