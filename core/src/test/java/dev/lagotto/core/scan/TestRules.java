package dev.lagotto.core.scan;

import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePack;
import java.util.List;

/**
 * Rules built in code for engine tests and the throughput harness, among them the nine categories of
 * {@code shared/bench/rules.tsv} written in the rule dialect (boundaries instead of {@code \b}).
 */
public final class TestRules {
  private TestRules() {}

  public static Rule rule(String id, Category category, String pattern, Rule.Boundary boundary, String... keywords) {
    return new Rule(id, category, id, pattern, null, boundary, List.of(keywords), null, List.of(), null, 0.8,
        null, null, "test:" + id);
  }

  public static Rule triggered(String id, Category category, String pattern, Rule.Boundary boundary, String trigger) {
    return new Rule(id, category, id, pattern, null, boundary, List.of(), trigger, List.of(), null, 0.8,
        null, null, "test:" + id);
  }

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
  private static final String H4 = "[0-9A-Fa-f]{1,4}";

  /** The nine reference categories of the benchmark, in the dialect. */
  public static RulePack bench() {
    return new RulePack(List.of(
        rule("email", Category.EMAIL, "[A-Za-z0-9._%+\\-]+(@|%40)[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}",
            Rule.Boundary.WORD, "@", "%40"),
        rule("ipv4", Category.IPV4, "(" + OCTET + "\\.){3}" + OCTET, Rule.Boundary.WORD, "."),
        rule("ipv6", Category.IPV6, "(" + H4 + ":){7}" + H4 + "|" + H4 + ":(:" + H4 + "){1,6}|(" + H4 + ":){1,2}(:"
            + H4 + "){1,5}|(" + H4 + ":){1,3}(:" + H4 + "){1,4}|(" + H4 + ":){1,4}(:" + H4 + "){1,3}|(" + H4
            + ":){1,5}(:" + H4 + "){1,2}|(" + H4 + ":){1,6}:" + H4 + "|(" + H4 + ":){1,7}:|::" + H4 + "(:" + H4
            + "){0,6}", Rule.Boundary.WORD, ":"),
        rule("geo", Category.GEO_COORDINATES, "\"(lat|latitude)\"[ \\t]*:[ \\t]*-?[0-9]{1,2}\\.[0-9]{2,}[ \\t]*,[ \\t]*"
            + "\"(lon|lng|longitude)\"[ \\t]*:[ \\t]*-?[0-9]{1,3}\\.[0-9]{2,}|-?([1-8]?[0-9]|90)\\.[0-9]{3,}[ \\t]*,"
            + "[ \\t]*-?(1[0-7][0-9]|[1-9]?[0-9]|180)\\.[0-9]{3,}", Rule.Boundary.WORD, ","),
        triggered("phone", Category.PHONE, "\\+[1-9][0-9]{7,14}|\\+[1-9][0-9]{0,2}[ .\\-](\\(0\\)[ .\\-]?)?[0-9]{1,4}"
            + "(([ .\\-][0-9]{2,4}){2,4}|[ .\\-][0-9]{5,10})|\\(?[2-9][0-9]{2}\\)?[ .\\-][2-9][0-9]{2}[ .\\-][0-9]{4}"
            + "|0[1-9]([ .][0-9]{2}){4}", Rule.Boundary.WORD, null),
        triggered("card", Category.CREDIT_CARD, "[0-9]([ \\-]?[0-9]){12,18}", Rule.Boundary.WORD, "digit"),
        triggered("iban", Category.IBAN, "[A-Z]{2}[0-9]{2}( ?[A-Z0-9]{4}){2,7}( ?[A-Z0-9]{1,3})?",
            Rule.Boundary.WORD, "upper"),
        rule("ssn", Category.NATIONAL_ID, "(00[1-9]|0[1-9][0-9]|[1-578][0-9]{2}|6[0-57-9][0-9]|66[0-57-9])-"
            + "(0[1-9]|[1-9][0-9])-(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})", Rule.Boundary.WORD, "-"),
        rule("mac", Category.MAC_ADDRESS, "[0-9A-Fa-f]{2}([:\\-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}"
            + "\\.[0-9A-Fa-f]{4}", Rule.Boundary.WORD, ":", "-", ".")));
  }
}
