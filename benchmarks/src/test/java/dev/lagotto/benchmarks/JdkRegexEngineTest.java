package dev.lagotto.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.rule.Category;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDK baseline counts the reference rules' matches, per rule, in both shapes. */
class JdkRegexEngineTest {
  private static final String TEXT = String.join("\n",
      "login jane.doe@example.com from 192.0.2.10 port 22",
      "card 4111 1111 1111 1111 iban GB82 WEST 1234 5698 7654 32",
      "version 1.2.3.4 ssn 123-45-6789 mac 00:1a:2b:3c:4d:5e",
      "phone +1 415 555 0199 ipv6 2001:db8::1",
      "");

  @Test
  void readsTheNineReferenceRules() throws Exception {
    List<ReferenceRule> rules = ReferenceRules.load();
    assertThat(rules).extracting(ReferenceRule::name)
        .containsExactly("email", "ipv4", "ipv6", "geo", "phone", "credit_card", "iban", "us_ssn", "mac");
    assertThat(rules).extracting(ReferenceRule::category).containsExactlyInAnyOrderElementsOf(ReferenceRules.BENCH_CATEGORIES);
    assertThat(rules.get(7).category()).isEqualTo(Category.NATIONAL_ID);
  }

  @Test
  void alternationAndPerRuleCountTheSameMatchesWhereRulesDoNotOverlap() throws Exception {
    List<ReferenceRule> rules = ReferenceRules.load();
    String text = JdkRegexEngine.text(TEXT.getBytes(StandardCharsets.UTF_8), 0, TEXT.length());
    long[] alternation = new long[rules.size()];
    long[] perRule = new long[rules.size()];

    long altTotal = new JdkRegexEngine(rules, JdkRegexEngine.Mode.ALTERNATION).count(text, alternation);
    long perRuleTotal = new JdkRegexEngine(rules, JdkRegexEngine.Mode.PER_RULE).count(text, perRule);

    // email, ipv4 x2 (the version number is a known false positive), ipv6, phone, card, iban, ssn, mac
    assertThat(alternation).containsExactly(1, 2, 1, 0, 1, 1, 1, 1, 1);
    assertThat(altTotal).isEqualTo(9);
    // alone, credit_card also matches the digits inside the spaced IBAN, which the alternation gives to iban
    assertThat(perRule).containsExactly(1, 2, 1, 0, 1, 2, 1, 1, 1);
    assertThat(perRuleTotal).isEqualTo(10);
  }
}
