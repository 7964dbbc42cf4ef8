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

  @Test
  void theHashOfASpanDependsOnlyOnItsFoldedLetters() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("NameDictionaryTest hash seed: -Dtests.seed=" + seed);
    java.util.Random random = new java.util.Random(seed);
    // the last five pieces are never part of a name
    String[] pieces = {"a", "B", "z", "Q", "'", "-", "é", "Ł", "ß", "Æ", "ø", "Ü", "\u0100",
        "1", " ", ".", "\u0180", "€"};
    int invalid = 5;
    for (int round = 0; round < 100_000; round++) {
      StringBuilder word = new StringBuilder();
      int n = 1 + random.nextInt(20);
      for (int i = 0; i < n; i++) {
        String piece = pieces[random.nextInt(random.nextInt(10) == 0 ? pieces.length : pieces.length - invalid)];
        word.append(piece);
      }
      byte[] alone = word.toString().getBytes(StandardCharsets.UTF_8);
      int before = random.nextInt(12);
      byte[] embedded = new byte[before + alone.length + random.nextInt(12)];
      random.nextBytes(embedded);
      System.arraycopy(alone, 0, embedded, before, alone.length);
      long hash = NameDictionary.hash(embedded, before, before + alone.length);
      String folded = folded(word.toString());
      String as = "seed %d, %s".formatted(seed, word);
      assertThat(hash).as(as).isEqualTo(NameDictionary.hash(alone, 0, alone.length));
      if (folded == null) {
        assertThat(hash).as(as).isZero();
      } else {
        byte[] ascii = folded.getBytes(StandardCharsets.US_ASCII);
        assertThat(hash).as(as).isNotZero().isEqualTo(NameDictionary.hash(ascii, 0, ascii.length));
      }
    }
  }

  @Test
  void distinctDefaultNamesHaveDistinctHashes() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String list : List.of("first-names.txt", "surnames.txt", "name-words.txt")) {
      for (String name : NameDictionary.readList(NameDictionary.DEFAULT_DIR + list)) {
        names.add(folded(name.strip()));
      }
    }
    java.util.Set<Long> hashes = new java.util.HashSet<>();
    for (String name : names) {
      byte[] b = name.getBytes(StandardCharsets.US_ASCII);
      hashes.add(NameDictionary.hash(b, 0, b.length));
    }
    assertThat(names).doesNotContainNull().hasSizeGreaterThan(20_000);
    assertThat(hashes).hasSameSizeAs(names);
  }

  /** The folded lower-case ASCII form {@link NameDictionary#hash} reads, or null when it is not a name. */
  private static String folded(String word) {
    StringBuilder out = new StringBuilder();
    for (char c : word.toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '-') {
        out.append(Character.toLowerCase(c));
      } else if (c >= LatinFold.FIRST && c <= LatinFold.LAST && LatinFold.folded(c) != 0) {
        for (int f = LatinFold.folded(c); f != 0; f >>>= 8) {
          out.append((char) (f & 0xff));
        }
      } else {
        return null;
      }
    }
    return out.toString();
  }
}
