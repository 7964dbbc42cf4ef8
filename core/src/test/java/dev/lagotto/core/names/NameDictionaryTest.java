package dev.lagotto.core.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameDictionaryTest {
  private static int flags(NameDictionary d, String s) {
    byte[] b = ("  " + s + "  ").getBytes(StandardCharsets.UTF_8);
    return d.flags(b, 2, b.length - 2);
  }

  @Test
  void defaultListsAreLoadedWithTheirFlags() {
    NameDictionary d = NameDictionary.defaults();
    assertThat(d.size()).isGreaterThan(20_000);
    assertThat(flags(d, "Jane")).isEqualTo(NameDictionary.FIRST);
    assertThat(flags(d, "Kowalski")).isEqualTo(NameDictionary.SURNAME);
    assertThat(flags(d, "Will") & NameDictionary.WORD).isNotZero();
    assertThat(flags(d, "Will") & NameDictionary.FIRST).isNotZero();
    assertThat(flags(d, "Xqzzyv")).isZero();
    assertThat(flags(d, "INFO")).isZero();
    assertThat(flags(d, "Exception")).isZero();
  }

  @Test
  void lookupIgnoresCaseAndFoldsLatinLetters() {
    NameDictionary d = NameDictionary.defaults();
    assertThat(flags(d, "JANE")).isEqualTo(flags(d, "jane")).isEqualTo(NameDictionary.FIRST);
    assertThat(flags(d, "José")).isEqualTo(flags(d, "Jose")).isNotZero();
    assertThat(flags(d, "Łukasz")).isEqualTo(flags(d, "Lukasz")).isNotZero();
    assertThat(flags(d, "Müller")).isEqualTo(flags(d, "Muller")).isNotZero();
  }

  @Test
  void smallDictionaryCombinesFlagsOfOneName() {
    NameDictionary d = NameDictionary.of(List.of("Jane", "Grace"), List.of("Roe", "Grace"), List.of("grace"));
    assertThat(d.size()).isEqualTo(3);
    assertThat(flags(d, "Grace")).isEqualTo(NameDictionary.FIRST | NameDictionary.SURNAME | NameDictionary.WORD);
    assertThat(flags(d, "Roe")).isEqualTo(NameDictionary.SURNAME);
    assertThat(flags(d, "Ro")).isZero();
    assertThat(flags(d, "Jane1")).as("digits are never part of a name").isZero();
  }

  @Test
  void spansLongerThanAnyNameAreNotLookedUp() {
    NameDictionary d = NameDictionary.of(List.of("A".repeat(NameDictionary.MAX_NAME_BYTES + 1)), List.of(), List.of());
    assertThat(flags(d, "A".repeat(NameDictionary.MAX_NAME_BYTES + 1))).isZero();
  }

  @Test
  void entriesThatAreNotNamesAreRejected() {
    assertThatThrownBy(() -> NameDictionary.of(List.of("Jane Roe"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Jane");
  }

  @Test
  void thePrefixCheckRejectsOnlySpansThatAreNotListed() {
    NameDictionary d = NameDictionary.defaults();
    for (String name : NameDictionary.readList(NameDictionary.DEFAULT_DIR + "surnames.txt")) {
      byte[] b = name.getBytes(StandardCharsets.UTF_8);
      assertThat(d.mayBeListed(b, 0, b.length)).as(name).isTrue();
    }
    byte[] text = "Exception Request Xqzzyv Zz".getBytes(StandardCharsets.US_ASCII);
    assertThat(d.mayBeListed(text, 20, text.length)).isFalse();
    assertThat(d.mayBeListed(text, 25, text.length)).as("too short to judge").isTrue();
    NameDictionary small = NameDictionary.of(List.of("Jane", "Łukasz", "Bo"), List.of("Groß"), List.of());
    for (String s : List.of("Jane", "JANE", "Lukasz", "Grosz", "Bo", "J. Roe", "Łu")) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertThat(small.mayBeListed(b, 0, b.length)).as(s).isTrue();
    }
    for (String s : List.of("Janet", "Roex", "Luxe", "Grrr")) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertThat(small.mayBeListed(b, 0, b.length)).as(s).isEqualTo(s.equals("Janet"));
    }
  }

  @Test
  void thePrefixCheckNeverRejectsAListedSpan() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("NameDictionaryTest prefix seed: -Dtests.seed=" + seed);
    java.util.Random random = new java.util.Random(seed);
    NameDictionary d = NameDictionary.defaults();
    String alphabet = "aeinorstlAEJMKabcdefghijklmnopqrstuvwxyz-'";
    for (int round = 0; round < 200_000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(7);
      for (int i = 0; i < n; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
      if (d.flags(b, 0, b.length) != 0) {
        assertThat(d.mayBeListed(b, 0, b.length)).as("seed %d, %s", seed, sb).isTrue();
      }
    }
  }
}
