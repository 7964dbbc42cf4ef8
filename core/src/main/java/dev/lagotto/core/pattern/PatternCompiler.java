package dev.lagotto.core.pattern;

import dev.lagotto.core.pattern.PatternNode.Alt;
import dev.lagotto.core.pattern.PatternNode.ByteSet;
import dev.lagotto.core.pattern.PatternNode.Repeat;
import dev.lagotto.core.pattern.PatternNode.Seq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.MinimizationOperations;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.apache.lucene.util.automaton.Transition;

/**
 * Compiler of dialect patterns ({@link PatternDialect}) to byte automata (Lucene {@link Automaton} with labels
 * 0..255), determinized and trimmed (every state reachable from the initial state and able to reach an
 * accepting one) into a {@link CompiledPattern}. Stateless and thread-safe. Cost: determinization is
 * exponential in the worst case and is bounded by {@link #DETERMINIZE_WORK_LIMIT}; a pattern beyond it, or
 * with more than {@link #MAX_STATES} states even after minimization, is rejected as too complex.
 *
 * <p>The DFA is not minimized unless it has more than {@link #MAX_STATES} states: every fact the engine
 * derives from it (start, token and probe bytes, lengths, keyword proofs and offsets, the bytes around a
 * keyword) is a property of the language that holds on any trimmed DFA, and Lucene's Hopcroft
 * minimization cost about four times the determinization (a third of the process start of
 * {@code lagotto scan}) to save typically 10-40% of states.
 */
public final class PatternCompiler {
  /** Work limit passed to Lucene's determinization and minimization (roughly, DFA states created). */
  public static final int DETERMINIZE_WORK_LIMIT = 100_000;
  /** Most states a compiled pattern may have (each costs 1 KiB of transition table). */
  public static final int MAX_STATES = 20_000;
  /** Largest deterministic automaton that {@link #deterministic} minimises ({@link #minimal}'s cost). */
  static final int MOORE_MAX_STATES = 300;

  private PatternCompiler() {}

  /**
   * The compiled form of {@code pattern}. With {@code caseInsensitive}, every ASCII letter (in literals and
   * classes) also matches its other case. Throws {@link PatternException} for a pattern outside the dialect,
   * one that matches nothing or the empty string, or one too complex to determinize.
   */
  public static CompiledPattern compile(String pattern, boolean caseInsensitive) {
    return compile(pattern, language(pattern, caseInsensitive));
  }

  /** The compiled form of {@code dfa}, a trimmed deterministic automaton of {@code pattern}'s language. */
  static CompiledPattern compile(String pattern, Automaton dfa) {
    if (dfa.getNumStates() == 0) {
      throw new PatternException(-1, "the pattern matches nothing");
    }
    if (dfa.isAccept(0)) {
      throw new PatternException(-1, "the pattern matches the empty string");
    }
    if (dfa.getNumStates() > MAX_STATES) {
      throw new PatternException(-1, "the pattern compiles to " + dfa.getNumStates() + " states (more than "
          + MAX_STATES + "); simplify it");
    }
    int n = dfa.getNumStates();
    int[] number = new int[n];
    int next = 0;
    for (int s = 0; s < n; s++) {
      if (!dfa.isAccept(s)) {
        number[s] = next++;
      }
    }
    int acceptFrom = next;
    for (int s = 0; s < n; s++) {
      if (dfa.isAccept(s)) {
        number[s] = next++;
      }
    }
    int[] table = new int[n * 256];
    Arrays.fill(table, -1);
    boolean[] accept = new boolean[n];
    boolean[] start = new boolean[256];
    boolean[] token = new boolean[256];
    Transition t = new Transition();
    for (int s = 0; s < n; s++) {
      accept[number[s]] = dfa.isAccept(s);
      int count = dfa.initTransition(s, t);
      for (int i = 0; i < count; i++) {
        dfa.getNextTransition(t);
        for (int b = t.min; b <= t.max; b++) {
          table[number[s] * 256 + b] = number[t.dest] * 256;
          token[b] = true;
          if (s == 0) {
            start[b] = true;
          }
        }
      }
    }
    int maxLength = Operations.isFinite(dfa) ? longestPath(dfa) : CompiledPattern.UNBOUNDED;
    return new CompiledPattern(pattern, dfa, table, accept, acceptFrom * 256, start, token, maxLength);
  }

  /**
   * A deterministic byte automaton of {@code pattern}'s language, trimmed (no states when the language is
   * empty), minimal up to {@link #MOORE_MAX_STATES} states ({@link #minimal}) and above {@link #MAX_STATES}. Throws
   * {@link PatternException} for a pattern outside the dialect or too complex to determinize.
   */
  public static Automaton language(String pattern, boolean caseInsensitive) {
    return deterministic(toAutomaton(PatternDialect.parse(pattern, caseInsensitive)));
  }

  /**
   * Whether every string of {@code pattern}'s language contains at least one of {@code keywords}
   * (compared ASCII-case-insensitively when {@code caseInsensitive}); the proof obligation that lets the
   * prefilter start the pattern only around keyword occurrences.
   */
  public static boolean everyMatchContains(CompiledPattern pattern, List<String> keywords, boolean caseInsensitive) {
    return KeywordProofs.everyMatchContains(pattern, keywords, caseInsensitive);
  }

  /**
   * The largest offset, from the start of a match, at which the first occurrence of one of
   * {@code keywords} in that match can start (over-approximated: occurrences that start earlier but end
   * later are ignored), or {@link CompiledPattern#UNBOUNDED}. The scanner looks back at most this far from a
   * keyword for match starts. See {@link KeywordProofs}.
   */
  public static int maxKeywordOffset(CompiledPattern pattern, List<String> keywords) {
    return KeywordProofs.maxFirstKeywordOffset(pattern, keywords);
  }

  /** The (nondeterministic) byte automaton of a syntax tree. */
  public static Automaton toAutomaton(PatternNode node) {
    if (node instanceof ByteSet set) {
      return setAutomaton(set);
    }
    if (node instanceof Seq seq) {
      if (seq.items().isEmpty()) {
        return Automata.makeEmptyString();
      }
      List<Automaton> parts = new ArrayList<>(seq.items().size());
      for (PatternNode item : seq.items()) {
        parts.add(toAutomaton(item));
      }
      return Operations.concatenate(parts);
    }
    if (node instanceof Alt alt) {
      List<Automaton> parts = new ArrayList<>(alt.options().size());
      for (PatternNode option : alt.options()) {
        parts.add(toAutomaton(option));
      }
      return Operations.union(parts);
    }
    Repeat r = (Repeat) node;
    Automaton inner = toAutomaton(r.node());
    if (r.max() == Repeat.UNBOUNDED) {
      return r.min() == 0 ? Operations.repeat(inner) : Operations.repeat(inner, r.min());
    }
    return Operations.repeat(inner, r.min(), r.max());
  }

  private static Automaton deterministic(Automaton nfa) {
    try {
      Automaton dfa = Operations.removeDeadStates(Operations.determinize(nfa, DETERMINIZE_WORK_LIMIT));
      if (dfa.getNumStates() <= MOORE_MAX_STATES) {
        return minimal(dfa);
      }
      if (dfa.getNumStates() <= MAX_STATES) {
        return dfa;
      }
      return Operations.removeDeadStates(MinimizationOperations.minimize(dfa, DETERMINIZE_WORK_LIMIT));
    } catch (TooComplexToDeterminizeException e) {
      throw new PatternException(-1, "the pattern is too complex to determinize within "
          + DETERMINIZE_WORK_LIMIT + " work units; simplify it");
    }
  }

  /**
   * The minimal automaton of {@code dfa}, a trimmed deterministic byte automaton, by Moore's partition refinement over
   * the byte ranges its transitions split 0..255 into; its initial state is still 0. Equivalent states matter beyond a
   * rule's own table: the union automaton's sets hold the rules' states, and two equivalent states of one rule split
   * a set that is one. The required-context gates' markers (case-insensitive alternations of words) are where it
   * counts: the union's sets on 32 MiB of {@code main} 4,108 -> 3,603, in-process {@code ab.sh} 1.025-1.033.
   * Cost: states times ranges per round, and as many rounds as the longest path that tells two states apart, which a
   * counter such as {@code {1,200}} makes long: {@link #deterministic} calls it up to {@link #MOORE_MAX_STATES} states
   * only (all of them would add 1.6 s to a cold scanner build, for 8 fewer sets; Lucene's
   * {@link MinimizationOperations} 0.5 s).
   */
  static Automaton minimal(Automaton dfa) {
    int[] block = equivalenceBlocks(dfa, firstBytesOfRanges(dfa));
    int blocks = Arrays.stream(block).max().orElse(-1) + 1;
    return blocks == dfa.getNumStates() ? dfa : quotient(dfa, block, blocks);
  }

  /** The first byte of each range of bytes on which every state of {@code dfa} goes to one state. */
  private static int[] firstBytesOfRanges(Automaton dfa) {
    boolean[] boundary = new boolean[257];
    boundary[0] = true;
    Transition t = new Transition();
    for (int s = 0; s < dfa.getNumStates(); s++) {
      int count = dfa.initTransition(s, t);
      for (int i = 0; i < count; i++) {
        dfa.getNextTransition(t);
        boundary[t.min] = true;
        boundary[t.max + 1] = true;
      }
    }
    int[] first = new int[256];
    int ranges = 0;
    for (int b = 0; b < 256; b++) {
      if (boundary[b]) {
        first[ranges++] = b;
      }
    }
    return Arrays.copyOf(first, ranges);
  }

  /**
   * Per state of {@code dfa}, its class of equivalent states (Moore: accepting or not, then refined by the classes
   * each range leads to, until no class splits), numbered by first state, so that state 0's class is 0.
   */
  private static int[] equivalenceBlocks(Automaton dfa, int[] rangeFirstBytes) {
    int n = dfa.getNumStates();
    int[][] next = new int[n][rangeFirstBytes.length];
    int[] block = new int[n];
    for (int s = 0; s < n; s++) {
      for (int c = 0; c < rangeFirstBytes.length; c++) {
        next[s][c] = dfa.step(s, rangeFirstBytes[c]);
      }
      block[s] = dfa.isAccept(s) ? 1 : 0;
    }
    int blocks = -1;
    while (true) {
      Map<List<Integer>, Integer> ids = new HashMap<>();
      int[] refined = new int[n];
      for (int s = 0; s < n; s++) {
        List<Integer> signature = new ArrayList<>(next[s].length + 1);
        signature.add(block[s]);
        for (int target : next[s]) {
          signature.add(target < 0 ? -1 : block[target]);
        }
        refined[s] = ids.computeIfAbsent(signature, k -> ids.size());
      }
      block = refined;
      if (ids.size() == blocks) {
        return block;
      }
      blocks = ids.size();
    }
  }

  /** {@code dfa} with one state per block: the transitions of the block's first state, to blocks. */
  private static Automaton quotient(Automaton dfa, int[] block, int blocks) {
    int[] representative = new int[blocks];
    Arrays.fill(representative, -1);
    for (int s = 0; s < block.length; s++) {
      if (representative[block[s]] < 0) {
        representative[block[s]] = s;
      }
    }
    Automaton min = new Automaton();
    for (int k = 0; k < blocks; k++) {
      min.createState();
    }
    Transition t = new Transition();
    for (int k = 0; k < blocks; k++) {
      int s = representative[k];
      min.setAccept(k, dfa.isAccept(s));
      int count = dfa.initTransition(s, t);
      for (int i = 0; i < count; i++) {
        dfa.getNextTransition(t);
        min.addTransition(k, block[t.dest], t.min, t.max);
      }
    }
    min.finishState();
    return min;
  }

  private static Automaton setAutomaton(ByteSet set) {
    boolean[] bytes = new boolean[256];
    for (int b = 0; b < 256; b++) {
      bytes[b] = set.contains(b);
    }
    Automaton a = new Automaton();
    int from = a.createState();
    int to = a.createState();
    a.setAccept(to, true);
    int b = 0;
    while (b < 256) {
      if (!bytes[b]) {
        b++;
        continue;
      }
      int lo = b;
      while (b < 256 && bytes[b]) {
        b++;
      }
      a.addTransition(from, to, lo, b - 1);
    }
    a.finishState();
    return a;
  }

  /** Longest path from the initial state to an accepting state of an acyclic automaton. */
  private static int longestPath(Automaton dfa) {
    int n = dfa.getNumStates();
    int[] memo = new int[n];
    Arrays.fill(memo, Integer.MIN_VALUE);
    int[] order = Operations.topoSortStates(dfa);
    Transition t = new Transition();
    for (int i = order.length - 1; i >= 0; i--) {
      int s = order[i];
      int best = dfa.isAccept(s) ? 0 : Integer.MIN_VALUE;
      int count = dfa.initTransition(s, t);
      for (int k = 0; k < count; k++) {
        dfa.getNextTransition(t);
        if (memo[t.dest] != Integer.MIN_VALUE) {
          best = Math.max(best, memo[t.dest] + 1);
        }
      }
      memo[s] = best;
    }
    return memo[0];
  }
}
