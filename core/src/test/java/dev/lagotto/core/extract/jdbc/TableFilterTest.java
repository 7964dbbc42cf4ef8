package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {
  static final TableRef CUSTOMER = new TableRef(null, "public", "customer");
  static final TableRef AUDIT = new TableRef(null, "archive", "audit_2024");

  @Test
  void emptyIncludesEverythingAndExcludesWin() {
    TableFilter f = new TableFilter(List.of(), List.of("audit_*"));
    assertThat(f.accepts(CUSTOMER)).isTrue();
    assertThat(f.accepts(AUDIT)).isFalse();
  }

  @Test
  void qualifiedGlobsMatchSchemaAndTableCaseInsensitively() {
    TableFilter f = new TableFilter(List.of("ARCHIVE.*"), List.of());
    assertThat(f.accepts(AUDIT)).isTrue();
    assertThat(f.accepts(CUSTOMER)).isFalse();
    assertThat(new TableFilter(List.of("cust?mer"), List.of()).accepts(CUSTOMER)).isTrue();
    assertThat(new TableFilter(List.of("cust"), List.of()).accepts(CUSTOMER)).isFalse();
  }

  @Test
  void regexCharactersAreLiteral() {
    assertThat(new TableFilter(List.of("a.b+c"), List.of()).accepts(new TableRef(null, "a", "b+c"))).isTrue();
    assertThat(new TableFilter(List.of("a.b+c"), List.of()).accepts(new TableRef(null, "a", "bbc"))).isFalse();
    assertThatThrownBy(() -> new TableFilter(List.of(" "), List.of())).hasMessageContaining("empty table glob");
  }
}
