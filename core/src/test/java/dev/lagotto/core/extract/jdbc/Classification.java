package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.extract.jdbc.ColumnFinding.Evidence;
import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.util.EnumSet;
import java.util.Set;

/**
 * The expected classification of {@link SeedData}'s columns, asserted the same way for every database.
 * Value evidence is required for a category exactly when the loaded rule pack has rules for it: with the
 * placeholder pack (email, ipv4) phone, card and name columns are classified by name alone; with the
 * default pack of issue 3 their values must match too.
 */
final class Classification {
  static final byte[] KEY = "lagotto-test-fingerprint-key-0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** An environment without variables. */
  static final java.util.function.UnaryOperator<String> NO_ENV = name -> null;

  private Classification() {}

  private static Scanner scanner;

  /** The default-pack scanner, built once per test JVM (building the indexed engine is not free). */
  static synchronized Scanner scanner() {
    if (scanner == null) {
      try {
        scanner = Scanner.build(RulePackLoader.loadDefault(), ScanSettings.DEFAULTS);
      } catch (RuleLoadException e) {
        throw new IllegalStateException(e);
      }
    }
    return scanner;
  }

  static DatabaseScanner databaseScanner() {
    return new DatabaseScanner(scanner(), new Fingerprinter(KEY), "test-host");
  }

  static Set<Category> categoriesWithRules() {
    Set<Category> s = EnumSet.noneOf(Category.class);
    for (Rule r : scanner().pack().rules()) {
      s.add(r.category());
    }
    return s;
  }

  /** Asserts every seeded column; {@code includesSecret} when the scan user may read the {@code secret} table. */
  static void assertSeeded(RecordingSink sink, JdbcScanSummary summary) {
    Set<Category> rules = categoriesWithRules();
    System.out.println("categories with rules: " + rules + "; column findings:");
    sink.columns.forEach(f -> System.out.println("  " + f.table() + "." + f.column() + " " + f.category() + " "
        + f.confidence() + " " + f.rowsMatched() + "/" + f.rowsSampled() + " " + f.evidence() + " " + f.masked()));
    sink.skipped.forEach(s -> System.out.println("  skipped " + s));

    expect(sink, rules, "customer", "email", Category.EMAIL, true, true);
    expect(sink, rules, "customer", "first_name", Category.PERSON_NAME, true, true);
    expect(sink, rules, "customer", "last_name", Category.PERSON_NAME, true, true);
    expect(sink, rules, "customer", "phone", Category.PHONE, true, true);
    expect(sink, rules, "customer", "card_number", Category.CREDIT_CARD, true, true);
    expect(sink, rules, "customer", "last_login_ip", Category.IPV4, true, true);
    expect(sink, rules, "customer", "dob", Category.DATE_OF_BIRTH, true, false);
    expect(sink, rules, "customer", "notes", Category.EMAIL, false, true);
    expect(sink, rules, "customer", "profile", Category.EMAIL, false, true);
    expect(sink, rules, "audit_log", "client_ip", Category.IPV4, true, true);
    expect(sink, rules, "audit_log", "message", Category.EMAIL, false, true);
    assertThat(sink.of("audit_log", "message")).extracting(ColumnFinding::category).contains(Category.IPV4);
    expect(sink, rules, "contact", "mobile", Category.PHONE, true, true);

    ColumnFinding geo = only(sink, "customer", "lat,lng");
    assertThat(geo.category()).isEqualTo(Category.GEO_COORDINATES);
    assertThat(geo.evidence()).containsExactly(Evidence.NAME, Evidence.VALUES);
    assertThat(geo.rowsMatched()).isEqualTo(SeedData.ROWS);
    assertThat(only(sink, "contact", "home_latitude,home_longitude").category()).isEqualTo(Category.GEO_COORDINATES);
    assertThat(sink.of("customer", "lat")).as("paired columns are reported as the pair only").isEmpty();

    assertThat(sink.of("customer", "email").get(0).rowsMatched()).isEqualTo(SeedData.ROWS);
    assertThat(sink.of("customer", "email").get(0).rowsSampled()).isEqualTo(SeedData.ROWS);
    assertThat(sink.of("customer", "email").get(0).masked()).doesNotContain("alice").isNotBlank();
    assertThat(sink.of("customer", "notes").get(0).rowsMatched()).isEqualTo(SeedData.ROWS / 10);

    assertThat(sink.of("orders")).as("look-alike columns (order numbers, SKUs, hashes, versions) are not personal data").isEmpty();
    assertThat(sink.of("product")).as("product names are not person names").isEmpty();
    assertThat(sink.of("customer", "id")).isEmpty();
    assertThat(sink.of("customer", "created_at")).isEmpty();
    assertThat(sink.of("customer", "avatar")).isEmpty();
    assertThat(summary.binaryColumnsSkipped()).as("customer.avatar").isGreaterThanOrEqualTo(1);
    assertThat(summary.rowsScanned()).isGreaterThanOrEqualTo(5L * SeedData.ROWS);
    assertThat(sink.columns).allSatisfy(f -> {
      assertThat(f.source().kind()).isEqualTo("jdbc");
      assertThat(f.confidence()).isBetween(ScanSettings.DEFAULT_MIN_CONFIDENCE, 1.0);
    });
  }

  /**
   * Asserts that {@code table.column}'s top finding is {@code category}, with name evidence when
   * {@code byName}, and value evidence when {@code byValues} and the pack has rules for the category.
   */
  static void expect(RecordingSink sink, Set<Category> rules, String table, String column, Category category,
      boolean byName, boolean byValues) {
    ColumnFinding f = sink.top(table, column).orElseThrow(() -> new AssertionError("no finding for " + table + "." + column));
    assertThat(f.category()).as(table + "." + column).isEqualTo(category);
    if (byName) {
      assertThat(f.evidence()).as(table + "." + column + " evidence").contains(Evidence.NAME);
    } else {
      assertThat(f.evidence()).as(table + "." + column + " evidence").doesNotContain(Evidence.NAME);
    }
    if (byValues && rules.contains(category)) {
      assertThat(f.evidence()).as(table + "." + column + " evidence (the pack has " + category + " rules)").contains(Evidence.VALUES);
      assertThat(f.rowsMatched()).as(table + "." + column + " rows matched").isPositive();
      assertThat(f.masked()).isNotNull();
    } else {
      assertThat(f.evidence()).as(table + "." + column + " evidence").containsExactly(Evidence.NAME);
    }
  }

  static ColumnFinding only(RecordingSink sink, String table, String column) {
    assertThat(sink.of(table, column)).as(table + "." + column).hasSize(1);
    return sink.of(table, column).get(0);
  }
}
