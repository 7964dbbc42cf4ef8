package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
  @TempDir
  Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir.resolve("home"));
  }

  private Path pack(String name, String matchText, String find) throws IOException {
    Path rules = Files.createDirectories(dir.resolve(name));
    Files.writeString(rules.resolve("order_email.yaml"), String.join("\n",
        "id: order_email",
        "category: email",
        "description: Order desk addresses.",
        "pattern: 'orders-[a-z]+@example\\.com'",
        "boundary: word",
        "keywords: ['orders-']",
        "confidence: 0.9",
        "examples:",
        "  match:",
        "    - {text: '" + matchText + "', find: '" + find + "'}",
        "    - {text: 'cc orders-eu@example.com', find: 'orders-eu@example.com'}",
        "  nomatch:",
        "    - {text: 'orders@example.com', why: 'no desk name'}",
        "    - {text: 'orders-eu at example.com', why: 'not an address'}",
        ""));
    return rules;
  }

  @Test
  void listShowsEveryRuleOfThePack() {
    CliHarness.Result r = cli.run("rules", "list", "--rules", CliHarness.testPack().toString(), "--rules-mode", "replace");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).containsPattern("(?m)^email\\s+email\\s+0\\.90\\s+E-mail address \\(test pack");
    assertThat(r.out()).containsPattern("(?m)^ipv4\\s+ipv4\\s+0\\.80\\s");
    assertThat(r.out().lines()).hasSize(2);
    CliHarness.Result defaults = cli.run("rules", "list");
    assertThat(defaults.code()).isEqualTo(ExitCodes.OK);
    assertThat(defaults.out()).containsPattern("(?m)^email\\s+email\\s");
  }

  @Test
  void listIncludesUserRules() throws IOException {
    CliHarness.Result r = cli.run("rules", "list", "--rules", pack("p", "to orders-us@example.com", "orders-us@example.com").toString());
    assertThat(r.out()).contains("order_email", "email ");
  }

  @Test
  void showPrintsTheRuleWithItsExamplesAndRejectsUnknownIds() {
    CliHarness.Result r = cli.run("rules", "show", "email");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("id:          email", "category:    email", "match:", "nomatch:", "example.");
    CliHarness.Result unknown = cli.run("rules", "show", "shoe_size");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("unknown rule 'shoe_size'");
  }

  @Test
  void testPassesAGoodPackAndFailsABadExampleNamingRuleExampleAndWhy() throws IOException {
    CliHarness.Result good = cli.run("rules", "test", pack("good", "to orders-us@example.com", "orders-us@example.com").toString());
    assertThat(good.code()).as(good.out()).isEqualTo(ExitCodes.OK);
    assertThat(good.out()).contains("1 rules, 4 examples, 0 failed");

    CliHarness.Result bad = cli.run("rules", "test", pack("bad", "to orders-us@example.net", "orders-us@example.net").toString());
    assertThat(bad.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(bad.out()).startsWith("FAIL ").contains("order_email", "'to orders-us@example.net'", "found []", "FAILED");
  }

  @Test
  void testOfAMissingDirectoryIsAUsageError() {
    CliHarness.Result r = cli.run("rules", "test", dir.resolve("nowhere").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("nowhere");
  }

  @Test
  void noSubcommandIsAUsageError() {
    assertThat(cli.run("rules").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run().code()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("--version").out()).startsWith("lagotto ");
  }
}
