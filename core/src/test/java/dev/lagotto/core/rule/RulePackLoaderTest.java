package dev.lagotto.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lagotto.core.scan.ScanSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict loader: every defect names file, line and reason; examples run through the real scanner. */
class RulePackLoaderTest {
  @TempDir Path dir;

  private static final String GOOD = """
      id: mail
      category: email
      description: E-mail address.
      pattern: '[a-z.]+(@|%40)[a-z]+\\.[a-z]{2,}'
      boundary: word
      keywords: ['@', '%40']
      confidence: 0.9
      exclude: {values: [root@example.com]}
      examples:
        match:
          - {text: 'Contact: jane.doe@example.com', find: 'jane.doe@example.com'}
          - {text: 'to=jane%40example.org', find: 'jane%40example.org'}
        nomatch:
          - {text: 'ssh admin@localhost', why: 'no dotted domain'}
          - {text: 'root@example.com', why: 'excluded'}
      """;

  private Path write(String name, String yaml) throws Exception {
    Path p = dir.resolve(name + ".yaml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void loadsAGoodRule() throws Exception {
    write("mail", GOOD);
    RulePack pack = RulePackLoader.load(dir);
    Rule r = pack.get("mail").orElseThrow();
    assertThat(r.category()).isEqualTo(Category.EMAIL);
    assertThat(r.keywords()).containsExactly("@", "%40");
    assertThat(r.confidence()).isEqualTo(0.9);
    assertThat(r.examples().match()).hasSize(2);
    assertThat(RulePackLoader.verifyExamples(pack, ScanSettings.DEFAULTS)).isEmpty();
  }

  @Test
  void theDefaultPackLoadsStrictly() throws Exception {
    RulePack pack = RulePackLoader.loadDefault();
    assertThat(pack.size()).isGreaterThan(0);
    assertThat(pack.rules()).allSatisfy(r -> assertThat(r.origin()).startsWith("classpath:"));
  }

  @Test
  void theDefaultPackIsReadOncePerProcessAndSharedAcrossThreads() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<RulePack>> reads = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        reads.add(pool.submit(RulePackLoader::loadDefault));
      }
      RulePack first = RulePackLoader.loadDefault();
      for (java.util.concurrent.Future<RulePack> read : reads) {
        assertThat(read.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsAnUnknownFieldWithItsLine() throws Exception {
    write("mail", GOOD.replace("confidence: 0.9", "confidence: 0.9\nseverity: high"));
    assertRejected("mail.yaml:8", "severity");
  }

  @Test
  void rejectsBadValuesWithTheirLines() throws Exception {
    write("mail", GOOD.replace("category: email", "category: emails"));
    assertRejected("mail.yaml:2", "unknown category 'emails'");
    write("mail", GOOD.replace("boundary: word", "boundary: edge"));
    assertRejected("mail.yaml:5", "unknown boundary 'edge'");
    write("mail", GOOD.replace("confidence: 0.9", "confidence: 1.5"));
    assertRejected("mail.yaml:7", "not in 0..1");
    write("mail", GOOD.replace("id: mail", "id: other"));
    assertRejected("mail.yaml:1", "differs from the file name");
  }

  @Test
  void readsNegativeSuffixesAndRejectsOnesOutsideTheDialect() throws Exception {
    write("mail", GOOD.replace("confidence: 0.9", "confidence: 0.9\ncontext: {negative_suffix: ['-[0-9]+']}"));
    assertThat(RulePackLoader.load(dir).get("mail").orElseThrow().context().negativeSuffix()).containsExactly("-[0-9]+");
    write("mail", GOOD.replace("confidence: 0.9", "confidence: 0.9\ncontext:\n  negative_suffix:\n    - '-[0-9]+'\n    - '(?<=x)-1'"));
    assertRejected("mail.yaml:11", "negative_suffix 1");
  }

  @Test
  void rejectsPatternsOutsideTheDialect() throws Exception {
    write("mail", GOOD.replace("'[a-z.]+(@|%40)", "'\\b[a-z.]+(@|%40)"));
    assertRejected("mail.yaml:4", "boundary:");
    write("mail", GOOD.replace("'[a-z.]+(@|%40)", "'(?<=x)[a-z.]+(@|%40)"));
    assertRejected("mail.yaml:4", "lookaround");
  }

  @Test
  void rejectsKeywordsThatMissMatchesAndUnknownNames() throws Exception {
    write("mail", GOOD.replace("keywords: ['@', '%40']", "keywords: ['@']"));
    assertRejected("mail.yaml:6", "keywords");
    write("mail", GOOD.replace("confidence: 0.9", "confidence: 0.9\nvalidators: [no_such_validator]"));
    assertRejected("mail.yaml:8", "unknown validator 'no_such_validator'");
    write("mail", GOOD.replace("pattern: '[a-z.]+(@|%40)[a-z]+\\.[a-z]{2,}'", "matcher: no_such_matcher")
        .replace("keywords: ['@', '%40']\n", ""));
    assertRejected("mail.yaml:4", "unknown matcher 'no_such_matcher'");
    write("mail", GOOD.replace("keywords: ['@', '%40']", "trigger: sparkle"));
    assertRejected("mail.yaml:6", "unknown trigger 'sparkle'");
  }

  @Test
  void rejectsMissingFieldsAndTooFewExamples() throws Exception {
    write("mail", GOOD.replace("description: E-mail address.\n", ""));
    assertRejected("mail.yaml", "missing field 'description'");
    write("mail", GOOD.replace("    - {text: 'root@example.com', why: 'excluded'}\n", ""));
    assertRejected("mail.yaml", "at least 2 match and 2 no-match");
    write("mail", GOOD.replace("pattern:", "matcher: names\npattern:"));
    assertRejected("mail.yaml", "exactly one of 'pattern' and 'matcher'");
  }

  @Test
  void rejectsMalformedYamlAndDuplicateKeys() throws Exception {
    write("mail", GOOD.replace("boundary: word", "boundary: word\nboundary: none"));
    assertRejected("mail.yaml:6", "boundary");
    write("mail", GOOD.replace("examples:", "examples: ["));
    assertRejected("mail.yaml", "");
  }

  @Test
  void rejectsUnknownNestedFieldsAndValuesOfTheWrongKindWithTheirLines() throws Exception {
    write("mail", GOOD.replace("exclude: {values: [root@example.com]}", "exclude: {values: [root@example.com], hosts: [a]}"));
    assertRejected("mail.yaml:8", "unknown field 'hosts' (known: values, patterns)");
    write("mail", GOOD.replace("why: 'no dotted domain'", "because: 'no dotted domain'"));
    assertRejected("mail.yaml:14", "unknown field 'because'");
    write("mail", GOOD.replace("keywords: ['@', '%40']", "keywords: '@'"));
    assertRejected("mail.yaml:6", "keywords: expected a list");
    write("mail", GOOD.replace("pattern: '", "pattern: ['").replace("{2,}'", "{2,}']"));
    assertRejected("mail.yaml:4", "pattern: expected text");
    write("mail", GOOD.replace("confidence: 0.9", "confidence: high"));
    assertRejected("mail.yaml:7", "confidence: expected a number");
    write("mail", GOOD.replace("confidence: 0.9", "confidence: 0.9\ncontext: {window: 4.5}"));
    assertRejected("mail.yaml:8", "window: expected a whole number");
    write("mail", GOOD.replace("confidence: 0.9", "confidence: 0.9\ncase_insensitive: maybe"));
    assertRejected("mail.yaml:8", "case_insensitive: expected true or false");
    write("mail", GOOD.replace("examples:", "examples: [1]\nx:"));
    assertRejected("mail.yaml:9", "examples: expected a mapping");
    write("mail", GOOD + "---\n" + GOOD);
    assertRejected("mail.yaml:17", "more than one YAML document");
    write("mail", "- id: mail\n");
    assertRejected("mail.yaml:1", "a rule file must be a mapping");
  }

  @Test
  void readsScalarsAsTextAndQuotedNumbersAsNumbers() throws Exception {
    write("mail", GOOD.replace("confidence: 0.9", "confidence: '0.9'\ncontext: {words: [mail, 2], window: '30', required: 'false'}"));
    Rule r = RulePackLoader.load(dir).get("mail").orElseThrow();
    assertThat(r.confidence()).isEqualTo(0.9);
    assertThat(r.context().words()).containsExactly("mail", "2");
    assertThat(r.context().window()).isEqualTo(30);
    assertThat(r.context().required()).isFalse();
    write("mail", GOOD.replace("confidence: 0.9", "confidence: ~\nvalidators: ~"));
    r = RulePackLoader.load(dir).get("mail").orElseThrow();
    assertThat(r.confidence()).isEqualTo(RulePackLoader.DEFAULT_CONFIDENCE);
    assertThat(r.validators()).isEmpty();
  }

  @Test
  void rejectsARuleWhoseExamplesFail() throws Exception {
    write("mail", GOOD.replace("find: 'jane.doe@example.com'", "find: 'doe@example.com'"));
    assertRejected("mail.yaml:11", "expected to find 'doe@example.com'");
    write("mail", GOOD.replace("{text: 'ssh admin@localhost'", "{text: 'ssh admin@example.net'"));
    assertRejected("mail.yaml:14", "no-match example 0");
  }

  @Test
  void caseInsensitiveRulesMatchBothCases() throws Exception {
    write("cookie", """
        id: cookie
        category: session_id
        description: Session cookie.
        pattern: 'jsessionid=[a-z0-9]{8,}'
        keywords: ['jsessionid=']
        case_insensitive: true
        examples:
          match:
            - {text: 'Cookie: JSESSIONID=A1B2C3D4E5', find: 'JSESSIONID=A1B2C3D4E5'}
            - {text: 'url;jsessionid=abcdef1234', find: 'jsessionid=abcdef1234'}
          nomatch:
            - {text: 'JSESSIONID=short', why: 'too short'}
            - {text: 'sessionid=abcdef1234', why: 'other key'}
        """);
    assertThat(RulePackLoader.load(dir).get("cookie").orElseThrow().caseInsensitive()).isTrue();
  }

  private void assertRejected(String where, String reason) {
    assertThatThrownBy(() -> RulePackLoader.load(dir)).isInstanceOf(RuleLoadException.class)
        .hasMessageContaining(where).hasMessageContaining(reason);
  }
}
