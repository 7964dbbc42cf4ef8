package dev.lagotto.agent.cli;

import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Runs each rule's own examples through the real {@link Scanner}, one rule at a time: a match example
 * passes when the rule reports exactly the span {@code find}; a no-match example passes when the rule
 * reports nothing. Stand-in for the engine's own {@code RulePackLoader.verifyExamples} (swap this class
 * for it when it lands). Cost: one scanner build per rule. Stateless.
 */
final class RuleExampleRunner {
  /**
   * One failed example.
   *
   * @param rule the rule id
   * @param example the example text
   * @param why what went wrong
   */
  record Failure(String rule, String example, String why) {}

  /** The outcome of a run. */
  record Outcome(int rules, int examples, List<Failure> failures) {}

  private RuleExampleRunner() {}

  static Outcome run(RulePack pack, ScanSettings settings) {
    ScanSettings all = settings.withCategories(EnumSet.allOf(Category.class));
    List<Failure> failures = new ArrayList<>();
    int examples = 0;
    for (Rule rule : pack.rules()) {
      Scanner scanner;
      try {
        scanner = Scanner.build(new RulePack(List.of(rule)), all);
      } catch (IllegalArgumentException e) {
        failures.add(new Failure(rule.id(), "", "cannot compile: " + e.getMessage()));
        continue;
      }
      for (Rule.MatchExample m : rule.examples().match()) {
        examples++;
        List<String> found = find(scanner, m.text());
        if (!found.contains(m.find())) {
          failures.add(new Failure(rule.id(), m.text(), "expected '" + m.find() + "', found " + found));
        }
      }
      for (Rule.NoMatchExample n : rule.examples().nomatch()) {
        examples++;
        List<String> found = find(scanner, n.text());
        if (!found.isEmpty()) {
          failures.add(new Failure(rule.id(), n.text(), "expected no match (" + n.why() + "), found " + found));
        }
      }
    }
    return new Outcome(pack.size(), examples, failures);
  }

  private static List<String> find(Scanner scanner, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    scanner.scan(Chunk.of(bytes), (rule, start, end, confidence) ->
        found.add(new String(bytes, start, end - start, StandardCharsets.UTF_8)));
    return found;
  }
}
