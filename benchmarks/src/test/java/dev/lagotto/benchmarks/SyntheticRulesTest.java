package dev.lagotto.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic rules fill a pack to the asked size and are found by the real engine where their keyword is. */
class SyntheticRulesTest {
  @Test
  void packHasTheAskedSizeDefaultRulesFirst() throws Exception {
    RulePack base = RulePackLoader.loadDefault();
    RulePack pack = SyntheticRules.pack(base, base.size() + 40);
    assertThat(pack.size()).isEqualTo(base.size() + 40);
    assertThat(pack.rules().subList(0, base.size())).isEqualTo(base.rules());
    assertThat(SyntheticRules.pack(base, 1).rules()).containsExactly(base.rules().get(0));
  }

  @Test
  void indexedEngineFindsASyntheticRuleByItsKeyword() throws Exception {
    RulePack pack = SyntheticRules.pack(RulePackLoader.loadDefault(), 500);
    Scanner scanner = Scanner.build(pack, ScanSettings.DEFAULTS);
    String last = pack.rules().get(pack.size() - 1).id();
    int n = Integer.parseInt(last.substring(SyntheticRules.ID_PREFIX.length()));
    byte[] text = ("req tkn_77_ab12cd34 ok, tkn_77_short, " + SyntheticRules.keyword(n) + "zz99yy88\n")
        .getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    scanner.scan(Chunk.of(text), (rule, s, e, c) -> found.add(rule.id() + "=" + new String(text, s, e - s, StandardCharsets.UTF_8)));
    assertThat(found).containsExactly("synthetic_tkn_77=tkn_77_ab12cd34", last + "=" + SyntheticRules.keyword(n) + "zz99yy88");
  }
}
