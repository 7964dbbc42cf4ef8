package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.extract.jdbc.ColumnFinding.Evidence;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import java.sql.Types;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnClassifierTest {
  static final SourceRef SRC = new SourceRef("jdbc", "jdbc:sqlite:x", "h");
  static final ColumnClassifier C = new ColumnClassifier(EnumSet.of(Category.EMAIL, Category.IPV4, Category.PHONE), 0.5);

  static ColumnStats stats(long nonNull, Category c, long matched, double confidence) {
    ColumnStats s = new ColumnStats();
    for (long i = 0; i < nonNull; i++) {
      s.value();
    }
    for (long i = 0; i < matched; i++) {
      s.matched(c, c.id(), confidence, () -> "m***");
    }
    return s;
  }

  @Test
  void nameAndValuesAgree() {
    List<ColumnFinding> f = C.classify(SRC, "t", ColumnInfo.of("t", "email", Types.VARCHAR, "text"),
        stats(100, Category.EMAIL, 100, 0.9), 120, false);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.category()).isEqualTo(Category.EMAIL);
      assertThat(x.confidence()).isEqualTo(1.0);
      assertThat(x.evidence()).containsExactly(Evidence.NAME, Evidence.VALUES);
      assertThat(x.rowsMatched()).isEqualTo(100);
      assertThat(x.rowsNonNull()).isEqualTo(100);
      assertThat(x.rowsSampled()).isEqualTo(120);
      assertThat(x.masked()).isEqualTo("m***");
    });
  }

  @Test
  void sparseValueMatchesInFreeTextAreWeaker() {
    List<ColumnFinding> f = C.classify(SRC, "t", ColumnInfo.of("t", "notes", Types.VARCHAR, "text"),
        stats(100, Category.EMAIL, 10, 0.9), 100, false);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.confidence()).isEqualTo(0.61);
      assertThat(x.evidence()).containsExactly(Evidence.VALUES);
    });
    assertThat(C.classify(SRC, "t", ColumnInfo.of("t", "notes", Types.VARCHAR, "text"), stats(1000, Category.IPV4, 1, 0.8), 1000, false))
        .as("one dotted quad in a thousand notes").isEmpty();
  }

  @Test
  void lookAlikeNamesSuppressValueMatches() {
    assertThat(C.classify(SRC, "t", ColumnInfo.of("t", "app_version", Types.VARCHAR, "text"),
        stats(100, Category.IPV4, 100, 0.8), 100, false)).isEmpty();
  }

  @Test
  void nameOnlyWithoutRulesIsReportedButContradictedNamesAreNot() {
    ColumnInfo first = ColumnInfo.of("t", "first_name", Types.VARCHAR, "text");
    assertThat(C.classify(SRC, "t", first, stats(50, Category.EMAIL, 0, 0), 50, false)).singleElement()
        .satisfies(x -> {
          assertThat(x.category()).isEqualTo(Category.PERSON_NAME);
          assertThat(x.evidence()).containsExactly(Evidence.NAME);
          assertThat(x.confidence()).isEqualTo(ColumnClassifier.NAME_ONLY_CONFIDENCE);
        });
    ColumnInfo mail = ColumnInfo.of("t", "email", Types.VARCHAR, "text");
    assertThat(C.classify(SRC, "t", mail, stats(50, Category.PHONE, 0, 0), 50, false)).as("e-mail rules ran, nothing matched").isEmpty();
    ColumnInfo phone = ColumnInfo.of("t", "phone", Types.VARCHAR, "text");
    assertThat(C.classify(SRC, "t", phone, stats(50, Category.EMAIL, 0, 0), 50, false)).as("phone formats vary: the name stands")
        .singleElement().extracting(ColumnFinding::category).isEqualTo(Category.PHONE);
    assertThat(C.classify(SRC, "t", first, stats(0, Category.EMAIL, 0, 0), 50, false)).as("all null").isEmpty();
  }

  @Test
  void numericColumnsNeedTheNameOrAlmostAllValues() {
    ColumnInfo amount = ColumnInfo.of("t", "reference", Types.BIGINT, "int8");
    assertThat(C.classify(SRC, "t", amount, stats(100, Category.PHONE, 50, 0.8), 100, false)).isEmpty();
    assertThat(C.classify(SRC, "t", amount, stats(100, Category.PHONE, 95, 0.8), 100, false)).hasSize(1);
    assertThat(C.classify(SRC, "t", ColumnInfo.of("t", "email", Types.BIGINT, "int8"), stats(100, Category.EMAIL, 0, 0), 100, false))
        .as("an integer column cannot hold e-mail addresses").isEmpty();
  }
}
