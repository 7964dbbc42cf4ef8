package dev.lagotto.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.context.ContextScorer;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePackLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.MinimizationOperations;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;

/**
 * The compiler keeps the determinized DFA without minimizing it: every fact the engine derives from a
 * compiled pattern must be the same as from the minimal DFA (they are properties of the language). Checked
 * on every pattern of the default pack (rule and exclude patterns) with its keywords, except those whose DFA
 * has more than {@link #MAX_STATES_MINIMIZED} states (one today, {@code geo_json_lat_lng}: Lucene needs
 * seconds to minimize it, the cost this compiler avoids).
 */
class PatternCompilerTest {
  private static final int MAX_OFFSET_CHECKED = 24;
  private static final int MAX_STATES_MINIMIZED = 2_000;

  @Test
  void everyPatternUpToMooresLimitCompilesToItsMinimalDfaAndEveryOneToTheSameFacts() throws Exception {
    List<Rule> rules = RulePackLoader.loadDefault().rules();
    int checked = 0;
    int minimised = 0;
    for (Rule r : rules) {
      List<String> patterns = new ArrayList<>(r.exclude().patterns());
      if (r.pattern() != null) {
        patterns.add(r.pattern());
      }
      // the required-context gates' markers, which join the union too
      List<String> markers = new ArrayList<>();
      if (r.context().required()) {
        ContextScorer.PresenceMarkers m = ContextScorer.compile(r.context()).presenceMarkers(null);
        markers.addAll(java.util.stream.Stream.of(m.whole(), m.anywhere()).filter(x -> x != null).toList());
      }
      patterns.addAll(markers);
      for (String source : patterns) {
        boolean ci = r.caseInsensitive() && !markers.contains(source);
        Automaton dfa = PatternCompiler.language(source, ci);
        if (dfa.getNumStates() > MAX_STATES_MINIMIZED) {
          continue;
        }
        Automaton min = Operations.removeDeadStates(
            MinimizationOperations.minimize(dfa, PatternCompiler.DETERMINIZE_WORK_LIMIT));
        CompiledPattern ours = PatternCompiler.compile(source, dfa);
        CompiledPattern minimal = PatternCompiler.compile(source, min);
        if (dfa.getNumStates() <= PatternCompiler.MOORE_MAX_STATES) {
          // Lucene's minimisation finds nothing left to merge (the union automaton's sets hold rule states: two
          // equivalent states of one rule would split a set)
          assertThat(ours.stateCount()).as(source).isEqualTo(minimal.stateCount());
          minimised++;
        } else {
          assertThat(ours.stateCount()).as(source).isGreaterThanOrEqualTo(minimal.stateCount());
        }
        assertSameFacts(r, source, ours, minimal);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(rules.size() - 2);
    assertThat(minimised).as("patterns within Moore's limit").isGreaterThan(checked / 2);
  }

  private static void assertSameFacts(Rule r, String source, CompiledPattern a, CompiledPattern b) {
    String what = r.id() + ": " + source;
    assertThat(a.minLength()).as(what).isEqualTo(b.minLength());
    assertThat(a.maxLength()).as(what).isEqualTo(b.maxLength());
    for (int x = 0; x < 256; x++) {
      assertThat(a.canStartWith(x)).as(what).isEqualTo(b.canStartWith(x));
      assertThat(a.isTokenByte(x)).as(what).isEqualTo(b.isTokenByte(x));
    }
    for (int j = 1; j < Math.min(a.minLength(), MAX_OFFSET_CHECKED); j++) {
      assertThat(a.bytesAtOffset(j)).as(what + " offset " + j).isEqualTo(b.bytesAtOffset(j));
    }
    List<String> texts = new ArrayList<>();
    r.examples().match().forEach(e -> texts.add(e.text()));
    r.examples().nomatch().forEach(e -> texts.add(e.text()));
    for (String text : texts) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      for (int start = 0; start < bytes.length; start++) {
        assertThat(a.longestMatch(bytes, start, bytes.length, bytes.length, null)).as(what + " in " + text)
            .isEqualTo(b.longestMatch(bytes, start, bytes.length, bytes.length, null));
      }
    }
    if (!source.equals(r.pattern()) || r.keywords().isEmpty()) {
      return;
    }
    boolean ci = r.caseInsensitive();
    assertThat(PatternCompiler.everyMatchContains(a, r.keywords(), ci))
        .as(what).isEqualTo(PatternCompiler.everyMatchContains(b, r.keywords(), ci)).isTrue();
    assertThat(PatternCompiler.maxKeywordOffset(a, r.keywords())).as(what)
        .isEqualTo(PatternCompiler.maxKeywordOffset(b, r.keywords()));
    boolean[] outside = new boolean[256];
    outside[' '] = true;
    outside['"'] = true;
    for (String k : r.keywords()) {
      byte[] word = k.getBytes(StandardCharsets.UTF_8);
      assertThat(a.bytesBefore(word, outside)).as(what + " before " + k).isEqualTo(b.bytesBefore(word, outside));
      assertThat(a.bytesAfter(word, outside)).as(what + " after " + k).isEqualTo(b.bytesAfter(word, outside));
      assertThat(a.bytesBeforeInside(word)).as(what + " inside " + k).isEqualTo(b.bytesBeforeInside(word));
      assertThat(a.bytesAfterAtStart(word, outside)).as(what + " at start " + k)
          .isEqualTo(b.bytesAfterAtStart(word, outside));
    }
  }
}
