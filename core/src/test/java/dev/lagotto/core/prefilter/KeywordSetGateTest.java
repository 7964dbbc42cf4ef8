package dev.lagotto.core.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.pattern.CompiledPattern;
import dev.lagotto.core.pattern.PatternCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The combined gate of the rules sharing a one-byte keyword says exactly what their own gates say. */
class KeywordSetGateTest {
  private static final boolean[] WORD = new boolean[256];
  private static final String ALPHABET = "0123456789abcdefABCDEF.:- xg_@\u00e9";

  static {
    for (int b = 0; b < 256; b++) {
      WORD[b] = ByteClasses.isAsciiLetter(b) || (b >= '0' && b <= '9') || b == '_';
    }
  }

  private static List<KeywordGate> gates(String pattern, int keyword) {
    CompiledPattern p = PatternCompiler.compile(pattern, false);
    List<KeywordGate> list = new ArrayList<>();
    for (String cls : List.of("digit", "hex")) {
      KeywordGate g = KeywordGate.of(p, keyword, ByteClasses.named(cls), WORD);
      if (g != null) {
        list.add(g);
      }
    }
    return list;
  }

  @Test
  void theMaskIsTheConjunctionOfEachRulesGatesOnRandomText() {
    String octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    List<List<KeywordGate>> dot = List.of(
        gates(octet + "(\\." + octet + "){3}", '.'),
        gates("[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}", '.'),
        List.of(),
        gates("-?[0-9]{1,2}\\.[0-9]{3,8}[NS]", '.'));
    List<List<KeywordGate>> colon = List.of(
        gates("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}", ':'),
        gates("[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4}){7}", ':'));
    long seed = System.nanoTime();
    System.out.println("KeywordSetGateTest seed " + seed);
    Random random = new Random(seed);
    int checked = 0;
    for (var rules : List.of(dot, colon)) {
      KeywordSetGate set = KeywordSetGate.of(rules);
      assertThat(set).isNotNull();
      byte keyword = (byte) (rules == dot ? '.' : ':');
      for (int n = 0; n < 20_000; n++) {
        byte[] text = new byte[1 + random.nextInt(n % 2 == 0 ? 40 : 90)];
        for (int i = 0; i < text.length; i++) {
          text[i] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        int k = random.nextInt(text.length);
        text[k] = keyword;
        int lo = random.nextInt(k + 1);
        int hi = k + 1 + random.nextInt(text.length - k);
        long mask = set.mask(text, lo, hi, k);
        for (int j = 0; j < rules.size(); j++) {
          boolean expected = true;
          for (KeywordGate g : rules.get(j)) {
            expected &= g.allows(text, lo, hi, k);
          }
          assertThat((mask & (1L << j)) != 0).as("seed %d, rule %d, '%s' at %d in [%d, %d)", seed, j,
              new String(text, java.nio.charset.StandardCharsets.US_ASCII), k, lo, hi).isEqualTo(expected);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(20_000 * 6);
  }

  @Test
  void noGatesGiveNoCombinedGate() {
    assertThat(KeywordSetGate.of(List.of(List.of(), List.of()))).isNull();
  }
}
