package dev.lagotto.core.scan;

import dev.lagotto.core.context.ContextScorer;
import dev.lagotto.core.pattern.CompiledPattern;
import dev.lagotto.core.pattern.CustomMatcher;
import dev.lagotto.core.pattern.CustomMatchers;
import dev.lagotto.core.pattern.PatternCompiler;
import dev.lagotto.core.pattern.PatternException;
import dev.lagotto.core.prefilter.ByteClasses;
import dev.lagotto.core.prefilter.KeywordGate;
import dev.lagotto.core.prefilter.Prefilter;
import dev.lagotto.core.prefilter.RunGate;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.Validators;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rule in the executable form the {@link Scanner} runs: its DFA or custom matcher, boundary tables,
 * token and start bytes, trigger, exclusions, validators and context scorer. Immutable and thread-safe.
 * Compiled patterns are cached by (pattern, case flag) for the life of the process, so loading a pack
 * and building a scanner compile each pattern once.
 */
final class CompiledRule {
  private static final Map<String, CompiledPattern> PATTERNS = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> KEYWORD_PROOFS = new ConcurrentHashMap<>();

  final Rule rule;
  final int index;
  final CompiledPattern pattern;
  final CustomMatcher matcher;
  final int maxLength;
  final boolean[] tokenBytes;
  final boolean[] startBytes;
  /** Bytes that may not touch the match on either side, or {@code null} for {@link Rule.Boundary#NONE}. */
  final boolean[] forbidden;
  final byte[][] excludeValues;
  /** {@link #excludeValues} grouped by length (index: length), so a match compares only same-length values. */
  private final byte[][][] excludeByLength;
  final CompiledPattern[] excludePatterns;
  final Validator[] validators;
  final ContextScorer context;
  /** Whether a match without a context word or key is dropped (checked before the validators). */
  final boolean contextRequired;
  /**
   * Whether the required context can be checked before the pattern runs ({@link ContextScorer#keyOrColumnBefore}),
   * a start that fails it being skipped like one whose pattern does not match. Exact: the context has no
   * words, and no match contains a byte that could make the check pass at a start inside it (a key
   * separator, delimiter, line feed or quote) nor starts with a byte the check looks through, so a start
   * inside a dropped match would fail the check too.
   */
  final boolean keyGated;
  final int specificity;
  final Prefilter.Trigger trigger;
  /**
   * Quick rejects before the DFA runs: every match has a byte of {@code probeA} at offset
   * {@code probeAOffset} (and of {@code probeB} at {@code probeBOffset}); {@code null} when there is no
   * selective offset. Chosen among offsets below the shortest match length as the sets rarest in log text.
   */
  final boolean[] probeA;
  /** For keyword rules: how far before a keyword occurrence a match can start (see PatternCompiler). */
  final int keywordReach;
  /** The shortest match, in bytes (1 for custom matchers). */
  final int minLength;
  final int probeAOffset;
  final boolean[] probeB;
  final int probeBOffset;
  /**
   * Up to {@link #MAX_PROBES} probes (offset, 0/1 table) for the branch-free filtering of start-byte
   * candidates, rarest first; {@link #probeA} and {@link #probeB} are the first two.
   */
  final int[] probeOffsets;
  final int[][] probeTables;

  private CompiledRule(Rule rule, int index, ScanSettings settings) {
    this.rule = rule;
    this.index = index;
    boolean ci = rule.caseInsensitive();
    tokenBytes = new boolean[256];
    startBytes = new boolean[256];
    if (rule.pattern() != null) {
      pattern = compilePattern("pattern", rule.pattern(), ci);
      matcher = null;
      for (int b = 0; b < 256; b++) {
        tokenBytes[b] = pattern.isTokenByte(b);
        startBytes[b] = pattern.canStartWith(b);
      }
      maxLength = pattern.maxLength() == CompiledPattern.UNBOUNDED
          ? Scanner.MAX_MATCH_LENGTH : Math.min(pattern.maxLength(), Scanner.MAX_MATCH_LENGTH);
    } else {
      pattern = null;
      if (!CustomMatchers.exists(rule.matcher())) {
        throw new RuleCompileException("matcher", "unknown matcher '" + rule.matcher() + "' (known: "
            + CustomMatchers.names() + ")");
      }
      matcher = CustomMatchers.get(rule.matcher());
      for (int b = 0; b < 256; b++) {
        tokenBytes[b] = true;
        startBytes[b] = matcher.canStartWith(b);
      }
      maxLength = Math.max(1, Math.min(matcher.maxLength(), Scanner.MAX_MATCH_LENGTH));
    }
    forbidden = forbiddenBytes(rule.boundary());
    trigger = trigger(rule);
    excludeValues = rule.exclude().values().stream().map(CompiledRule::foldedBytes).toArray(byte[][]::new);
    excludeByLength = byLength(excludeValues);
    List<CompiledPattern> excl = new ArrayList<>();
    for (String p : rule.exclude().patterns()) {
      excl.add(compilePattern("exclude", p, ci));
    }
    excludePatterns = excl.toArray(new CompiledPattern[0]);
    List<Validator> vs = new ArrayList<>();
    for (String name : rule.validators()) {
      if (!Validators.exists(name)) {
        throw new RuleCompileException("validators", "unknown validator '" + name + "' (known: "
            + Validators.names() + ")");
      }
      vs.add(Validators.create(name, settings));
    }
    validators = vs.toArray(new Validator[0]);
    context = ContextScorer.compile(rule.context());
    contextRequired = rule.context().required();
    keyGated = pattern != null && contextRequired && context.positiveReadsOnlyBefore() && keyGateSound();
    specificity = Scanner.specificity(rule.category());
    int[] offsets = new int[MAX_PROBES];
    java.util.Arrays.fill(offsets, -1);
    boolean[][] sets = new boolean[MAX_PROBES][];
    if (pattern != null) {
      chooseProbes(pattern, Math.min(maxLength, pattern.minLength()), offsets, sets);
    }
    int reach = maxLength;
    if (pattern != null && !rule.keywords().isEmpty() && !rule.caseInsensitive()) {
      int offset = PatternCompiler.maxKeywordOffset(pattern, rule.keywords());
      reach = offset == CompiledPattern.UNBOUNDED ? maxLength : Math.min(offset, maxLength);
    }
    keywordReach = reach;
    minLength = pattern == null ? 1 : pattern.minLength();
    probeAOffset = offsets[0];
    probeA = sets[0];
    probeBOffset = offsets[1];
    probeB = sets[1];
    int count = 0;
    while (count < MAX_PROBES && sets[count] != null) {
      count++;
    }
    probeOffsets = java.util.Arrays.copyOf(offsets, count);
    probeTables = new int[count][];
    for (int i = 0; i < count; i++) {
      probeTables[i] = asInts(sets[i]);
    }
  }

  private static int[] asInts(boolean[] set) {
    if (set == null) {
      return null;
    }
    int[] ints = new int[256];
    for (int b = 0; b < 256; b++) {
      ints[b] = set[b] ? 1 : 0;
    }
    return ints;
  }

  /** Most offsets considered for probes. */
  private static final int MAX_PROBE_OFFSET = 24;

  /** Most probes kept per rule. */
  static final int MAX_PROBES = 4;

  /** Picks the offsets (1 .. minLength-1) whose possible bytes are rarest in log text, rarest first. */
  private static void chooseProbes(CompiledPattern p, int minLength, int[] offsets, boolean[][] sets) {
    long all = 0;
    for (int b = 0; b < 256; b++) {
      all += ByteClasses.logFrequency(b) + 1;
    }
    List<long[]> candidates = new ArrayList<>();
    List<boolean[]> candidateSets = new ArrayList<>();
    int count = Math.max(0, Math.min(minLength, MAX_PROBE_OFFSET));
    boolean[][] atOffset = p.bytesAtOffsets(count);
    for (int j = 1; j < count; j++) {
      boolean[] set = atOffset[j];
      long w = 0;
      for (int b = 0; b < 256; b++) {
        if (set[b]) {
          w += ByteClasses.logFrequency(b) + 1;
        }
      }
      if (w * 2 <= all) {
        candidates.add(new long[] {w, -j, candidateSets.size()});
        candidateSets.add(set);
      }
    }
    candidates.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    for (int i = 0; i < Math.min(offsets.length, candidates.size()); i++) {
      offsets[i] = (int) -candidates.get(i)[1];
      sets[i] = candidateSets.get((int) candidates.get(i)[2]);
    }
  }

  /** The executable form of {@code rule}; throws {@link RuleCompileException} naming the bad field. */
  static CompiledRule compile(Rule rule, int index, ScanSettings settings) {
    return new CompiledRule(rule, index, settings);
  }

  private static CompiledPattern compilePattern(String field, String source, boolean ci) {
    String key = (ci ? "i:" : "s:") + source;
    CompiledPattern cached = PATTERNS.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      CompiledPattern p = PatternCompiler.compile(source, ci);
      PATTERNS.putIfAbsent(key, p);
      return p;
    } catch (PatternException e) {
      throw new RuleCompileException(field, e.getMessage());
    }
  }

  /**
   * The rule's trigger: its keywords (proven to occur in every match), else the bytes a match can start
   * with, derived from the DFA or the custom matcher. A {@code trigger:} name must be a known byte class;
   * it documents the author's intent, but candidates always come from the derived start bytes, so a name
   * narrower than them (e.g. {@code digit} for a pattern that may start with {@code (}) loses nothing.
   */
  private Prefilter.Trigger trigger(Rule rule) {
    if (!rule.keywords().isEmpty()) {
      if (rule.trigger() != null) {
        throw new RuleCompileException("trigger", "set keywords or trigger, not both");
      }
      if (pattern == null) {
        throw new RuleCompileException("keywords", "a matcher rule is triggered by the bytes its matcher "
            + "can start with; keywords are only for pattern rules");
      }
      String proofKey = (rule.caseInsensitive() ? "i:" : "s:") + rule.pattern() + "\u0000" + rule.keywords();
      boolean proven = KEYWORD_PROOFS.computeIfAbsent(proofKey,
          k -> PatternCompiler.everyMatchContains(pattern, rule.keywords(), rule.caseInsensitive()));
      if (!proven) {
        throw new RuleCompileException("keywords", "some matches of the pattern contain none of the keywords "
            + rule.keywords() + "; the prefilter would miss them");
      }
      List<boolean[]> before = new ArrayList<>();
      List<boolean[]> after = new ArrayList<>();
      boolean[] outside = new boolean[256];
      for (int b = 0; b < 256; b++) {
        outside[b] = forbidden == null || !forbidden[b];
      }
      List<boolean[]> beforeInside = new ArrayList<>();
      List<boolean[]> afterAtStart = new ArrayList<>();
      List<List<KeywordGate>> gates = new ArrayList<>();
      for (String k : rule.keywords()) {
        byte[] word = k.getBytes(StandardCharsets.UTF_8);
        boolean ci = rule.caseInsensitive();
        before.add(ci ? null : pattern.bytesBefore(word, outside));
        after.add(ci ? null : pattern.bytesAfter(word, outside));
        beforeInside.add(ci ? null : pattern.bytesBeforeInside(word));
        afterAtStart.add(ci ? null : pattern.bytesAfterAtStart(word, outside));
        gates.add(word.length == 1 && !ci ? keywordGates(word[0] & 0xff) : List.of());
      }
      return new Prefilter.Trigger.Keywords(rule.keywords(), rule.caseInsensitive(), before, after, beforeInside,
          afterAtStart, gates);
    }
    if (rule.trigger() != null && ByteClasses.named(rule.trigger()) == null) {
      throw new RuleCompileException("trigger", "unknown trigger '" + rule.trigger() + "' (known: "
          + new java.util.TreeSet<>(ByteClasses.names()) + ")");
    }
    boolean any = false;
    for (int b = 0; b < 256 && !any; b++) {
      any = startBytes[b];
    }
    if (!any) {
      throw new RuleCompileException(pattern == null ? "matcher" : "pattern", "no byte can start a match");
    }
    return new Prefilter.Trigger.StartBytes(startBytes, rule.boundary(), runGates());
  }

  /** Classes of bytes whose runs next to a one-byte keyword {@link KeywordGate}s measure. */
  private static final List<boolean[]> KEYWORD_RUN_CLASSES = List.of(ByteClasses.named("digit"),
      ByteClasses.named("hex"));

  /**
   * The {@link KeywordGate}s of one-byte keyword {@code w}: one per class of {@link #KEYWORD_RUN_CLASSES}
   * whose bytes the boundary all forbids (which makes the gate sound) and that rejects something.
   */
  private List<KeywordGate> keywordGates(int w) {
    List<KeywordGate> list = new ArrayList<>();
    if (forbidden == null) {
      return list;
    }
    for (boolean[] cls : KEYWORD_RUN_CLASSES) {
      boolean sound = !cls[w];
      for (int b = 0; b < 256 && sound; b++) {
        sound = !cls[b] || forbidden[b];
      }
      KeywordGate g = sound ? KeywordGate.of(pattern, w, cls, forbidden) : null;
      if (g != null) {
        list.add(g);
      }
    }
    return list;
  }

  /**
   * The {@link RunGate}s of a rule. A pattern rule has one per run class whose bytes can start a match and
   * are all forbidden after a match by the boundary (see {@link RunGate} for why that makes the gate
   * sound), computed from the DFA: the states reachable by reading {@code L} bytes of the class from the
   * start. A custom matcher has the upper-case gate it declares ({@link CustomMatcher#canStartUpperRun}).
   */
  private List<RunGate> runGates() {
    List<RunGate> gates = new ArrayList<>();
    if (matcher != null) {
      RunGate upper = RunGate.of(RunGate.RunClass.UPPER, matcher::canStartUpperRun);
      if (!upper.equals(RunGate.of(RunGate.RunClass.UPPER, (length, next) -> true))) {
        gates.add(upper);
      }
      return gates;
    }
    if (forbidden == null) {
      return gates;
    }
    for (RunGate.RunClass c : RunGate.RunClass.values()) {
      boolean starts = false;
      boolean allForbidden = true;
      for (int b = 0; b < 256; b++) {
        if (c.contains(b)) {
          starts |= startBytes[b];
          allForbidden &= forbidden[b];
        }
      }
      if (!starts || !allForbidden) {
        continue;
      }
      int n = pattern.stateCount();
      boolean[][] reachable = new boolean[RunGate.MAX_RUN + 1][];
      reachable[0] = new boolean[n];
      reachable[0][0] = true;
      for (int length = 1; length <= RunGate.MAX_RUN; length++) {
        boolean[] next = new boolean[n];
        for (int st = 0; st < n; st++) {
          if (reachable[length - 1][st]) {
            for (int b = 0; b < 256; b++) {
              if (c.contains(b)) {
                int t = pattern.step(st, b);
                if (t >= 0) {
                  next[t] = true;
                }
              }
            }
          }
        }
        reachable[length] = next;
      }
      // allowed[length][next]: some state reached by the run accepts (and next may follow) or goes on with next
      boolean[][] allowed = new boolean[RunGate.MAX_RUN + 1][256];
      for (int length = 1; length <= RunGate.MAX_RUN; length++) {
        boolean[] row = allowed[length];
        boolean accepting = false;
        for (int st = 0; st < n; st++) {
          if (reachable[length][st]) {
            accepting |= pattern.isAccepting(st);
            for (int b = 0; b < 256; b++) {
              row[b] |= pattern.step(st, b) >= 0;
            }
          }
        }
        for (int b = 0; b < 256; b++) {
          row[b] |= accepting && !forbidden[b];
        }
      }
      gates.add(RunGate.of(c, (length, next) -> allowed[length][next]));
    }
    return gates;
  }

  private boolean keyGateSound() {
    for (int b = 0; b < 256; b++) {
      if (tokenBytes[b] && ContextScorer.separatesKeyOrColumn(b) || startBytes[b] && ContextScorer.skippedBeforeMatch(b)) {
        return false;
      }
    }
    return true;
  }

  static boolean[] forbiddenBytes(Rule.Boundary boundary) {
    if (boundary == Rule.Boundary.NONE) {
      return null;
    }
    boolean[] f = new boolean[256];
    for (int b = '0'; b <= '9'; b++) {
      f[b] = true;
    }
    if (boundary != Rule.Boundary.DIGIT) {
      for (int b = 'a'; b <= 'z'; b++) {
        f[b] = true;
        f[b - 32] = true;
      }
    }
    if (boundary == Rule.Boundary.WORD) {
      f['_'] = true;
    }
    return f;
  }

  private static byte[] foldedBytes(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ByteClasses.foldCase(bytes[i] & 0xff);
    }
    return bytes;
  }

  /** Whether {@code bytes[start, end)} equals an excluded value, ASCII-case-insensitively. */
  boolean excludedValue(byte[] bytes, int start, int end) {
    int n = end - start;
    if (n >= excludeByLength.length) {
      return false;
    }
    outer:
    for (byte[] v : excludeByLength[n]) {
      for (int i = 0; i < n; i++) {
        if (ByteClasses.foldCase(bytes[start + i] & 0xff) != (v[i] & 0xff)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static byte[][][] byLength(byte[][] values) {
    int max = -1;
    for (byte[] v : values) {
      max = Math.max(max, v.length);
    }
    List<List<byte[]>> groups = new ArrayList<>();
    for (int i = 0; i <= max; i++) {
      groups.add(new ArrayList<>());
    }
    for (byte[] v : values) {
      groups.get(v.length).add(v);
    }
    byte[][][] out = new byte[max + 1][][];
    for (int i = 0; i <= max; i++) {
      out[i] = groups.get(i).toArray(new byte[0][]);
    }
    return out;
  }

}
