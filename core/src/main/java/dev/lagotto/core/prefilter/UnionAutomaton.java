package dev.lagotto.core.prefilter;

import dev.lagotto.core.pattern.CompiledPattern;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All given rules' DFAs run at once as one lazily determinised automaton: from each position where a match of a rule
 * may start, where the first match from there ends. A thread of rule {@code r} starts at the first position and after
 * every byte that {@code r}'s boundary allows before a match, and ends after its first match whose boundary holds;
 * an automaton state is the set of live (rule, DFA state) threads. One table load per byte.
 *
 * <p>One end per start is all that a scanner needs to find the start again (every byte of a match is one of the rule's
 * bytes, so it can walk back from the end), and it then runs the rule's own DFA for the longest match. A thread that
 * went on would report every later end of the same match: a User-Agent string has some twenty, one per word and
 * version part. Ending threads at their first match cut the state sets of the default pack on {@code main} from
 * 7,900 to 5,600, and the accepting transitions, where the scan loop stops, from 1.1M to 0.67M per 64 MiB.
 *
 * <p>The rules and the byte classes (bytes that every rule treats alike) are fixed at {@link #of}; immutable and
 * thread-safe. The state sets and their transitions are built on demand in a {@link Cache}, one per scanning
 * thread, bounded by {@link #MAX_TABLE_ENTRIES} transitions (4 bytes each; the table's array is a power of two long,
 * at most twice the transitions it holds) and {@link #MAX_STATES} sets: a full cache is emptied and refilled from the
 * current state set, so text that visits many sets is slower, never wrong.
 * The steady state (every set the text reaches already built) allocates nothing.
 *
 * <p>Only rules whose DFA never re-enters its initial state can join (see {@link #canJoin}), so that the state of a
 * thread that has just started and of one that has read bytes are never confused.
 */
public final class UnionAutomaton {
  /** State sets a {@link Cache} keeps at most before it is emptied. */
  public static final int MAX_STATES = 1 << 14;
  /** Transitions a {@link Cache} keeps at most (state sets times byte classes): 8 MiB of table. */
  public static final int MAX_TABLE_ENTRIES = 1 << 21;
  private static final int UNKNOWN = 0;
  /** Chains of loads {@link Cache#scan} runs at once; {@link Cache#run} is written out for this many. */
  static final int CHAINS = 3;
  /** Entries of a cache's table before its first row: per byte, its class. */
  private static final int CLASS_MAP = 256;
  /** Shortest part of a range worth a chain of its own in {@link Cache#scan}. */
  private static final int MIN_PART = 4096;

  private final CompiledPattern[] patterns;
  private final boolean[][] forbidden;
  private final byte[] byteClass;
  private final int[] classByte;
  /** The number its {@link EndSink} is given for rule 0 (rule {@code r} is {@code firstRule + r}). */
  private final int firstRule;

  private UnionAutomaton(CompiledPattern[] patterns, boolean[][] forbidden, byte[] byteClass, int[] classByte,
      int firstRule) {
    this.patterns = patterns;
    this.forbidden = forbidden;
    this.byteClass = byteClass;
    this.classByte = classByte;
    this.firstRule = firstRule;
  }

  /**
   * The union of {@code patterns}, rule {@code j} being {@code patterns.get(j)} with {@code forbidden.get(j)} the
   * bytes that may not touch its matches (or {@code null}). Each pattern must satisfy {@link #canJoin}.
   * Cost: the patterns' states times 256 steps.
   */
  public static UnionAutomaton of(List<CompiledPattern> patterns, List<boolean[]> forbidden) {
    if (patterns.size() != forbidden.size() || patterns.size() > 0xffff) {
      throw new IllegalArgumentException("one forbidden table per pattern, at most 65,535 patterns");
    }
    for (CompiledPattern p : patterns) {
      if (!canJoin(p)) {
        throw new IllegalArgumentException("pattern re-enters its initial state: " + p.source());
      }
    }
    byte[] byteClass = new byte[256];
    Map<SetKey, Integer> columns = new HashMap<>();
    int[] classByte = new int[256];
    for (int b = 0; b < 256; b++) {
      int first = b;
      int c = columns.computeIfAbsent(new SetKey(column(patterns, forbidden, b)), k -> {
        classByte[columns.size()] = first;
        return columns.size();
      });
      byteClass[b] = (byte) c;
    }
    int classes = columns.size();
    return new UnionAutomaton(patterns.toArray(new CompiledPattern[0]), forbidden.toArray(new boolean[0][]), byteClass,
        Arrays.copyOf(classByte, classes), 0);
  }

  /**
   * This union with its rules numbered from {@code first} in what its caches report: so that a union of some rules
   * of another can report to the same {@link EndSink} under the other's numbers (one sink class for both keeps the
   * compiled scan loop from being thrown away for a second one).
   */
  public UnionAutomaton numberedFrom(int first) {
    return new UnionAutomaton(patterns, forbidden, byteClass, classByte, first);
  }

  /**
   * Whether {@code pattern} may join a union: no transition leads back to its initial state, and its states fit
   * in the 16 bits a thread keeps for them.
   */
  public static boolean canJoin(CompiledPattern pattern) {
    if (pattern.stateCount() > 0xffff) {
      return false;
    }
    for (int s = 0; s < pattern.stateCount(); s++) {
      for (int b = 0; b < 256; b++) {
        if (pattern.step(s, b) == 0) {
          return false;
        }
      }
    }
    return !pattern.isAccepting(0);
  }

  /** What byte {@code b} does in every rule: its forbidden bit and its transitions. */
  private static int[] column(List<CompiledPattern> patterns, List<boolean[]> forbidden, int b) {
    int n = 0;
    for (CompiledPattern p : patterns) {
      n += p.stateCount() + 1;
    }
    int[] column = new int[n];
    int i = 0;
    for (int r = 0; r < patterns.size(); r++) {
      column[i++] = forbidden.get(r) != null && forbidden.get(r)[b] ? 1 : 0;
      for (int s = 0; s < patterns.get(r).stateCount(); s++) {
        column[i++] = patterns.get(r).step(s, b);
      }
    }
    return column;
  }

  /** The number of rules. */
  public int ruleCount() {
    return patterns.length;
  }

  /** The number of byte classes. */
  public int classes() {
    return classByte.length;
  }

  /** A new, empty cache for one thread, of the default bounds. */
  public Cache newCache() {
    return newCache(Math.min(MAX_STATES, MAX_TABLE_ENTRIES / classByte.length));
  }

  /** A new, empty cache for one thread that keeps at most {@code maxStates} (at least 8) state sets. */
  public Cache newCache(int maxStates) {
    if (maxStates < 8) {
      throw new IllegalArgumentException("a cache needs room for at least 8 state sets, not " + maxStates);
    }
    return new Cache(maxStates);
  }

  /** Receives match ends from {@link Cache#scan}. */
  public interface EndSink {
    /** A match of rule {@code rule} (numbered as in {@link #of}, see {@link #numberedFrom}) ends at {@code end}. */
    void endAt(int rule, int end);
  }

  /** The lazily built states and transitions of one thread. Not thread-safe. */
  public final class Cache {
    private final int classes = classByte.length;
    /** {@code ceil(2^32 / classes)}, for {@link #idAt}. */
    private final long reciprocal = ((1L << 32) + classes - 1) / classes;
    /**
     * Per byte, its class ({@link #CLASS_MAP} entries); then per state set and class, at {@link #rowOf}{@code (id) +
     * class}, the row of the next set, negated when some rule accepts there (0 when not built yet).
     */
    private int[] table = classMap(64);
    private int[][] sets = new int[64][];
    /** Per set: the rules, not muted, that accept there; and all rules that do. */
    private int[][] accepting = new int[64][];
    private int[][] acceptingAll = new int[64][];
    /**
     * Per set: its one rule of {@link #accepting} when it has exactly one, else -1. Most accepting sets have one,
     * and this array is compact where {@link #accepting}'s arrays are scattered over the heap: it spares
     * {@link #report} a cache miss.
     */
    private int[] sole = new int[64];
    private final Map<SetKey, Integer> ids = new HashMap<>();
    private final int maxStates;
    /** Per rule: whether its ends are not reported (see {@link #mute}). */
    private final boolean[] muted = new boolean[patterns.length];
    /** Per rule: whether the sets follow its threads; every rule that is not muted is followed (see {@link #mute}). */
    private final boolean[] followed = new boolean[patterns.length];
    /** {@link #size} right after {@link #reset}: no transition built yet. */
    private int setsWhenEmpty;
    private int size;
    private int allId;
    private int noneId;
    private int flushes;
    /** The sets as they were before the last flush, so that {@link #scan}'s other chains can find theirs again. */
    private int[][] retired = new int[0][];
    /**
     * Per chain of {@link #scan}: the ends it reports are after this (those before are the chain before's), its
     * position, state row and next row.
     */
    private final int[] reportsAfter = new int[CHAINS];
    private final int[] chainPosition = new int[CHAINS];
    private final int[] chainRow = new int[CHAINS];
    private final int[] chainNext = new int[CHAINS];
    /** Per chain: its state set where {@link #scan} hands over between phases (rows may not survive a flush). */
    private final int[][] entrySets = new int[CHAINS][];
    /** Per chain but the first: ends found by {@link #scan}, reported after those of the chains before it. */
    private final HeldEnds[] held = new HeldEnds[CHAINS];

    /**
     * The length of a table with room for {@code sets} state sets: a power of two, so that {@link #run} can index it
     * with {@code & (length - 1)}, which C2 proves in bounds: the loop then has no range check (see {@link #run}).
     */
    private int tableLength(int sets) {
      return Integer.highestOneBit(CLASS_MAP + sets * classes - 1) << 1;
    }

    /** The row of state set {@code id} in {@link #table}. */
    private int rowOf(int id) {
      return CLASS_MAP + id * classes;
    }

    /**
     * The state set of row {@code row} (or of a transition to it, negated or not). A multiplication by the rounded-up
     * reciprocal of {@link #classes} instead of a division (on each stop of the scan loop): exact, as the row less
     * {@link #CLASS_MAP} is a multiple of {@code classes} and the error, below {@code id * classes / 2^32}, stays
     * under 1.
     */
    private int idAt(int row) {
      return (int) ((Math.abs(row) - CLASS_MAP) * reciprocal >>> 32);
    }

    /** A table for {@code sets} state sets: the byte classes first, then no transitions. */
    private int[] classMap(int sets) {
      int[] t = new int[tableLength(sets)];
      for (int b = 0; b < CLASS_MAP; b++) {
        t[b] = byteClass[b] & 0xff;
      }
      return t;
    }

    private Cache(int maxStates) {
      this.maxStates = maxStates;
      for (int k = 1; k < CHAINS; k++) {
        held[k] = new HeldEnds();
      }
      reset();
    }

    /** How many times the cache was emptied because it was full. */
    public int flushes() {
      return flushes;
    }

    /** State sets in the cache now. */
    public int states() {
      return size;
    }

    /**
     * Stops reporting the ends of the rules {@code r} with {@code rules[r]}, and reports those of the others again.
     * Call it between scans. A muted rule's threads still in the sets cost the scan: a date of birth's digits in every
     * timestamp, a UUID's hex in every request id, make sets that its hot loop walks through. So the cache is
     * emptied, and its sets built again without the muted rules (in-process {@code ab.sh} on {@code main}, where the
     * gates mute three rules: 1.02-1.03), when that is free (nothing built yet) or needed (a rule to report is not
     * followed); rebuilding costs about as much as scanning 2 MiB. Otherwise only which transitions report changes
     * (one pass over the sets and transitions built so far, at most {@link #MAX_TABLE_ENTRIES}), and the muted rules
     * stay followed until the cache is next emptied: a rule muted and unmuted in turn costs no rebuild.
     */
    public void mute(boolean[] rules) {
      if (Arrays.equals(rules, muted)) {
        return;
      }
      System.arraycopy(rules, 0, muted, 0, muted.length);
      boolean rebuild = size == setsWhenEmpty;
      for (int r = 0; r < muted.length && !rebuild; r++) {
        rebuild = !muted[r] && !followed[r];
      }
      if (rebuild) {
        reset();
        return;
      }
      for (int id = 0; id < size; id++) {
        accepting[id] = unmuted(acceptingAll[id]);
        sole[id] = soleOf(accepting[id]);
      }
      for (int i = CLASS_MAP; i < rowOf(size); i++) {
        int v = Math.abs(table[i]);
        if (v != UNKNOWN) {
          table[i] = accepting[idAt(v)].length > 0 ? -v : v;
        }
      }
    }

    private void reset() {
      Arrays.fill(table, CLASS_MAP, rowOf(size), UNKNOWN);
      retired = sets;
      sets = new int[sets.length][];
      accepting = new int[accepting.length][];
      acceptingAll = new int[acceptingAll.length][];
      ids.clear();
      // id 0 is no set, so that 0 in the table means "not built yet"
      sets[0] = new int[0];
      accepting[0] = new int[0];
      acceptingAll[0] = accepting[0];
      sole[0] = -1;
      size = 1;
      noneId = idOf(new int[0]);
      int[] all = new int[patterns.length];
      int n = 0;
      for (int r = 0; r < all.length; r++) {
        followed[r] = !muted[r];
        if (followed[r]) {
          all[n++] = r << 16;
        }
      }
      allId = idOf(Arrays.copyOf(all, n));
      setsWhenEmpty = size;
    }

    /**
     * Reports to {@code sink}, for each rule and each {@code p >= from} whose byte before the rule's boundary allows
     * (any byte when {@code p == lo}), the (rule, end) of the first {@code end <= hi} where a match of the rule in
     * {@code bytes[p, end)} ends with the boundary allowing the byte at {@code end} (or {@code end == hi}), when that
     * match is at most {@code maxSpan} bytes long (longer ones may be reported too); each (rule, end) once, and
     * nothing else. Ends come in increasing order.
     *
     * <p>Cost: one table load per byte, plus the building of sets the text reaches for the first time. A long range
     * is read as {@link #CHAINS} equal parts at once, independent chains of loads that the processor overlaps
     * ({@link #run}). Each chain goes on {@code maxSpan} bytes into the next part, so that it sees every match of at
     * most {@code maxSpan} bytes that ends there; the next chain's ends there are dropped, and its later ones held
     * back until the chains before it are done.
     */
    public void scan(byte[] bytes, int lo, int from, int hi, int maxSpan, EndSink sink) {
      int part = (hi - from) / CHAINS;
      if (part - maxSpan < MIN_PART) {
        scanOne(bytes, lo, from, hi, sink);
        return;
      }
      final int[] pos = chainPosition;
      final int[] row = chainRow;
      final int[] next = chainNext;
      for (int k = 0; k < CHAINS; k++) {
        pos[k] = from + k * part;
        reportsAfter[k] = k == 0 ? from : pos[k] + maxSpan;
        row[k] = entry(bytes, lo, pos[k]);
        entrySets[k] = sets[idAt(row[k])];
        if (k > 0) {
          held[k].clear();
        }
      }
      for (int k = 0; k < CHAINS; k++) {
        row[k] = rowOf(idOf(entrySets[k])); // the entries of the first chains may predate a flush
      }
      for (int n = 0; (n = run(table, bytes, from, part, n, row, next)) < part; n++) {
        for (int k = 0; k < CHAINS; k++) {
          pos[k] = from + k * part + n;
        }
        settle(bytes, hi, sink);
        System.arraycopy(next, 0, row, 0, CHAINS);
      }
      for (int k = 0; k < CHAINS; k++) {
        entrySets[k] = sets[idAt(row[k])];
      }
      for (int k = 0; k < CHAINS; k++) {
        if (k > 0) {
          held[k].drainTo(sink);
        }
        // each chain goes on to where the next one's own part starts (the end for the last one); by set, not row:
        // finishing the chains before may have emptied the cache
        scanFrom(bytes, from + (k + 1) * part, k + 1 < CHAINS ? reportsAfter[k + 1] : hi, hi,
            rowOf(idOf(entrySets[k])), sink);
      }
    }

    /**
     * Steps the three chains, at {@code from + n}, {@code from + part + n} and {@code from + 2 * part + n}, together
     * from {@code n} until {@code part}, or until some chain's transition is not a plain one (unknown or accepting).
     * The chains' rows come in and go out through {@code row}; at a stop, their transitions are in {@code next}.
     * Returns where it stopped ({@code part} at the end). Three chains at one stride, and the byte classes in the
     * same table as the transitions, leave few enough values that C2 keeps most in registers (with four
     * chains it spilled them, and was 13% slower on {@code clean}). Every load's index is masked with the table's
     * length less one (a power of two), which changes no index but lets C2 drop the six range checks per step: an
     * {@code and} on each chain's path instead of a compare and branch beside it. In-process {@code ab.sh}, both
     * orders: 1.09 and 1.11 on {@code main} with all rules (a stop every 30 steps or so), 1.02 with the rules.tsv
     * categories, 0.97 on {@code clean} (long runs without a stop, where the {@code and}'s cycle shows).
     */
    private static int run(int[] table, byte[] bytes, int from, int part, int n, int[] row, int[] next) {
      int s0 = row[0];
      int s1 = row[1];
      int s2 = row[2];
      final int mask = table.length - 1;
      for (; n < part; n++) {
        int p = from + n;
        int t0 = table[s0 + table[bytes[p] & 0xff & mask] & mask];
        int t1 = table[s1 + table[bytes[p + part] & 0xff & mask] & mask];
        int t2 = table[s2 + table[bytes[p + 2 * part] & 0xff & mask] & mask];
        if (((t0 - 1) | (t1 - 1) | (t2 - 1)) < 0) {
          next[0] = t0;
          next[1] = t1;
          next[2] = t2;
          break;
        }
        s0 = t0;
        s1 = t1;
        s2 = t2;
      }
      row[0] = s0;
      row[1] = s1;
      row[2] = s2;
      return n;
    }

    /**
     * The slow path of {@link #scan}'s step: builds the missing transitions and reports the accepting ones, chain
     * by chain, from and into {@link #chainNext}. When a build empties the cache, the rows of the other chains are
     * looked up again in the new cache.
     */
    private void settle(byte[] bytes, int hi, EndSink sink) {
      final int[] pos = chainPosition;
      final int[] row = chainRow;
      final int[] next = chainNext;
      for (int k = 0; k < CHAINS; k++) {
        int t = next[k];
        if (t == UNKNOWN) {
          int flushed = flushes;
          t = build(idAt(row[k]), table[bytes[pos[k]] & 0xff]);
          if (flushes != flushed) {
            for (int j = 0; j < CHAINS; j++) {
              if (j < k) {
                next[j] = rowOf(idOf(retired[idAt(next[j])]));
              } else if (j > k) {
                row[j] = rowOf(idOf(retired[idAt(row[j])]));
                next[j] = table[row[j] + table[bytes[pos[j]] & 0xff]];
              }
            }
          }
        }
        if (t < 0) {
          t = -t;
          int end = pos[k] + 1;
          if (k == 0) {
            report(idAt(t), bytes, end, hi, sink);
          } else if (end > reportsAfter[k]) {
            report(idAt(t), bytes, end, hi, held[k]);
          }
        }
        next[k] = t;
      }
    }

    /** As {@link #scan(byte[], int, int, int, int, EndSink)} in one chain, for every match length. */
    public void scanOne(byte[] bytes, int lo, int from, int hi, EndSink sink) {
      if (from < hi) {
        scanFrom(bytes, from, hi, hi, entry(bytes, lo, from), sink);
      }
    }

    /** The row of the state at {@code from}: threads of every rule whose boundary allows the byte before. */
    private int entry(byte[] bytes, int lo, int from) {
      return from == lo ? rowOf(allId) : next(rowOf(noneId), table[bytes[from - 1] & 0xff]);
    }

    /** One chain from state row {@code s} at {@code from} up to {@code stop}; ends are checked against {@code hi}. */
    private void scanFrom(byte[] bytes, int from, int stop, int hi, int s, EndSink sink) {
      for (int i = from; i < stop; i++) {
        int t = table[s + table[bytes[i] & 0xff]];
        if (t <= 0) {
          if (t == UNKNOWN) {
            t = build(idAt(s), table[bytes[i] & 0xff]);
          }
          if (t < 0) {
            t = -t;
            report(idAt(t), bytes, i + 1, hi, sink);
          }
        }
        s = t;
      }
    }

    /** The state after class {@code c} from state {@code s} (both times classes), ignoring acceptance. */
    private int next(int s, int c) {
      int t = table[s + c];
      if (t == UNKNOWN) {
        t = build(idAt(s), c);
      }
      return Math.abs(t);
    }

    private void report(int id, byte[] bytes, int end, int hi, EndSink sink) {
      int next = end < hi ? bytes[end] & 0xff : -1;
      int one = sole[id];
      if (one >= 0) {
        if (next < 0 || forbidden[one] == null || !forbidden[one][next]) {
          sink.endAt(firstRule + one, end);
        }
        return;
      }
      for (int r : accepting[id]) {
        if (next < 0 || forbidden[r] == null || !forbidden[r][next]) {
          sink.endAt(firstRule + r, end);
        }
      }
    }

    /** Builds the transition of set {@code id} on class {@code c}; returns it as stored in {@link #table}. */
    private int build(int id, int c) {
      int[] from = sets[id];
      if (size >= maxStates) {
        flushes++;
        reset();
        id = idOf(from);
      }
      int b = classByte[c];
      int[] to = new int[from.length + patterns.length];
      int n = 0;
      for (int x : from) {
        int r = x >>> 16;
        // a thread in an accepting state whose boundary allows this byte has had its first match: it ends
        if ((x & 0xffff) != 0 && patterns[r].isAccepting(x & 0xffff) && (forbidden[r] == null || !forbidden[r][b])) {
          continue;
        }
        int t = patterns[r].step(x & 0xffff, b);
        if (t >= 0) {
          to[n++] = (x & 0xffff0000) | t;
        }
      }
      for (int r = 0; r < patterns.length; r++) {
        if (followed[r] && (forbidden[r] == null || !forbidden[r][b])) {
          to[n++] = r << 16;
        }
      }
      Arrays.sort(to, 0, n);
      int m = 0;
      for (int k = 0; k < n; k++) {
        if (m == 0 || to[m - 1] != to[k]) {
          to[m++] = to[k];
        }
      }
      int target = idOf(Arrays.copyOf(to, m));
      int value = accepting[target].length > 0 ? -rowOf(target) : rowOf(target);
      table[rowOf(id) + c] = value;
      return value;
    }

    private int idOf(int[] set) {
      SetKey key = new SetKey(set);
      Integer known = ids.get(key);
      if (known != null) {
        return known;
      }
      int id = size++;
      if (size > sets.length) {
        sets = Arrays.copyOf(sets, sets.length * 2);
        accepting = Arrays.copyOf(accepting, accepting.length * 2);
        acceptingAll = Arrays.copyOf(acceptingAll, acceptingAll.length * 2);
        sole = Arrays.copyOf(sole, sole.length * 2);
        table = Arrays.copyOf(table, tableLength(sets.length));
      }
      sets[id] = set;
      acceptingAll[id] = acceptingRules(set);
      accepting[id] = unmuted(acceptingAll[id]);
      sole[id] = soleOf(accepting[id]);
      ids.put(key, id);
      return id;
    }

    /** The rules that have a thread in an accepting state in {@code set} (increasing, once each). */
    private int[] acceptingRules(int[] set) {
      int[] out = new int[set.length];
      int n = 0;
      for (int x : set) {
        int r = x >>> 16;
        if ((x & 0xffff) != 0 && patterns[r].isAccepting(x & 0xffff) && (n == 0 || out[n - 1] != r)) {
          out[n++] = r;
        }
      }
      return Arrays.copyOf(out, n);
    }

    private static int soleOf(int[] rules) {
      return rules.length == 1 ? rules[0] : -1;
    }

    /** {@code rules} without the muted ones ({@code rules} itself when none is muted). */
    private int[] unmuted(int[] rules) {
      int n = 0;
      for (int r : rules) {
        n += muted[r] ? 0 : 1;
      }
      if (n == rules.length) {
        return rules;
      }
      int[] out = new int[n];
      n = 0;
      for (int r : rules) {
        if (!muted[r]) {
          out[n++] = r;
        }
      }
      return out;
    }
  }

  /** Ends held back in arrival order, then passed on. Not thread-safe. */
  private static final class HeldEnds implements EndSink {
    private int[] rules = new int[256];
    private int[] ends = new int[256];
    private int size;

    @Override
    public void endAt(int rule, int end) {
      if (size == ends.length) {
        rules = Arrays.copyOf(rules, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      rules[size] = rule;
      ends[size++] = end;
    }

    /** Forgets the held ends (of a scan that did not finish). */
    void clear() {
      size = 0;
    }

    /** Passes the held ends to {@code sink} in arrival order and forgets them. */
    void drainTo(EndSink sink) {
      for (int m = 0; m < size; m++) {
        sink.endAt(rules[m], ends[m]);
      }
      size = 0;
    }
  }

  /** An int array as a hash key (a state set, a byte's column of transitions). */
  private record SetKey(int[] set, int hash) {
    SetKey(int[] set) {
      this(set, Arrays.hashCode(set));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SetKey k && k.hash == hash && Arrays.equals(k.set, set);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
