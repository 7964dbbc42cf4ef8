package dev.lagotto.core.scan;

import dev.lagotto.core.context.ContextScorer;
import dev.lagotto.core.context.CsvColumns;
import dev.lagotto.core.pattern.CompiledPattern;
import dev.lagotto.core.pattern.PatternCompiler;
import dev.lagotto.core.prefilter.UnionAutomaton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Spares the {@link UnionAutomaton} the ends of rules whose context is required ({@code context.required}) in chunks
 * where that context cannot occur: a person-name column rule in a log without name keys, a date of birth without
 * any birth word. Such a rule is <em>gated</em>: its {@link ContextScorer#presenceMarkers presence markers} (its
 * words and keys, as whole tokens, and its keys in camelCase) join the union as more rules, and after the union's
 * pass over a chunk the gated rule is possible there only if a marker occurred in the chunk's readable bytes or the
 * stream's CSV header names a column by one of its keys. Where it is not possible, every match of the rule would be
 * dropped for lack of context, so it has no finding there and its ends are not needed.
 *
 * <p>Each thread predicts, chunk by chunk, which gated rules are impossible and {@link UnionAutomaton.Cache#mute
 * mutes} their ends in its union cache; a rule muted from a thread's start is not even followed there. A muted rule
 * found possible after all gets a catch-up pass over the chunk with an automaton of its own; an unmuted one found
 * impossible has its ends dropped. A rule switches after {@link #SWITCH_AFTER} chunks in a row of at least
 * {@link #SWITCH_MIN_BYTES} have contradicted its muting (twice as many after each switch), so that a stream with
 * (or without) the context pays for the switch once, and a context that comes and goes, or a run of small chunks
 * such as database cells, costs catch-up passes (one automaton pass over the chunk), not switches.
 *
 * <p>Cost: the markers add states to the union and one event per occurrence of a word or key; a catch-up is one pass
 * of a single-rule automaton over the chunk; a switch is one pass over the thread's union table, or, the first time a
 * rule is unmuted, the table's sets built again (see {@link UnionAutomaton.Cache#mute}). Immutable and thread-safe;
 * the per-thread part is {@link State}.
 */
final class RequiredContextGates {
  /** No gated rule. */
  static final RequiredContextGates NONE = new RequiredContextGates(new int[0], new CompiledRule[0], List.of(),
      List.of(), new int[0], new UnionAutomaton[0]);

  /**
   * Chunks in a row that must find a muted rule possible (or an unmuted one impossible) before it first switches;
   * the number doubles at every switch of the rule, up to {@link #MAX_SWITCH_AFTER}.
   */
  static final int SWITCH_AFTER = 2;
  /** Most chunks in a row it takes a rule to switch, however often it has switched. */
  static final int MAX_SWITCH_AFTER = 64;
  /**
   * Smallest chunk whose finding counts towards a switch: a switch costs a pass over the union's transitions, worth
   * it for large chunks only (a database cell is a chunk of its own; small chunks only catch up or drop).
   */
  static final int SWITCH_MIN_BYTES = 64 << 10;

  /** Bytes next to which a {@code whole} presence marker cannot occur: ASCII letters and digits. */
  private static final boolean[] ALNUM = new boolean[256];

  static {
    for (int b = 0; b < 128; b++) {
      ALNUM[b] = Character.isLetterOrDigit(b);
    }
  }

  /** Per gate: the gated rule's number in the union. */
  private final int[] unionRule;
  private final CompiledRule[] rules;
  /** The markers, to join the union after its rules, with the bytes that may not touch them; per marker its gate. */
  private final List<CompiledPattern> markers;
  private final List<boolean[]> markerForbidden;
  private final int[] markerGate;
  /** Per gate: the gated rule alone, numbered as in the union, for a catch-up pass. */
  private final UnionAutomaton[] alone;

  private RequiredContextGates(int[] unionRule, CompiledRule[] rules, List<CompiledPattern> markers,
      List<boolean[]> markerForbidden, int[] markerGate, UnionAutomaton[] alone) {
    this.unionRule = unionRule;
    this.rules = rules;
    this.markers = markers;
    this.markerForbidden = markerForbidden;
    this.markerGate = markerGate;
    this.alone = alone;
  }

  /**
   * The gates of the rules of a union, {@code joining} in union order: every rule with a required context whose
   * markers can join the union. Cost: compiles up to two marker patterns per such rule.
   */
  static RequiredContextGates of(List<CompiledRule> joining) {
    List<Integer> gated = new ArrayList<>();
    List<CompiledPattern> markers = new ArrayList<>();
    List<boolean[]> markerForbidden = new ArrayList<>();
    List<Integer> markerGate = new ArrayList<>();
    // the markers of each rule (whole, anywhere), compiled on the common pool as the rules are
    List<CompiledPattern[]> compiled = joining.parallelStream().map(RequiredContextGates::markersOf).toList();
    for (int u = 0; u < joining.size(); u++) {
      CompiledPattern[] m = compiled.get(u);
      if (m == null) {
        continue;
      }
      for (int k = 0; k < m.length; k++) {
        if (m[k] != null) {
          markers.add(m[k]);
          markerForbidden.add(k == 0 ? ALNUM : null);
          markerGate.add(gated.size());
        }
      }
      gated.add(u);
    }
    int n = gated.size();
    if (n == 0) {
      return NONE;
    }
    CompiledRule[] rules = new CompiledRule[n];
    UnionAutomaton[] alone = new UnionAutomaton[n];
    for (int g = 0; g < n; g++) {
      rules[g] = joining.get(gated.get(g));
      alone[g] = UnionAutomaton.of(List.of(rules[g].pattern), Collections.singletonList(rules[g].forbidden))
          .numberedFrom(gated.get(g));
    }
    return new RequiredContextGates(gated.stream().mapToInt(Integer::intValue).toArray(), rules,
        List.copyOf(markers), Collections.unmodifiableList(markerForbidden),
        markerGate.stream().mapToInt(Integer::intValue).toArray(), alone);
  }

  /**
   * The compiled presence markers of {@code r} (whole, anywhere; either may be {@code null}), or {@code null} when
   * its context is not required or a marker cannot join a union.
   */
  private static CompiledPattern[] markersOf(CompiledRule r) {
    if (!r.contextRequired) {
      return null;
    }
    ContextScorer.PresenceMarkers m = r.context.presenceMarkers(r.forbidden);
    CompiledPattern whole = m.whole() == null ? null : PatternCompiler.compile(m.whole(), false);
    CompiledPattern anywhere = m.anywhere() == null ? null : PatternCompiler.compile(m.anywhere(), false);
    if (whole == null && anywhere == null || whole != null && !UnionAutomaton.canJoin(whole)
        || anywhere != null && !UnionAutomaton.canJoin(anywhere)) {
      return null;
    }
    return new CompiledPattern[] {whole, anywhere};
  }

  /** The markers, to join the union after its rules (marker {@code m} is union rule {@code rules + m}). */
  List<CompiledPattern> markers() {
    return markers;
  }

  /** Per marker: the bytes that may not touch it ({@code null} for none). */
  List<boolean[]> markerForbidden() {
    return markerForbidden;
  }

  /** One thread's predictions, markers seen and catch-up automata. Not thread-safe. */
  final class State {
    private final UnionAutomaton.Cache union;
    /** Per union rule (markers included): whether the cache mutes it. */
    private final boolean[] mutedRules;
    /** Per gate: whether its marker occurred in the current chunk. */
    private final boolean[] present = new boolean[unionRule.length];
    /** Per gate: chunks in a row whose finding contradicts the rule's muting, and how many make it switch. */
    private final int[] streak = new int[unionRule.length];
    private final int[] switchAfter = new int[unionRule.length];
    private final UnionAutomaton.Cache[] aloneCaches = new UnionAutomaton.Cache[unionRule.length];
    private final UnionAutomaton.EndSink target;

    /**
     * The state for the thread that scans with {@code union}, whose ends go to {@code target}; every gated rule
     * starts muted.
     */
    State(UnionAutomaton.Cache union, int unionRules, UnionAutomaton.EndSink target) {
      this.union = union;
      this.target = target;
      mutedRules = new boolean[unionRules];
      for (int g = 0; g < unionRule.length; g++) {
        mutedRules[unionRule[g]] = true;
        switchAfter[g] = SWITCH_AFTER;
      }
      union.mute(mutedRules);
    }

    /** Marker {@code m} occurred. */
    void markerAt(int m) {
      present[markerGate[m]] = true;
    }

    /**
     * After the union's pass over {@code [lo, hi)} (from {@code lo}, so that markers in the left context count):
     * catches up the muted rules that are possible, drops the ends of the unmuted ones that are not (from
     * {@code endCount}, per union rule) and mutes for the next chunk the rules this one showed impossible.
     */
    void settle(byte[] bytes, int lo, int from, int hi, CsvColumns header, int[] endCount) {
      boolean changed = false;
      for (int g = 0; g < unionRule.length; g++) {
        int u = unionRule[g];
        boolean possible = present[g] || rules[g].context.namesColumn(header);
        present[g] = false;
        if (possible && mutedRules[u]) {
          if (aloneCaches[g] == null) {
            aloneCaches[g] = alone[g].newCache();
          }
          aloneCaches[g].scan(bytes, lo, from, hi, Scanner.MAX_MATCH_LENGTH, target);
        } else if (!possible) {
          endCount[u] = 0;
        }
        if (hi - lo < SWITCH_MIN_BYTES) {
          continue;
        }
        streak[g] = mutedRules[u] == possible ? streak[g] + 1 : 0;
        if (streak[g] >= switchAfter[g]) {
          mutedRules[u] = !possible;
          streak[g] = 0;
          switchAfter[g] = Math.min(MAX_SWITCH_AFTER, switchAfter[g] * 2);
          changed = true;
        }
      }
      if (changed) {
        union.mute(mutedRules);
      }
    }
  }
}
