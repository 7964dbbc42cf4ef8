package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the reference rule set ({@code id<TAB>name<TAB>regex} per line) and maps its rule names to Lagotto
 * categories. The nine categories it covers are {@link #BENCH_CATEGORIES}: what {@code --categories} restricts
 * Lagotto to when it is compared with ripgrep and {@code java.util.regex}.
 */
public final class ReferenceRules {
  /** The categories of the reference rules, in the order of {@code rules.tsv}. */
  public static final Set<Category> BENCH_CATEGORIES = Collections.unmodifiableSet(EnumSet.of(
      Category.EMAIL, Category.IPV4, Category.IPV6, Category.GEO_COORDINATES, Category.PHONE,
      Category.CREDIT_CARD, Category.IBAN, Category.NATIONAL_ID, Category.MAC_ADDRESS));

  private static final Map<String, Category> CATEGORY_BY_NAME = Map.of(
      "email", Category.EMAIL, "ipv4", Category.IPV4, "ipv6", Category.IPV6, "geo", Category.GEO_COORDINATES,
      "phone", Category.PHONE, "credit_card", Category.CREDIT_CARD, "iban", Category.IBAN,
      "us_ssn", Category.NATIONAL_ID, "mac", Category.MAC_ADDRESS);
  private static final int FIELDS = 3;

  private ReferenceRules() {}

  /** The rules of the {@code rules.tsv} found by {@link Corpora#rulesTsv()}. */
  public static List<ReferenceRule> load() throws IOException {
    return load(Corpora.rulesTsv());
  }

  /** The rules of {@code tsv}; fails naming the line of a malformed row or an unknown rule name. */
  public static List<ReferenceRule> load(Path tsv) throws IOException {
    List<ReferenceRule> rules = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", FIELDS);
      if (f.length != FIELDS) {
        throw new IOException(tsv + ":" + (i + 1) + ": expected id<TAB>name<TAB>regex");
      }
      Category category = CATEGORY_BY_NAME.get(f[1]);
      if (category == null) {
        throw new IOException(tsv + ":" + (i + 1) + ": unknown rule name '" + f[1] + "' (known: "
            + CATEGORY_BY_NAME.keySet() + ")");
      }
      rules.add(new ReferenceRule(rules.size(), f[1], f[2], category));
    }
    if (rules.isEmpty()) {
      throw new IOException(tsv + ": no rules");
    }
    return List.copyOf(rules);
  }
}
