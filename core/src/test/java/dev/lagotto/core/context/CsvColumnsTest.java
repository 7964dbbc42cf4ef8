package dev.lagotto.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.extract.ChunkedReader;
import dev.lagotto.core.extract.TextMatchSink;
import dev.lagotto.core.extract.TextScanner;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CsvColumnsTest {
  private static Scanner dob;

  @BeforeAll
  static void engine() throws Exception {
    dob = Scanner.build(RulePackLoader.loadDefault(),
        ScanSettings.DEFAULTS.withCategories(EnumSet.of(Category.DATE_OF_BIRTH)));
  }

  /** The header name of the column of {@code value}'s first occurrence after {@code after}, or null. */
  private static String column(String text, String after, String value, CsvColumns stream) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    int start = text.indexOf(value, text.indexOf(after));
    String[] name = {null};
    boolean found = CsvColumns.columnNamed(b, 0, start, stream, (bytes, from, to) -> {
      name[0] = new String(bytes, from, to - from, StandardCharsets.UTF_8);
      return true;
    });
    assertThat(found).isEqualTo(name[0] != null);
    return name[0];
  }

  @Test
  void anEmbeddedHeaderAFewRowsAboveNamesTheColumn() {
    String text = "2024-03-15 INFO export\nid,first_name,\"Date of Birth\",city\n1,Jane,1990-04-12,Leeds\n"
        + "2,John,1985-12-04,York\n";
    assertThat(column(text, "2,John", "1985-12-04", null)).isEqualTo("\"Date of Birth\"");
    assertThat(column(text, "2,John", "John", null)).isEqualTo("first_name");
    assertThat(column(text, "1,Jane", "Leeds", null)).isEqualTo("city");
  }

  @Test
  void tabsSemicolonsAndQuotedDelimitersAreColumns() {
    assertThat(column("id\tdob\tcity\n7\t1985-12-04\tLeeds\n", "7\t", "1985", null)).isEqualTo("dob");
    assertThat(column("id;name;dob\n7;\"Roe; Jane\";1985-12-04\n", "7;", "1985", null)).isEqualTo("dob");
  }

  @Test
  void noColumnWithoutADelimiterBeforeOrWithoutAHeader() {
    String rows = "id,first_name,dob\n1,Jane,1990-04-12 x\n";
    assertThat(column(rows, "1,", "1990", null)).isEqualTo("dob");
    assertThat(column("a b 1990-04-12\n", "a", "1990", null)).isNull();
    assertThat(column("log,line,here\n1,2,1990-04-12\n", "1,", "1990", null)).isEqualTo("here");
    assertThat(column("{\"a\":1,\"b\":2}\n{\"a\":1,\"b\":2,1990-04-12}\n", "{\"a\":1,\"b\":2,1", "1990", null)).isNull();
    assertThat(column("id,name,dob\n1,Jane\n2,Jane,1990-04-12\n", "2,", "1990", null)).isNull();
    assertThat(column("id,first_name,dob\n" + "1,x,y\n".repeat(20) + "2,Jane,1990-04-12\n", "2,", "1990", null))
        .isNull();
  }

  @Test
  void theStreamHeaderServesRowsFarBelowAndTheFirstColumn() {
    byte[] first = "dob,id,city\n".getBytes(StandardCharsets.UTF_8);
    CsvColumns header = CsvColumns.firstLine(first, 0, first.length);
    assertThat(header).isNotNull();
    assertThat(header.size()).isEqualTo(3);
    String far = "x".repeat(5000) + "\n1990-04-12,7,Leeds\n";
    assertThat(column(far, "\n", "1990", header)).isEqualTo("dob");
    assertThat(column(far, "\n", "Leeds", header)).isEqualTo("city");
    assertThat(column(far, "\n", "1990", null)).isNull();
  }

  @Test
  void aFirstLineIsAHeaderOnlyWhenEveryFieldIsAName() {
    assertThat(header("id,email,created_at\n1,a,b\n")).isNotNull();
    assertThat(header("2024-03-15 INFO started, ok, done\n")).isNull();
    assertThat(header("id,email\n1,a\n")).isNull();
    assertThat(header("id,email,created_at")).isNull();
    assertThat(header("jane@example.com,roe,x\n")).isNull();
  }

  private static CsvColumns header(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return CsvColumns.firstLine(b, 0, b.length);
  }

  @Test
  void aCsvFileScannedInSmallChunksFindsEveryBirthDateOfItsDobColumn() throws IOException {
    StringBuilder csv = new StringBuilder("id,dob,city,created\n");
    int rows = 400;
    for (int i = 0; i < rows; i++) {
      csv.append(i).append(",19").append(50 + i % 50).append("-04-12,Leeds,2024-03-15\n");
    }
    byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(data.length).isGreaterThan(8 * 1024);
    assertThat(birthDates(data, 2048, 1024)).hasSize(rows).allMatch(s -> s.startsWith("19"));
    assertThat(birthDates(data, ChunkedReader.DEFAULT_CHUNK_SIZE, ChunkedReader.DEFAULT_OVERLAP)).hasSize(rows);
    byte[] noHeader = csv.substring(csv.indexOf("\n") + 1).getBytes(StandardCharsets.UTF_8);
    assertThat(birthDates(noHeader, 2048, 1024)).isEmpty();
  }

  @Test
  void nameColumnsOfTheDefaultPackTakeApostrophesMcPrefixesAndHyphens() throws Exception {
    Scanner names = Scanner.build(RulePackLoader.loadDefault(),
        ScanSettings.DEFAULTS.withCategories(EnumSet.of(Category.PERSON_NAME)));
    byte[] data = "id\tGiven Name\tFamily Name\tcity\n1\tSiobhan\tO'Brien\tCork\n2\tJean-Luc\tMcCarthy\tParis\n"
        .getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    names.scan(dev.lagotto.core.scan.Chunk.of(data),
        (rule, start, end, confidence) -> found.add(new String(data, start, end - start, StandardCharsets.UTF_8)));
    assertThat(found).containsExactly("Siobhan", "O'Brien", "Jean-Luc", "McCarthy");
  }

  private static List<String> birthDates(byte[] data, int chunkSize, int overlap) throws IOException {
    List<String> found = new ArrayList<>();
    new TextScanner(dob, new ChunkedReader(chunkSize, overlap)).scan(new ByteArrayInputStream(data),
        new TextMatchSink() {
          @Override
          public void match(Rule rule, double confidence, byte[] bytes, int start, int end, long line, long column,
              long offset) {
            found.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
          }

          @Override
          public void scanned(long bytes) {
          }
        });
    return found;
  }
}
