package dev.lagotto.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {
  @Test
  void findsTheColumnOfEachKey() {
    CsvHeader h = CsvHeader.parse("id,\"First Name\",surname,E-Mail,customer_phone,lat,lng");
    assertThat(h.delimiter()).isEqualTo(',');
    assertThat(h.columns()).containsExactly("id", "First Name", "surname", "E-Mail", "customer_phone", "lat", "lng");
    assertThat(h.indexOf("first_name")).isEqualTo(1);
    assertThat(h.indexOf("e_mail")).isEqualTo(3);
    assertThat(h.indexOf("\"phone\":")).isEqualTo(4);
    assertThat(h.indexOf("lat")).isEqualTo(5);
    assertThat(h.indexOf("name")).as("last part of 'First Name'").isEqualTo(1);
    assertThat(h.indexOf("ip")).isEqualTo(-1);
    assertThat(h.columnsOf(List.of("lng", "ip", "lat"))).containsExactly(Map.entry("lng", 6), Map.entry("lat", 5));
  }

  @Test
  void detectsTabSemicolonAndPipe() {
    assertThat(CsvHeader.parse("name\temail\tip").delimiter()).isEqualTo('\t');
    assertThat(CsvHeader.parse("name;email;ip").indexOf("ip")).isEqualTo(2);
    assertThat(CsvHeader.parse("name|email").indexOf("email")).isEqualTo(1);
    assertThat(CsvHeader.parse("\"a,b\";c;d").columns()).containsExactly("a,b", "c", "d");
  }

  @Test
  void tellsTheColumnOfAnOffsetInARow() {
    CsvHeader h = CsvHeader.parse("id,name,email");
    String row = "7,\"Roe, Jane\",jane@example.com";
    assertThat(h.columnAt(row, row.indexOf("jane@"))).isEqualTo(2);
    assertThat(h.columnAt(row, row.indexOf("Jane"))).isEqualTo(1);
    assertThat(h.columnAt(row, 0)).isZero();
    assertThat(h.columnAt(row, 1)).isEqualTo(-1);
    assertThat(h.columnAt(row, row.length())).isEqualTo(-1);
  }

  @Test
  void quotedQuotesAndOverlongLines() {
    assertThat(CsvHeader.parse("\"say \"\"hi\"\"\",x").columns()).containsExactly("say \"hi\"", "x");
    assertThatThrownBy(() -> CsvHeader.parse("a,".repeat(CsvHeader.MAX_HEADER_CHARS)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
