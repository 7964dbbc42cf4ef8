package dev.lagotto.core.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.pattern.CompiledPattern;
import dev.lagotto.core.pattern.PatternCompiler;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The run-length gate on one-byte keywords, computed from real compiled patterns. */
class KeywordGateTest {
  /** The bytes a WORD boundary forbids next to a match: ASCII letters, digits and underscore. */
  private static final boolean[] WORD = new boolean[256];

  static {
    for (int b = 0; b < 256; b++) {
      WORD[b] = ByteClasses.isAsciiLetter(b) || (b >= '0' && b <= '9') || b == '_';
    }
  }
  private static final CompiledPattern SSN = PatternCompiler.compile(
      "(00[1-9]|0[1-9][0-9]|[1-578][0-9]{2}|6[0-57-9][0-9]|66[0-57-9])-(0[1-9]|[1-9][0-9])-"
          + "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})", false);

  private static boolean allows(KeywordGate gate, String text, int k) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    return gate.allows(b, 0, b.length, k);
  }

  @Test
  void aDashInsideADateNeverReachesTheSsnRule() {
    KeywordGate gate = KeywordGate.of(SSN, '-', ByteClasses.named("digit"), WORD);
    assertThat(gate).isNotNull();
    assertThat(allows(gate, "on 2026-11-29 at", 7)).isFalse();
    assertThat(allows(gate, "on 2026-11-29 at", 10)).isFalse();
    assertThat(allows(gate, "ssn 123-45-6789 ok", 7)).isTrue();
    assertThat(allows(gate, "ssn 123-45-6789 ok", 10)).isTrue();
  }

  @Test
  void runsThatReachTheEdgeOfTheBytesPass() {
    KeywordGate gate = KeywordGate.of(SSN, '-', ByteClasses.named("digit"), WORD);
    assertThat(allows(gate, "2026-11-29", 4)).as("run before reaches lo").isTrue();
    assertThat(allows(gate, "x 12-1", 4)).as("run after reaches hi").isTrue();
    assertThat(allows(gate, "x 12-1 ", 4)).isFalse();
  }

  @Test
  void theIpv4GateRejectsLongFractionsButKeepsEveryDotOfAnAddress() {
    CompiledPattern ipv4 = PatternCompiler.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
        + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}", false);
    KeywordGate gate = KeywordGate.of(ipv4, '.', ByteClasses.named("digit"), WORD);
    String text = "ip 192.0.2.10 took 0.123456s";
    for (int k = text.indexOf('.'); k >= 0 && k < 13; k = text.indexOf('.', k + 1)) {
      assertThat(allows(gate, text, k)).as("dot at %d", k).isTrue();
    }
    assertThat(allows(gate, text, text.lastIndexOf('.'))).isFalse();
  }

  @Test
  void aGateThatRejectsNothingIsNotBuilt() {
    CompiledPattern any = PatternCompiler.compile("[0-9]*-[0-9A-Za-z_]*", false);
    assertThat(KeywordGate.of(any, '-', ByteClasses.named("digit"), WORD)).isNull();
  }
}
