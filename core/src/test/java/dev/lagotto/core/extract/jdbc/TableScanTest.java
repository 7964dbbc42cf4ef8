package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableScanTest {
  @Test
  void onlyLongIntegersAreNumericCandidates() {
    assertThat(TableScan.numericCandidate("4111111111111111")).isTrue();
    assertThat(TableScan.numericCandidate("12025550100")).isTrue();
    assertThat(TableScan.numericCandidate("+12025550100")).isTrue();
    assertThat(TableScan.numericCandidate("1234567")).isTrue();
    assertThat(TableScan.numericCandidate("123456")).as("too short").isFalse();
    assertThat(TableScan.numericCandidate("1999.95")).as("decimal").isFalse();
    assertThat(TableScan.numericCandidate("48.8566")).isFalse();
    assertThat(TableScan.numericCandidate("1E+16")).isFalse();
    assertThat(TableScan.numericCandidate("12-34567")).isFalse();
  }
}
