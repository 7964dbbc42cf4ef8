package dev.lagotto.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;

/** The pattern dialect against java.util.regex (a differential oracle), and its rejections. */
class PatternDialectTest {
  private static final int PATTERNS = 800;
  private static final int INPUTS_PER_PATTERN = 40;
  private static final String INPUT_ALPHABET = "abcAB1-. _\n\r";

  @Test
  void randomPatternsAgreeWithJavaRegexOnRandomAsciiInputs() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("PatternDialectTest seed: -Dtests.seed=" + seed);
    Random random = new Random(seed);
    int tooComplex = 0;
    for (int i = 0; i < PATTERNS; i++) {
      String regex = alternation(random, 2);
      boolean ci = random.nextInt(5) == 0;
      Pattern java = Pattern.compile(regex, ci ? Pattern.CASE_INSENSITIVE : 0);
      Automaton ours;
      try {
        ours = PatternCompiler.language(regex, ci);
      } catch (PatternException e) {
        assertThat(e.getMessage()).as("seed %d, pattern %s", seed, regex).contains("too complex");
        tooComplex++;
        continue;
      }
      CompiledPattern compiled = null;
      try {
        compiled = PatternCompiler.compile(regex, ci);
      } catch (PatternException e) {
        assertThat(e.getMessage()).as("seed %d, pattern %s", seed, regex).containsAnyOf("empty string", "nothing");
      }
      for (int k = 0; k < INPUTS_PER_PATTERN; k++) {
        String input = k == 0 ? "" : randomInput(random, java, k);
        boolean expected = java.matcher(input).matches();
        assertThat(ours.getNumStates() > 0 && Operations.run(ours, input))
            .as("seed %d, pattern /%s/ ci=%s on \"%s\"", seed, regex, ci, input).isEqualTo(expected);
        if (compiled != null) {
          byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
          assertThat(compiled.matchesWhole(bytes, 0, bytes.length))
              .as("seed %d, pattern /%s/ on \"%s\"", seed, regex, input).isEqualTo(expected);
        }
      }
    }
    assertThat(tooComplex).as("patterns rejected as too complex, seed %d", seed).isLessThan(PATTERNS / 50);
  }

  /** Half the inputs are built to be near-matches: random edits of a string that matched earlier. */
  private static String randomInput(Random random, Pattern java, int k) {
    int length = random.nextInt(9);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(INPUT_ALPHABET.charAt(random.nextInt(k % 2 == 0 ? 6 : INPUT_ALPHABET.length())));
    }
    return sb.toString();
  }

  private static String alternation(Random random, int depth) {
    int n = random.nextInt(4) == 0 ? 2 : 1;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append('|');
      }
      sb.append(sequence(random, depth));
    }
    return sb.toString();
  }

  private static String sequence(Random random, int depth) {
    int n = 1 + random.nextInt(3);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(atom(random, depth));
      switch (random.nextInt(10)) {
        case 0 -> sb.append('?');
        case 1 -> sb.append('*');
        case 2 -> sb.append('+');
        case 3 -> sb.append('{').append(random.nextInt(3)).append('}');
        case 4 -> sb.append('{').append(random.nextInt(2)).append(",}");
        case 5 -> {
          int m = random.nextInt(3);
          sb.append('{').append(m).append(',').append(m + random.nextInt(3)).append('}');
        }
        default -> { }
      }
    }
    return sb.toString();
  }

  private static final String[] ATOMS = {
      "a", "b", "c", "A", "1", "\\-", "\\.", "-", "_", " ", "[ab]", "[^a]", "[a-c]", "[A-Ba]", "[^\\d]",
      "[\\w.]", "[-a]", "[a-]", "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", ".", "\\n", "\\t", "\\x41", "[\\s1]"};

  private static String atom(Random random, int depth) {
    int pick = random.nextInt(depth > 0 ? ATOMS.length + 4 : ATOMS.length);
    if (pick < ATOMS.length) {
      return ATOMS[pick];
    }
    String inner = alternation(random, depth - 1);
    return random.nextBoolean() ? "(" + inner + ")" : "(?:" + inner + ")";
  }

  @Test
  void nonAsciiLiteralsStandForTheirUtf8Bytes() {
    CompiledPattern p = PatternCompiler.compile("[0-9]{1,2}°[0-9]{1,2}'", false);
    byte[] bytes = "48°51'".getBytes(StandardCharsets.UTF_8);
    assertThat(p.matchesWhole(bytes, 0, bytes.length)).isTrue();
    assertThat(p.longestMatch(bytes, 0, bytes.length, bytes.length, null)).isEqualTo(bytes.length);
    CompiledPattern cls = PatternCompiler.compile("[°x]", false);
    byte[] degree = "°".getBytes(StandardCharsets.UTF_8);
    assertThat(cls.matchesWhole(degree, 0, degree.length)).isTrue();
  }

  @Test
  void reportsMaxLengthStartAndTokenBytes() {
    CompiledPattern p = PatternCompiler.compile("[1-9][0-9]{0,2}\\.x", false);
    assertThat(p.maxLength()).isEqualTo(5);
    assertThat(p.canStartWith('1')).isTrue();
    assertThat(p.canStartWith('0')).isFalse();
    assertThat(p.isTokenByte('.')).isTrue();
    assertThat(p.isTokenByte('y')).isFalse();
    assertThat(PatternCompiler.compile("a+", false).maxLength()).isEqualTo(CompiledPattern.UNBOUNDED);
  }

  @Test
  void rejectsWhatTheDialectLeavesOut() {
    assertRejected("a\\bc", "boundary");
    assertRejected("(a)\\1", "backreference");
    assertRejected("(?=a)b", "lookaround");
    assertRejected("(?<!a)b", "lookaround");
    assertRejected("^ab", "anchor");
    assertRejected("ab$", "anchor");
    assertRejected("a*?", "lazy");
    assertRejected("a++", "possessive");
    assertRejected("(?i)ab", "case_insensitive");
    assertRejected("(?<n>a)", "named");
    assertRejected("a{2", "quantifier");
    assertRejected("[a-", "unclosed");
    assertRejected("(ab", "unclosed");
    assertRejected("ab)", "unmatched");
    assertRejected("*a", "nothing to repeat");
    assertRejected("\\p{L}", "Unicode");
    assertRejected("[[a]]", "nested");
    assertRejected("\\q", "unknown escape");
    assertRejected("a{5,2}", "max < min");
    assertRejected("a{1001}", "exceeds");
  }

  @Test
  void rejectsEmptyAndImpossiblePatterns() {
    assertThatThrownBy(() -> PatternCompiler.compile("a?", false)).hasMessageContaining("empty string");
  }

  @Test
  void keywordProofAcceptsOnlyKeywordsInEveryMatch() {
    CompiledPattern email = PatternCompiler.compile("[a-z]+(@|%40)[a-z]+\\.[a-z]{2,}", false);
    assertThat(PatternCompiler.everyMatchContains(email, java.util.List.of("@", "%40"), false)).isTrue();
    assertThat(PatternCompiler.everyMatchContains(email, java.util.List.of("@"), false)).isFalse();
    CompiledPattern cookie = PatternCompiler.compile("[Cc][Oo][Oo][Kk][Ii][Ee]: [a-z]+", false);
    assertThat(PatternCompiler.everyMatchContains(cookie, java.util.List.of("cookie:"), true)).isTrue();
    assertThat(PatternCompiler.everyMatchContains(cookie, java.util.List.of("cookie:"), false)).isFalse();
  }

  @Test
  void keywordReachIsTheLargestOffsetOfTheFirstKeyword() {
    CompiledPattern mac = PatternCompiler.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}", false);
    assertThat(KeywordProofs.maxFirstKeywordOffset(mac, java.util.List.of(":"))).isEqualTo(2);
    CompiledPattern ipv4 = PatternCompiler.compile("([0-9]{1,3}\\.){3}[0-9]{1,3}", false);
    assertThat(KeywordProofs.maxFirstKeywordOffset(ipv4, java.util.List.of("."))).isEqualTo(3);
    CompiledPattern email = PatternCompiler.compile("[a-z]+@[a-z]+", false);
    assertThat(KeywordProofs.maxFirstKeywordOffset(email, java.util.List.of("@"))).isEqualTo(CompiledPattern.UNBOUNDED);
  }

  @Test
  void contextTablesAndOffsetsComeFromTheAutomaton() {
    CompiledPattern ipv4 = PatternCompiler.compile("([0-9]{1,3}\\.){3}[0-9]{1,3}", false);
    boolean[] outside = new boolean[256];
    outside[' '] = true;
    byte[] dot = {'.'};
    assertThat(ipv4.bytesBefore(dot, outside)['7']).isTrue();
    assertThat(ipv4.bytesBefore(dot, outside)[' ']).isFalse();
    assertThat(ipv4.bytesAfter(dot, outside)['7']).isTrue();
    assertThat(ipv4.bytesAfter(dot, outside)['a']).isFalse();
    assertThat(ipv4.minLength()).isEqualTo(7);
    assertThat(ipv4.bytesAtOffset(1)['.']).isTrue();
    assertThat(ipv4.bytesAtOffset(1)['a']).isFalse();
    assertThat(ipv4.bytesAtOffset(0)['.']).isFalse();
  }

  private static void assertRejected(String pattern, String reason) {
    assertThatThrownBy(() -> PatternDialect.parse(pattern))
        .as(pattern).isInstanceOf(PatternException.class).hasMessageContaining(reason);
  }
}
