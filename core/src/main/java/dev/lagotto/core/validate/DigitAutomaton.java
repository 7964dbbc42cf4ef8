package dev.lagotto.core.validate;

import dev.lagotto.core.pattern.PatternCompiler;
import dev.lagotto.core.pattern.PatternDialect;
import java.util.Arrays;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * Deterministic automaton over the ASCII digits {@code 0-9}, the executable form of a libphonenumber
 * metadata pattern: a table of 10 transitions per state. Matching
 * is linear in the input with no allocation; any character outside {@code 0-9} rejects. Immutable and
 * thread-safe. Built with the rule pattern dialect ({@link PatternDialect}, a {@code java.util.regex} subset
 * that covers the metadata's digit patterns) and Lucene's automaton operations; a pattern outside the dialect
 * or beyond {@link #DETERMINIZE_WORK_LIMIT} throws {@link IllegalArgumentException}.
 */
final class DigitAutomaton {
  /** Work limit for Lucene's determinization (roughly, DFA states created). */
  static final int DETERMINIZE_WORK_LIMIT = PatternCompiler.DETERMINIZE_WORK_LIMIT;
  private static final int RADIX = 10;
  private static final int DEAD = -1;

  private final int[] next;
  private final boolean[] accept;

  private DigitAutomaton(int[] next, boolean[] accept) {
    this.next = next;
    this.accept = accept;
  }

  /**
   * The automaton of a {@code java.util.regex} pattern in the rule dialect, matched as {@code matches()} (or
   * {@code lookingAt()} with {@link #matchesPrefix}) would on ASCII digits.
   */
  static DigitAutomaton compile(String pattern) {
    Automaton nfa = PatternCompiler.toAutomaton(PatternDialect.parse(pattern));
    Automaton dfa = Operations.determinize(Operations.removeDeadStates(nfa), DETERMINIZE_WORK_LIMIT);
    int n = Math.max(dfa.getNumStates(), 1);
    int[] next = new int[n * RADIX];
    boolean[] accept = new boolean[n * RADIX];
    Arrays.fill(next, DEAD);
    for (int s = 0; s < dfa.getNumStates(); s++) {
      accept[s * RADIX] = dfa.isAccept(s);
      for (int d = 0; d < RADIX; d++) {
        int to = dfa.step(s, '0' + d);
        next[s * RADIX + d] = to < 0 ? DEAD : to * RADIX;
      }
    }
    return new DigitAutomaton(next, accept);
  }

  /** Whether the whole of {@code s[from, to)} is in the language. */
  boolean matches(CharSequence s, int from, int to) {
    int state = 0;
    for (int i = from; i < to && state >= 0; i++) {
      state = step(state, s.charAt(i));
    }
    return state >= 0 && accept[state];
  }

  /** Whether the whole of {@code s} is in the language. */
  boolean matches(CharSequence s) {
    return matches(s, 0, s.length());
  }

  /** Whether some prefix of {@code s[from, to)} (the empty one included) is in the language. */
  boolean matchesPrefix(CharSequence s, int from, int to) {
    int state = 0;
    for (int i = from; i < to; i++) {
      if (accept[state]) {
        return true;
      }
      state = step(state, s.charAt(i));
      if (state < 0) {
        return false;
      }
    }
    return accept[state];
  }

  /**
   * Whether the digits of {@code nibbles} are in the language: {@code n} decimal digits, four bits each, the
   * first in the highest nibble used (the form {@link PhoneNumbers} reads a match's digits into).
   */
  boolean matches(long nibbles, int n) {
    int state = 0;
    for (int shift = 4 * (n - 1); shift >= 0 && state >= 0; shift -= 4) {
      state = next[state + (int) (nibbles >>> shift & 0xf)];
    }
    return state >= 0 && accept[state];
  }

  /** Whether some prefix of the {@code n} digits of {@code nibbles} (the empty one included) is in the language. */
  boolean matchesPrefix(long nibbles, int n) {
    int state = 0;
    for (int shift = 4 * (n - 1); shift >= 0; shift -= 4) {
      if (accept[state]) {
        return true;
      }
      state = next[state + (int) (nibbles >>> shift & 0xf)];
      if (state < 0) {
        return false;
      }
    }
    return accept[state];
  }

  /** The state after digit character {@code c} from {@code state}; -1 for a dead state or a non-digit. */
  private int step(int state, char c) {
    int d = c - '0';
    return d < 0 || d >= RADIX ? -1 : next[state + d];
  }

  /** Number of states. */
  int stateCount() {
    return accept.length / RADIX;
  }
}
