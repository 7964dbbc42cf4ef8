package dev.lagotto.core.scan;

import dev.lagotto.core.context.ContextScorer;
import dev.lagotto.core.context.CsvColumns;
import dev.lagotto.core.pattern.CompiledPattern;
import dev.lagotto.core.prefilter.Candidates;
import dev.lagotto.core.prefilter.Prefilter;
import dev.lagotto.core.prefilter.UnionAutomaton;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.validate.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The indexed rule engine: finds the matches of a rule pack in chunks of UTF-8 bytes. Built once per
 * (pack, settings); immutable and thread-safe: one scanner serves all threads, each with its own scratch
 * buffers (a {@link ThreadLocal}, grown to the largest chunk seen, so the steady state does not allocate).
 *
 * <p><b>Match semantics</b> (identical in every {@link ScanSettings.PrefilterMode}). Only rules of
 * {@link ScanSettings#categories()} are compiled.
 * For each rule independently, candidate starts {@code s} are taken in increasing order in
 * {@code [max(chunk.start, chunk.reportFrom - MAX_MATCH_LENGTH), min(chunk.end, chunk.reportTo +
 * MAX_MATCH_LENGTH))} (matches just outside the report range are computed so that they take part in overlap
 * resolution exactly as in a scan of the whole stream, but are not reported):
 * <ol>
 *   <li>the rule's boundary must hold before {@code s} (the byte at {@code s-1}, when {@code s-1 >=
 *       chunk.start}); then the pattern's DFA (or the custom matcher) runs from {@code s} over at most the
 *       rule's maximum length ({@link #MAX_MATCH_LENGTH} at most) and not past {@code chunk.end}; the
 *       match is the <em>longest</em> end {@code e} at which the pattern accepts and the boundary holds
 *       after {@code e} (the byte at {@code e}, when {@code e < chunk.end});
 *   <li>the match is dropped if it equals an {@code exclude.values} entry (ASCII-case-insensitively) or
 *       an {@code exclude.patterns} pattern matches all of it; then the validators run in order (a factor
 *       {@code <= 0} drops it, a factor below 1 multiplies the confidence); then the
 *       {@link ContextScorer} ({@link ContextScorer#DROP} drops it); then a confidence below
 *       {@link ScanSettings#minConfidence()} drops it;
 *   <li>a kept match is recorded; kept or dropped, the rule continues at {@code e}, so matches of one
 *       rule never overlap and a pattern match that a filter drops consumes its bytes: no shorter match
 *       of the same rule is reported inside it (an IPv4 address inside an OID such as
 *       {@code 1.3.6.1.4.1.2021.10.1.3.1}, a MAC address in the tail of an MD5 fingerprint). Where no
 *       pattern match starts at {@code s}, the rule continues at {@code s + 1}.
 * </ol>
 * Then <b>overlaps across rules</b> are resolved: one span gets one finding. Among matches that overlap
 * (transitively, a cluster), the best is kept and every match overlapping it is dropped, repeatedly; "best"
 * is, in order: the higher {@link #specificity(Category) category specificity} (e-mail beats an IPv4
 * inside its domain, MAC beats IPv6, IBAN beats a card number inside it), then the longer span (a longer
 * span beats one it contains), then the higher confidence, then the earlier start, then the earlier rule
 * in the pack. Finally the matches that start in {@code [chunk.reportFrom, chunk.reportTo)} are passed to
 * the sink in increasing start order. Bytes outside {@code [chunk.start, chunk.end)} are never read.
 *
 * <p>Callers that cut a stream into chunks should give each chunk {@link #CHUNK_OVERLAP} bytes of left
 * context ({@code reportFrom - start}) and of right tail ({@code end - reportTo}), at least the rules' context
 * window, so that a match across a chunk boundary is reported once, by one chunk, as in a whole-stream scan.
 *
 * <p><b>Candidates.</b> {@code NONE} tries every position. {@code INDEXED} runs the rules that have a DFA (all
 * but custom matchers) as one {@link UnionAutomaton}, one table load per byte, which reports, for every position
 * where a rule's boundary allows a match to start, the (rule, end) of the first match from there with both boundaries
 * holding; a rule then tries the positions {@code p} in
 * {@code [end - maxLength, end - minLength]} from which every byte up to the end is one of its token bytes (bytes
 * that occur in some match), in increasing order and never twice ({@code runEndCandidates}). The union's rules with a
 * required context are {@link RequiredContextGates gated}: their ends are used only in chunks where that context
 * can occur (a rule cannot report anything elsewhere). A custom matcher that
 * {@linkplain dev.lagotto.core.pattern.CustomMatcher#findsStarts finds its own starts} (the person-name matcher,
 * eight bytes at a time, with a dictionary probe per capitalised word) gives its candidates itself. Other custom
 * matchers, and every rule in {@code INDEX_ONLY}, take their candidates from the {@link Prefilter}: for a rule
 * with keywords (proven at build time to occur in every match), at a keyword
 * occurrence at {@code k} the positions of the run of the rule's token bytes (bytes that occur in some
 * match) that ends at {@code k}, within the rule's maximum length, in increasing order and never a position
 * twice; for other rules the positions whose byte can start a match, whose preceding byte the boundary
 * allows and whose run of digits or letters passes the rule's {@link dev.lagotto.core.prefilter.RunGate}.
 * An occurrence of a one-byte keyword is followed up only if the digit and hex runs around it pass the
 * rule's {@link dev.lagotto.core.prefilter.KeywordGate}s (lengths a match can have there), checked once for
 * all rules sharing the keyword. Both gates are necessary conditions
 * computed from the DFA (or declared by a custom matcher). Before the DFA runs, both modes also check up to
 * four <em>probes</em>: offsets below the rule's
 * shortest match length whose possible bytes (from the DFA) are rare in log text; a candidate whose byte at
 * a probe offset is impossible cannot start a match. Every position where a match starts is therefore a
 * candidate that passes its probes, and since candidates are taken in increasing order with the same skip
 * rule, both modes find exactly what NONE finds. {@link #scan} returns the number of DFA or custom matcher
 * runs (after the boundary check and, outside NONE, the probes and a required key context that
 * can be checked before the pattern, see CompiledRule#keyGated).
 *
 * <p>Costs (single thread): in {@code INDEXED}, one table load per byte for the union (plus the building of
 * automaton states the text reaches first, cached per thread); for the name matcher's own finder, about three
 * operations per byte and a dictionary probe per capitalised word; when custom matchers without a finder are
 * selected, the index's pass of two table loads per byte; per candidate, a few table loads; per run, one load per
 * byte (a compact byte-class table that stays in L1).
 */
public final class Scanner {
  /** The longest match any rule can report, in bytes. */
  public static final int MAX_MATCH_LENGTH = 512;
  /**
   * Left context and right tail a chunk should have beyond its report range so that cutting a stream into
   * overlapping chunks reports what one scan of the whole stream reports.
   */
  public static final int CHUNK_OVERLAP = 2 * MAX_MATCH_LENGTH;
  /** Bytes handed to the prefilter at once; bounds the event buffer. */
  static final int SEGMENT = 64 * 1024;

  /**
   * Categories from most to least specific; the order overlapping matches are resolved by. Categories not
   * listed come last.
   */
  public static final List<Category> SPECIFICITY_ORDER = List.of(
      Category.EMAIL, Category.IBAN, Category.CREDIT_CARD, Category.MAC_ADDRESS, Category.NATIONAL_ID,
      Category.DEVICE_ID, Category.SESSION_ID, Category.USER_AGENT, Category.IPV6, Category.IPV4,
      Category.GEO_COORDINATES, Category.DATE_OF_BIRTH, Category.PHONE, Category.STREET_ADDRESS,
      Category.PERSON_NAME);

  private final RulePack pack;
  private final ScanSettings settings;
  private final CompiledRule[] rules;
  private final Prefilter prefilter;
  /** {@link ScanSettings.PrefilterMode#INDEXED}: the rules with a DFA as one automaton, or {@code null}. */
  private final UnionAutomaton union;
  /** Per rule of {@link #union} (before the markers of {@link #gates}): the scanner's rule index. */
  private final int[] unionRules;
  /** The rules of the union whose required context is looked for first, and their markers in the union. */
  private final RequiredContextGates gates;
  /** {@code INDEXED}: the rules whose custom matcher finds its own starts (none of them in {@link #prefilter}). */
  private final CompiledRule[] finders;
  /** Whether some rule is triggered by {@link #prefilter} (false when the union and the finders hold every rule). */
  private final boolean prefilterNeeded;
  /** Whether the prefilter (and the probes, a cheap necessary check before a DFA run) are used. */
  private final boolean indexed;
  private final ThreadLocal<Scratch> scratch;

  private Scanner(RulePack pack, ScanSettings settings) {
    this.pack = pack;
    this.settings = settings;
    rules = compileAll(pack.rules().stream().filter(r -> settings.categories().contains(r.category())).toList(),
        settings);
    List<CompiledRule> compiled = List.of(rules);
    List<CompiledRule> joining = settings.prefilter() != ScanSettings.PrefilterMode.INDEXED ? List.of()
        : compiled.stream().filter(c -> c.pattern != null && UnionAutomaton.canJoin(c.pattern)).toList();
    if (joining.isEmpty()) {
      union = null;
      unionRules = new int[0];
      gates = RequiredContextGates.NONE;
    } else {
      gates = RequiredContextGates.of(joining);
      List<CompiledPattern> patterns = new ArrayList<>();
      List<boolean[]> forbidden = new ArrayList<>();
      for (CompiledRule c : joining) {
        patterns.add(c.pattern);
        forbidden.add(c.forbidden);
      }
      patterns.addAll(gates.markers());
      forbidden.addAll(gates.markerForbidden());
      union = UnionAutomaton.of(patterns, forbidden);
      unionRules = joining.stream().mapToInt(c -> c.index).toArray();
    }
    finders = settings.prefilter() != ScanSettings.PrefilterMode.INDEXED ? new CompiledRule[0]
        : compiled.stream().filter(c -> c.matcher != null && c.matcher.findsStarts()).toArray(CompiledRule[]::new);
    List<CompiledRule> finding = List.of(finders);
    if (settings.prefilter() == ScanSettings.PrefilterMode.NONE) {
      prefilter = Prefilter.NONE;
    } else {
      // rules of the union and the finders are never triggered by the index
      prefilter = Prefilter.build(compiled.stream()
          .map(c -> joining.contains(c) || finding.contains(c)
              ? new Prefilter.Trigger.StartBytes(new boolean[256], Rule.Boundary.NONE) : c.trigger)
          .toList());
    }
    prefilterNeeded = joining.size() + finders.length < rules.length;
    indexed = !prefilter.isNone();
    int n = rules.length;
    scratch = ThreadLocal.withInitial(() -> new Scratch(n));
  }

  /**
   * Compiles the rules on the common fork-join pool (pattern compilation dominates a scanner's build, and the
   * rules are independent); a failure is reported for the first failing rule in pack order, as a sequential
   * build would.
   */
  private static CompiledRule[] compileAll(List<Rule> selected, ScanSettings settings) {
    CompiledRule[] out = new CompiledRule[selected.size()];
    RuleCompileException[] errors = new RuleCompileException[selected.size()];
    java.util.stream.IntStream.range(0, selected.size()).parallel().forEach(i -> {
      Rule r = selected.get(i);
      try {
        out[i] = CompiledRule.compile(r, i, settings);
      } catch (RuleCompileException e) {
        errors[i] = new RuleCompileException(r.id() + " (" + r.origin() + ")", e.field(), e.reason());
      }
    });
    for (RuleCompileException e : errors) {
      if (e != null) {
        throw e;
      }
    }
    return out;
  }

  /**
   * A scanner for the rules of {@code pack} in {@code settings.categories()}; throws
   * {@link RuleCompileException} (an {@link IllegalArgumentException}) naming the rule and field that cannot
   * be compiled. Cost: compiles every pattern (cached per process; in parallel on the common pool) and builds
   * the prefilter.
   */
  public static Scanner build(RulePack pack, ScanSettings settings) {
    return new Scanner(pack, settings);
  }

  public RulePack pack() {
    return pack;
  }

  public ScanSettings settings() {
    return settings;
  }

  /** The number of rules compiled (those of the selected categories). */
  public int ruleCount() {
    return rules.length;
  }

  /** The index (for measuring the first stage alone; see the test tool {@code FirstStageCeiling}). */
  Prefilter prefilter() {
    return prefilter;
  }

  /** The compiled rules, in pack order (do not modify the array). */
  CompiledRule[] compiledRules() {
    return rules;
  }

  /** The rank of a category in {@link #SPECIFICITY_ORDER}: higher is more specific. */
  public static int specificity(Category category) {
    int i = SPECIFICITY_ORDER.indexOf(category);
    return i < 0 ? 0 : SPECIFICITY_ORDER.size() - i;
  }

  /**
   * Scans one chunk and passes its resolved matches to {@code sink} in increasing start order (see the
   * class comment for the semantics). Returns the number of rule pattern runs (DFA or custom matcher
   * invocations): the cost measure that the prefilter keeps low. Complexity: one pass over
   * {@code [reportFrom - MAX_MATCH_LENGTH, reportTo)} plus, per candidate, at most the rule's maximum
   * length of DFA steps.
   */
  public int scan(Chunk chunk, MatchSink sink) {
    return scan(chunk, null, sink);
  }

  /**
   * As {@link #scan(Chunk, MatchSink)}, for a chunk of a stream whose first line is the CSV header
   * {@code header} (or {@code null}): a match in a column named by one of its rule's context keys counts as
   * keyed (see {@link ContextScorer}).
   */
  public int scan(Chunk chunk, CsvColumns header, MatchSink sink) {
    Scratch s = scratch.get();
    s.begin();
    s.header = header;
    byte[] b = chunk.bytes();
    int lo = chunk.start();
    int hi = chunk.end();
    int from = Math.max(lo, chunk.reportFrom() - MAX_MATCH_LENGTH);
    int to = Math.min(hi, chunk.reportTo() + MAX_MATCH_LENGTH);
    if (prefilter.isNone()) {
      for (CompiledRule r : rules) {
        int p = from;
        while (p < to) {
          p = Math.max(tryAt(r, b, lo, hi, p, s), s.next[r.index]);
        }
      }
    } else {
      Candidates events = s.events;
      s.bytes = b;
      s.lo = lo;
      s.hi = hi;
      s.from = from;
      s.to = to;
      if (union != null) {
        // from lo: the gates' markers count in the left context (ends before from give no candidate)
        s.unionCache.scan(b, lo, lo, hi, MAX_MATCH_LENGTH, s);
        s.gateState.settle(b, lo, from, hi, header, s.endCount);
        s.runEndCandidates();
      }
      for (int segFrom = from; segFrom < to && (prefilterNeeded || finders.length > 0); segFrom += SEGMENT) {
        int segTo = Math.min(to, segFrom + SEGMENT);
        int keywordTo = segTo == to ? Math.min(hi, to + MAX_MATCH_LENGTH) : segTo;
        events.clear();
        if (prefilterNeeded) {
          prefilter.scan(b, lo, segFrom, segTo, keywordTo, hi, events, s);
        }
        for (CompiledRule r : finders) {
          s.findStarts(r, segFrom, segTo);
        }
        s.runStartCandidates();
        events.sort();
        int count = events.size();
        for (int i = 0; i < count; i++) {
          int payload = events.payload(i);
          keyword(rules[prefilter.ruleOf(payload)], b, lo, hi, from, to, events.position(i),
              prefilter.keywordLength(payload), s);
        }
      }
      s.bytes = null;
    }
    resolve(s, chunk, sink);
    return s.rulesRun;
  }

  /**
   * Candidates of a keyword occurrence at {@code k}: the run of token bytes that ends at {@code k}, no
   * further back than the rule's keyword reach D (the largest offset of the first keyword in a match), then
   * {@code k}; positions already tried for this rule are not tried again. None when a match whose first
   * keyword is at {@code k} is impossible: such a match starts at or after {@code k - D} and has at least
   * the rule's minimum length, so bytes {@code [k, k - D + minLength)} must all be token bytes.
   */
  private void keyword(CompiledRule r, byte[] b, int lo, int hi, int from, int to, int k, int length, Scratch s) {
    int idx = r.index;
    int floor = Math.max(Math.max(from, k - r.keywordReach), Math.max(s.tried[idx] + 1, s.next[idx]));
    int last = Math.min(k, to - 1);
    if (floor > last) {
      return;
    }
    boolean[] token = r.tokenBytes;
    int need = k - r.keywordReach + r.minLength;
    if (need > k) {
      if (need > hi) {
        return;
      }
      for (int q = k; q < need; q++) {
        if (!token[b[q] & 0xff]) {
          return;
        }
      }
    }
    int p = k;
    while (p > floor && token[b[p - 1] & 0xff]) {
      p--;
    }
    boolean[] start = r.startBytes;
    boolean[] forbidden = r.forbidden;
    while (p <= last) {
      if (p < s.next[idx]) {
        p = s.next[idx];
      } else if (start[b[p] & 0xff] && (forbidden == null || p == lo || !forbidden[b[p - 1] & 0xff])) {
        p = tryAt(r, b, lo, hi, p, s);
      } else {
        p++;
      }
    }
    s.tried[idx] = last;
  }

  /**
   * Tries rule {@code r} at {@code p}: boundary before, pattern, filters; records a kept match. Returns
   * where the rule continues: the end of the pattern match, kept or dropped, else {@code p + 1}.
   */
  private int tryAt(CompiledRule r, byte[] b, int lo, int hi, int p, Scratch s) {
    boolean[] forbidden = r.forbidden;
    if (p > lo && forbidden != null && forbidden[b[p - 1] & 0xff]) {
      return p + 1;
    }
    if (r.probeA != null && indexed) {
      int q = p + r.probeAOffset;
      if (q >= hi || !r.probeA[b[q] & 0xff]) {
        return p + 1;
      }
      q = p + r.probeBOffset;
      if (r.probeB != null && (q >= hi || !r.probeB[b[q] & 0xff])) {
        return p + 1;
      }
    }
    if (r.keyGated && indexed && !r.context.keyOrColumnBefore(b, lo, p, s.header)) {
      return p + 1;
    }
    s.rulesRun++;
    int limit = Math.min(hi, p + r.maxLength);
    int e;
    if (r.pattern != null) {
      e = r.pattern.longestMatch(b, p, limit, hi, forbidden);
    } else {
      e = r.matcher.match(b, lo, p, limit);
      if (e <= p || e > limit || (e < hi && forbidden != null && forbidden[b[e] & 0xff])) {
        e = -1;
      }
    }
    if (e < 0) {
      return p + 1;
    }
    double confidence = accept(r, b, lo, hi, p, e, s.header);
    if (confidence >= 0) {
      s.add(r.index, p, e, confidence);
    }
    s.next[r.index] = e;
    return e;
  }

  /**
   * The confidence of a pattern match after exclusions, validators, context and the minimum; -1 drops it.
   * A required context is checked before the validators (a byte search is cheaper than most validators;
   * every filter is a pure function of the bytes, so the order does not change the result).
   */
  private double accept(CompiledRule r, byte[] b, int lo, int hi, int start, int end, CsvColumns header) {
    if (r.excludeValues.length > 0 && r.excludedValue(b, start, end)) {
      return -1;
    }
    for (var x : r.excludePatterns) {
      if (x.matchesWhole(b, start, end)) {
        return -1;
      }
    }
    if (r.contextRequired && !r.context.hasPositive(b, lo, hi, start, end, header)) {
      return -1;
    }
    double confidence = r.rule.confidence();
    for (Validator v : r.validators) {
      double f = v.check(b, start, end);
      if (!(f > 0)) {
        return -1;
      }
      confidence *= Math.min(1, f);
    }
    confidence = r.contextRequired ? r.context.adjust(b, lo, hi, start, end, confidence, true)
        : r.context.score(b, lo, hi, start, end, confidence, header);
    if (confidence < 0 || Double.isNaN(confidence)) {
      return -1;
    }
    confidence = Math.min(1, confidence);
    return confidence < settings.minConfidence() ? -1 : confidence;
  }

  /** Resolves overlaps across rules and reports the matches that start in the report range. */
  private void resolve(Scratch s, Chunk chunk, MatchSink sink) {
    int n = s.count;
    if (n == 0) {
      return;
    }
    long[] order = s.order;
    for (int i = 0; i < n; i++) {
      order[i] = ((long) s.start[i] << 32) | i;
    }
    AscendingRuns.sort(order, n, s.sortScratch, s.runBounds);
    int i = 0;
    while (i < n) {
      int first = (int) order[i];
      int maxEnd = s.end[first];
      int j = i + 1;
      while (j < n && s.start[(int) order[j]] < maxEnd) {
        maxEnd = Math.max(maxEnd, s.end[(int) order[j]]);
        j++;
      }
      if (j == i + 1) {
        emit(s, first, chunk, sink);
      } else {
        cluster(s, i, j, chunk, sink);
      }
      i = j;
    }
  }

  private void cluster(Scratch s, int from, int to, Chunk chunk, MatchSink sink) {
    long[] order = s.order;
    byte[] state = s.state;
    Arrays.fill(state, from, to, ALIVE);
    while (true) {
      int best = -1;
      for (int t = from; t < to; t++) {
        if (state[t] == ALIVE && (best < 0 || better(s, (int) order[t], (int) order[best]))) {
          best = t;
        }
      }
      if (best < 0) {
        break;
      }
      state[best] = CHOSEN;
      int m = (int) order[best];
      for (int t = from; t < to; t++) {
        int o = (int) order[t];
        if (state[t] == ALIVE && s.start[o] < s.end[m] && s.start[m] < s.end[o]) {
          state[t] = DROPPED;
        }
      }
    }
    for (int t = from; t < to; t++) {
      if (state[t] == CHOSEN) {
        emit(s, (int) order[t], chunk, sink);
      }
    }
  }

  private static final byte ALIVE = 0;
  private static final byte CHOSEN = 1;
  private static final byte DROPPED = 2;

  private boolean better(Scratch s, int a, int b) {
    int sa = rules[s.rule[a]].specificity;
    int sb = rules[s.rule[b]].specificity;
    if (sa != sb) {
      return sa > sb;
    }
    int la = s.end[a] - s.start[a];
    int lb = s.end[b] - s.start[b];
    if (la != lb) {
      return la > lb;
    }
    if (s.confidence[a] != s.confidence[b]) {
      return s.confidence[a] > s.confidence[b];
    }
    if (s.start[a] != s.start[b]) {
      return s.start[a] < s.start[b];
    }
    return s.rule[a] < s.rule[b];
  }

  private void emit(Scratch s, int m, Chunk chunk, MatchSink sink) {
    int start = s.start[m];
    if (start >= chunk.reportFrom() && start < chunk.reportTo()) {
      sink.match(rules[s.rule[m]].rule, start, s.end[m], s.confidence[m]);
    }
  }

  /** Per-thread, per-scan working memory; grows and is reused. Receives start-byte candidates and match ends. */
  private final class Scratch implements Prefilter.StartSink, UnionAutomaton.EndSink {
    private static final int INITIAL_MATCHES = 256;
    final int[] next;
    final int[] tried;
    final Candidates events = new Candidates();
    int[] start = new int[INITIAL_MATCHES];
    int[] end = new int[INITIAL_MATCHES];
    int[] rule = new int[INITIAL_MATCHES];
    double[] confidence = new double[INITIAL_MATCHES];
    long[] order = new long[INITIAL_MATCHES];
    /** Scratch space of {@link AscendingRuns#sort} for {@link #order}. */
    long[] sortScratch = new long[INITIAL_MATCHES];
    final int[] runBounds = new int[AscendingRuns.MAX_RUNS + 1];
    byte[] state = new byte[INITIAL_MATCHES];
    int count;
    int rulesRun;
    CsvColumns header;
    byte[] bytes;
    int lo;
    int hi;
    int from;
    int to;

    @Override
    public void keywordAt(int position, int rule, int length) {
      keyword(rules[rule], bytes, lo, hi, from, to, position, length, this);
    }

    /** The union's states for this thread ({@code null} without a union). */
    final UnionAutomaton.Cache unionCache = union == null ? null : union.newCache();
    /** Match ends from the union, per rule of the union (increasing), and their counts. */
    final int[][] ends = new int[unionRules.length][INITIAL_MATCHES];
    final int[] endCount = new int[unionRules.length];

    /** This thread's side of {@link #gates} ({@code null} without a union). */
    final RequiredContextGates.State gateState =
        union == null ? null : gates.new State(unionCache, union.ruleCount(), this);

    @Override
    public void endAt(int rule, int end) {
      if (rule < endCount.length) {
        append(ends, endCount, rule, end);
      } else {
        gateState.markerAt(rule - endCount.length);
      }
    }

    /** Appends {@code value} to list {@code i} of {@code lists}, whose lengths are in {@code counts}. */
    private static void append(int[][] lists, int[] counts, int i, int value) {
      int n = counts[i];
      if (n == lists[i].length) {
        lists[i] = Arrays.copyOf(lists[i], n * 2);
      }
      lists[i][n] = value;
      counts[i] = n + 1;
    }

    /**
     * Tries, per rule of the union, the positions that can start a match ending at one of its ends: those in
     * {@code [end - maxLength, end - minLength]} from which every byte up to the end is one of the rule's token
     * bytes, each once, in increasing order. Every position where the reference finds a match is one of them
     * (the first end of a match from there is reported, no further than the longest), and the windows' bounds grow
     * with the end, so the positions are tried in the reference's order and the result is the reference's.
     */
    void runEndCandidates() {
      for (int u = 0; u < endCount.length; u++) {
        int n = endCount[u];
        if (n == 0) {
          continue;
        }
        endCount[u] = 0;
        CompiledRule rule = rules[unionRules[u]];
        int[] list = ends[u];
        int untried = from;
        for (int j = 0; j < n; j++) {
          int e = list[j];
          int last = Math.min(e - rule.minLength, to - 1);
          int floor = Math.max(Math.max(untried, e - rule.maxLength), next[rule.index]);
          int p = e;
          while (p > floor && rule.tokenBytes[bytes[p - 1] & 0xff]) {
            p--;
          }
          while (p <= last) {
            p = Math.max(tryAt(rule, bytes, lo, hi, p, this), next[rule.index]);
          }
          untried = Math.max(untried, p);
        }
      }
    }

    /** Start-byte candidates of the current segment, per rule (increasing), and their counts. */
    final int[][] starts;
    final int[] startCount;

    @Override
    public void startAt(int position, int[] triggered, long members) {
      for (int j = 0; j < triggered.length; j++) {
        if (j < Long.SIZE && (members & (1L << j)) == 0) {
          continue;
        }
        append(starts, startCount, triggered[j], position);
      }
    }

    /** Sets the start candidates of {@code r}, a {@link #finders} rule, in {@code [segFrom, segTo)}. */
    void findStarts(CompiledRule r, int segFrom, int segTo) {
      int[] list = starts[r.index];
      if (list.length < segTo - segFrom) {
        list = new int[segTo - segFrom];
        starts[r.index] = list;
      }
      startCount[r.index] = r.matcher.findStarts(bytes, lo, segFrom, segTo, hi, r.maxLength, r.forbidden, list);
    }

    /**
     * Runs the start-byte candidates collected for the segment, rule by rule: first a branch-free pass
     * keeps the candidates whose probes pass, then the survivors are tried in increasing order.
     */
    void runStartCandidates() {
      for (int r = 0; r < startCount.length; r++) {
        int n = startCount[r];
        if (n == 0) {
          continue;
        }
        startCount[r] = 0;
        CompiledRule rule = rules[r];
        int[] list = starts[r];
        for (int k = 0; k < rule.probeOffsets.length && n > 0; k++) {
          n = compact(list, n, rule.probeOffsets[k], rule.probeTables[k]);
        }
        for (int j = 0; j < n; j++) {
          int p = list[j];
          if (p >= next[r]) {
            tryAt(rule, bytes, lo, hi, p, this);
          }
        }
      }
    }

    /** Keeps the positions {@code p} with {@code p + offset < hi} and {@code probe[bytes[p + offset]] == 1}. */
    private int compact(int[] list, int n, int offset, int[] probe) {
      final byte[] b = bytes;
      final int last = hi - 1;
      int m = 0;
      for (int j = 0; j < n; j++) {
        int p = list[j];
        int q = p + offset;
        list[m] = p;
        m += ((q - hi) >>> 31) & probe[b[Math.min(q, last)] & 0xff];
      }
      return m;
    }

    Scratch(int rules) {
      next = new int[rules];
      tried = new int[rules];
      starts = new int[rules][INITIAL_MATCHES];
      startCount = new int[rules];
    }

    void begin() {
      Arrays.fill(next, Integer.MIN_VALUE);
      Arrays.fill(tried, Integer.MIN_VALUE);
      count = 0;
      rulesRun = 0;
    }

    void add(int r, int s, int e, double c) {
      if (count == start.length) {
        int n = count * 2;
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        rule = Arrays.copyOf(rule, n);
        confidence = Arrays.copyOf(confidence, n);
        order = Arrays.copyOf(order, n);
        sortScratch = new long[n];
        state = Arrays.copyOf(state, n);
      }
      start[count] = s;
      end[count] = e;
      rule[count] = r;
      confidence[count] = c;
      count++;
    }
  }
}
