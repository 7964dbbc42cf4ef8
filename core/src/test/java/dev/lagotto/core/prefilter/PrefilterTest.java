package dev.lagotto.core.prefilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lagotto.core.rule.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule index on its own: which positions it reports for keyword and start-byte triggers. */
class PrefilterTest {
  /** Events as "rule@position" strings, buffered and direct ones together, sorted by position. */
  private static List<String> events(Prefilter prefilter, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    List<long[]> found = new ArrayList<>();
    Candidates buffer = new Candidates();
    prefilter.scan(b, 0, 0, b.length, b.length, b.length, buffer, new Prefilter.StartSink() {
      @Override
      public void startAt(int position, int[] rules, long members) {
        for (int j = 0; j < rules.length; j++) {
          if (j >= Long.SIZE || (members & (1L << j)) != 0) {
            found.add(new long[] {position, rules[j], 0});
          }
        }
      }

      @Override
      public void keywordAt(int position, int rule, int length) {
        found.add(new long[] {position, rule, 1});
      }
    });
    buffer.sort();
    for (int i = 0; i < buffer.size(); i++) {
      found.add(new long[] {buffer.position(i), prefilter.ruleOf(buffer.payload(i)), 1});
    }
    found.sort((x, y) -> Long.compare(x[0], y[0]));
    return found.stream().map(e -> (e[2] == 1 ? "k" : "s") + e[1] + "@" + e[0]).toList();
  }

  private static boolean[] digits() {
    return ByteClasses.named("digit");
  }

  @Test
  void keywordsAreFoundWhereverTheyOccurCaseInsensitivelyWhenAsked() {
    Prefilter p = Prefilter.build(List.of(
        new Prefilter.Trigger.Keywords(List.of("@", "%40"), false),
        new Prefilter.Trigger.Keywords(List.of("cookie:"), true),
        new Prefilter.Trigger.Keywords(List.of("\"lat"), false)));
    assertThat(events(p, "a@b x%40y Cookie: COOKIE: cookie \"lat\" lat"))
        .containsExactly("k0@1", "k0@5", "k1@10", "k1@18", "k2@33");
  }

  @Test
  void startBytesHonourTheBoundaryBeforeThem() {
    Prefilter p = Prefilter.build(List.of(
        new Prefilter.Trigger.StartBytes(digits(), Rule.Boundary.WORD),
        new Prefilter.Trigger.StartBytes(digits(), Rule.Boundary.DIGIT)));
    assertThat(events(p, "12 x3 _4 -5")).containsExactly("s0@0", "s1@0", "s1@4", "s1@7", "s0@10", "s1@10");
  }

  @Test
  void keywordContextTablesDropOccurrencesThatCannotLieInAMatch() {
    boolean[] before = digits();
    boolean[] after = digits();
    Prefilter p = Prefilter.build(List.of(
        new Prefilter.Trigger.Keywords(List.of("."), false, List.of(before), List.of(after))));
    assertThat(events(p, "java.util 1.2 a.3 4.b 5.6")).containsExactly("k0@11", "k0@23");
  }

  @Test
  void runGatesDropStartsWhoseRunLengthOrFollowingByteCannotStartAMatch() {
    RunGate fourDigitsThenDash = RunGate.of(RunGate.RunClass.DIGIT, (length, next) -> length == 4 && next == '-');
    Prefilter p = Prefilter.build(List.of(
        new Prefilter.Trigger.StartBytes(digits(), Rule.Boundary.WORD, List.of(fourDigitsThenDash)),
        new Prefilter.Trigger.StartBytes(digits(), Rule.Boundary.WORD)));
    assertThat(events(p, "2026-11 123-4 2026:1 20261-"))
        .containsExactly("s0@0", "s1@0", "s1@5", "s1@8", "s1@12", "s1@14", "s1@19", "s1@21");
  }

  @Test
  void aRunLongerThanTheGateKnowsAndARunAtTheEndOfTheBytesAlwaysPass() {
    RunGate never = RunGate.of(RunGate.RunClass.DIGIT, (length, next) -> false);
    Prefilter p = Prefilter.build(List.of(
        new Prefilter.Trigger.StartBytes(digits(), Rule.Boundary.WORD, List.of(never))));
    String longRun = "1".repeat(RunGate.MAX_RUN + 1);
    assertThat(events(p, "12 " + longRun + " 345")).containsExactly("s0@3", "s0@" + (RunGate.MAX_RUN + 5));
    assertThatThrownBy(() -> new Prefilter.Trigger.StartBytes(digits(), Rule.Boundary.WORD, List.of(never, never)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noneHasNoIndex() {
    assertThat(Prefilter.NONE.isNone()).isTrue();
    assertThat(Prefilter.build(List.of()).isNone()).isFalse();
  }
}
