package dev.lagotto.core.pattern;

import dev.lagotto.core.pattern.PatternNode.Alt;
import dev.lagotto.core.pattern.PatternNode.ByteSet;
import dev.lagotto.core.pattern.PatternNode.Repeat;
import dev.lagotto.core.pattern.PatternNode.Seq;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser of the rule pattern dialect: a subset of {@link java.util.regex.Pattern} syntax, so that rule
 * authors can try a pattern in any Java regex tool, with byte semantics over UTF-8. Stateless; cost linear in
 * the pattern length (recursion depth bounded by {@link #MAX_NESTING}).
 *
 * <p>Accepted:
 * <ul>
 *   <li>literal characters; a non-ASCII character stands for its UTF-8 byte sequence ({@code °} = C2 B0);
 *   <li>escapes {@code \t \n \r \f \e \0}, {@code \xhh} (a byte, hh &le; 7F), and a backslash before any ASCII
 *       punctuation character ({@code \. \- \\ \+ \( \[ \{ \/} ...) for that character;
 *   <li>{@code \d \w \s} and their negations {@code \D \W \S}, as ASCII classes ({@code [0-9]},
 *       {@code [A-Za-z0-9_]}, {@code [ \t\n\x0B\f\r]}); negations cover all other bytes;
 *   <li>bracket classes {@code [abc] [a-z] [^a-z]} with escapes and {@code \d \w \s} inside (ASCII ranges
 *       only; a negated class matches any <em>byte</em> not listed); a non-ASCII character in a
 *       non-negated class stands for its byte sequence;
 *   <li>{@code .}: any byte except {@code \n} and {@code \r} (as {@code java.util.regex} without DOTALL);
 *   <li>groups {@code (...)} and {@code (?:...)} (no capture semantics), alternation {@code |} (empty
 *       alternatives allowed);
 *   <li>greedy quantifiers {@code ? * + {m} {m,} {m,n}} with m, n &le; {@link #MAX_REPEAT}.
 * </ul>
 *
 * <p>Rejected with a message that names the index and the reason: backreferences, lookaround, {@code \b}
 * and {@code \B} (use the rule's {@code boundary:}), anchors {@code ^ $ \A \z \Z \G}, lazy and possessive
 * quantifiers, inline flags (use {@code case_insensitive:}), named and atomic groups, {@code \p{..}},
 * {@code \Q..\E}, nested classes and class intersection, an unescaped {@code {} that is not a quantifier,
 * a quantifier with nothing to repeat.
 */
public final class PatternDialect {
  /** Largest m or n in {@code {m,n}}. */
  public static final int MAX_REPEAT = 1000;
  /** Deepest group nesting accepted. */
  public static final int MAX_NESTING = 100;

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final String src;
  private final boolean caseInsensitive;
  private int pos;
  private int depth;

  private PatternDialect(String src, boolean caseInsensitive) {
    this.src = src;
    this.caseInsensitive = caseInsensitive;
  }

  /** The syntax tree of {@code pattern}; throws {@link PatternException} for anything outside the dialect. */
  public static PatternNode parse(String pattern) {
    return parse(pattern, false);
  }

  /**
   * The syntax tree of {@code pattern}; with {@code caseInsensitive} every ASCII letter (literal, escaped or
   * listed in a class, before the class is negated) also stands for its other case, as with
   * {@link java.util.regex.Pattern#CASE_INSENSITIVE}.
   */
  public static PatternNode parse(String pattern, boolean caseInsensitive) {
    PatternDialect p = new PatternDialect(pattern, caseInsensitive);
    PatternNode node = p.alternation();
    if (p.pos < pattern.length()) {
      throw new PatternException(p.pos, "unmatched ')'");
    }
    return node;
  }

  private PatternNode alternation() {
    List<PatternNode> options = new ArrayList<>();
    options.add(sequence());
    while (pos < src.length() && src.charAt(pos) == '|') {
      pos++;
      options.add(sequence());
    }
    return options.size() == 1 ? options.get(0) : new Alt(options);
  }

  private PatternNode sequence() {
    List<PatternNode> items = new ArrayList<>();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '|' || c == ')') {
        break;
      }
      int atomAt = pos;
      PatternNode atom = atom();
      items.add(quantified(atom, atomAt));
    }
    return items.size() == 1 ? items.get(0) : new Seq(items);
  }

  private PatternNode quantified(PatternNode atom, int atomAt) {
    if (pos >= src.length()) {
      return atom;
    }
    int at = pos;
    char c = src.charAt(pos);
    int min;
    int max;
    switch (c) {
      case '?' -> { min = 0; max = 1; pos++; }
      case '*' -> { min = 0; max = Repeat.UNBOUNDED; pos++; }
      case '+' -> { min = 1; max = Repeat.UNBOUNDED; pos++; }
      case '{' -> {
        pos++;
        min = number(at);
        if (peek(',')) {
          pos++;
          max = peek('}') ? Repeat.UNBOUNDED : number(at);
        } else {
          max = min;
        }
        if (!peek('}')) {
          throw new PatternException(at, "'{' must be a quantifier {m}, {m,} or {m,n}; write \\{ for the character");
        }
        pos++;
        if (max != Repeat.UNBOUNDED && max < min) {
          throw new PatternException(at, "quantifier {" + min + "," + max + "} has max < min");
        }
      }
      default -> { return atom; }
    }
    if (pos < src.length()) {
      char next = src.charAt(pos);
      if (next == '?') {
        throw new PatternException(pos, "lazy quantifiers are not supported (matches are always longest)");
      }
      if (next == '+') {
        throw new PatternException(pos, "possessive quantifiers are not supported");
      }
      if (next == '*' || next == '{') {
        throw new PatternException(pos, "a quantifier cannot follow a quantifier; use a group");
      }
    }
    return new Repeat(atom, min, max);
  }

  private int number(int quantifierAt) {
    int start = pos;
    while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9' && pos - start < 5) {
      pos++;
    }
    if (start == pos) {
      throw new PatternException(quantifierAt, "'{' must be a quantifier {m}, {m,} or {m,n}; write \\{ for the character");
    }
    int n = Integer.parseInt(src.substring(start, pos));
    if (n > MAX_REPEAT) {
      throw new PatternException(start, "repeat count " + n + " exceeds " + MAX_REPEAT);
    }
    return n;
  }

  private boolean peek(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  private PatternNode atom() {
    int at = pos;
    char c = src.charAt(pos);
    switch (c) {
      case '(' -> {
        return group();
      }
      case '[' -> {
        return bracketClass();
      }
      case '.' -> {
        pos++;
        boolean[] set = all(true);
        set['\n'] = false;
        set['\r'] = false;
        return ByteSet.of(set);
      }
      case '\\' -> {
        return escape(false, null);
      }
      case '^', '$' -> throw new PatternException(at, "anchors are not supported; use the rule's boundary:");
      case '*', '+', '?' -> throw new PatternException(at, "quantifier '" + c + "' has nothing to repeat");
      case '{' -> throw new PatternException(at, "'{' has nothing to repeat; write \\{ for the character");
      default -> {
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        return literal(cp);
      }
    }
  }

  private PatternNode group() {
    int at = pos;
    pos++;
    if (peek('?')) {
      if (pos + 1 < src.length() && src.charAt(pos + 1) == ':') {
        pos += 2;
      } else {
        String what = src.startsWith("?=", pos) || src.startsWith("?!", pos) || src.startsWith("?<=", pos)
            || src.startsWith("?<!", pos) ? "lookaround is not supported; use the rule's boundary: or exclude:"
            : src.startsWith("?<", pos) ? "named groups are not supported; use (?:...)"
            : src.startsWith("?>", pos) ? "atomic groups are not supported"
            : "inline flags and special groups are not supported (use case_insensitive: for (?i))";
        throw new PatternException(at, what);
      }
    }
    if (++depth > MAX_NESTING) {
      throw new PatternException(at, "groups nested deeper than " + MAX_NESTING);
    }
    PatternNode inner = alternation();
    depth--;
    if (!peek(')')) {
      throw new PatternException(at, "unclosed group '('");
    }
    pos++;
    return inner;
  }

  private PatternNode bracketClass() {
    int at = pos;
    pos++;
    boolean negated = false;
    if (peek('^')) {
      negated = true;
      pos++;
    }
    boolean[] set = new boolean[256];
    List<PatternNode> multiByte = new ArrayList<>();
    boolean first = true;
    while (true) {
      if (pos >= src.length()) {
        throw new PatternException(at, "unclosed class '['");
      }
      char c = src.charAt(pos);
      if (c == ']') {
        if (first) {
          throw new PatternException(pos, "empty class; write \\] for the character");
        }
        pos++;
        break;
      }
      first = false;
      if (c == '[') {
        throw new PatternException(pos, "nested classes are not supported; write \\[ for the character");
      }
      if (c == '&' && pos + 1 < src.length() && src.charAt(pos + 1) == '&') {
        throw new PatternException(pos, "class intersection && is not supported");
      }
      int lo;
      int loAt = pos;
      if (c == '\\') {
        PatternNode esc = escape(true, set);
        if (esc == null) {
          continue;
        }
        lo = singleByte(esc);
      } else {
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        if (cp > 0x7f) {
          if (negated) {
            throw new PatternException(loAt, "a negated class cannot hold non-ASCII characters");
          }
          if (peek('-') && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
            throw new PatternException(loAt, "ranges over non-ASCII characters are not supported; list them");
          }
          multiByte.add(literal(cp));
          continue;
        }
        lo = cp;
      }
      if (peek('-') && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
        pos++;
        int hi;
        if (src.charAt(pos) == '\\') {
          hi = singleByte(escape(true, null));
        } else {
          int hiAt = pos;
          int cp = src.codePointAt(pos);
          pos += Character.charCount(cp);
          if (cp > 0x7f) {
            throw new PatternException(hiAt, "ranges over non-ASCII characters are not supported; list them");
          }
          hi = cp;
        }
        if (hi < lo) {
          throw new PatternException(loAt, "range out of order");
        }
        for (int b = lo; b <= hi; b++) {
          set[b] = true;
        }
      } else {
        set[lo] = true;
      }
    }
    fold(set);
    if (negated) {
      for (int b = 0; b < 256; b++) {
        set[b] = !set[b];
      }
    }
    ByteSet bytes = ByteSet.of(set);
    if (multiByte.isEmpty()) {
      return bytes;
    }
    List<PatternNode> options = new ArrayList<>(multiByte);
    if (!bytes.isEmpty()) {
      options.add(0, bytes);
    }
    return new Alt(options);
  }

  private static int singleByte(PatternNode node) {
    ByteSet set = (ByteSet) node;
    for (int b = 0; b < 256; b++) {
      if (set.contains(b)) {
        return b;
      }
    }
    throw new IllegalStateException("empty byte set");
  }

  /**
   * Parses the escape at {@code pos}. Outside a class returns the node. Inside a class ({@code inClass}),
   * a class escape ({@code \d}) is added to {@code classSet} and {@code null} returned; a single character
   * escape returns its one-byte set.
   */
  private PatternNode escape(boolean inClass, boolean[] classSet) {
    int at = pos;
    if (pos + 1 >= src.length()) {
      throw new PatternException(at, "trailing backslash");
    }
    char c = src.charAt(pos + 1);
    pos += 2;
    boolean[] cls = switch (c) {
      case 'd' -> range('0', '9');
      case 'D' -> not(range('0', '9'));
      case 'w' -> word();
      case 'W' -> not(word());
      case 's' -> space();
      case 'S' -> not(space());
      default -> null;
    };
    if (cls != null) {
      if (inClass) {
        if (classSet == null) {
          throw new PatternException(at, "a class escape \\" + c + " cannot end a range");
        }
        for (int b = 0; b < 256; b++) {
          classSet[b] |= cls[b];
        }
        return null;
      }
      return ByteSet.of(cls);
    }
    int single = switch (c) {
      case 't' -> '\t';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 'f' -> '\f';
      case 'e' -> 0x1b;
      case 'a' -> 0x07;
      case 'x' -> hexByte(at);
      case '0' -> octal(at);
      case 'b', 'B' -> throw new PatternException(at, "\\" + c + " is not supported; use the rule's boundary: (word, alnum, digit)");
      case 'A', 'z', 'Z', 'G' -> throw new PatternException(at, "anchor \\" + c + " is not supported");
      case 'Q', 'E' -> throw new PatternException(at, "quoting \\Q...\\E is not supported; escape each character");
      case 'p', 'P' -> throw new PatternException(at, "Unicode classes \\" + c + "{..} are not supported");
      case 'k' -> throw new PatternException(at, "named backreferences are not supported");
      default -> {
        if (c >= '1' && c <= '9') {
          throw new PatternException(at, "backreferences are not supported");
        }
        if (PUNCTUATION.indexOf(c) >= 0) {
          yield c;
        }
        throw new PatternException(at, "unknown escape \\" + c);
      }
    };
    return single(single);
  }

  private ByteSet single(int b) {
    boolean[] set = new boolean[256];
    set[b] = true;
    return ByteSet.of(fold(set));
  }

  private boolean[] fold(boolean[] set) {
    if (caseInsensitive) {
      for (int b = 'a'; b <= 'z'; b++) {
        boolean either = set[b] || set[b - 32];
        set[b] = either;
        set[b - 32] = either;
      }
    }
    return set;
  }

  private int hexByte(int at) {
    if (pos + 2 > src.length() || !isHex(src.charAt(pos)) || !isHex(src.charAt(pos + 1))) {
      throw new PatternException(at, "\\x must be followed by two hex digits");
    }
    int v = Integer.parseInt(src.substring(pos, pos + 2), 16);
    if (v > 0x7f) {
      throw new PatternException(at, "\\x" + src.substring(pos, pos + 2)
          + " is not ASCII; write the character itself (it stands for its UTF-8 bytes)");
    }
    pos += 2;
    return v;
  }

  private int octal(int at) {
    int start = pos;
    while (pos < src.length() && pos - start < 3 && src.charAt(pos) >= '0' && src.charAt(pos) <= '7') {
      pos++;
    }
    if (start == pos) {
      throw new PatternException(at, "\\0 must be followed by octal digits");
    }
    int v = Integer.parseInt(src.substring(start, pos), 8);
    if (v > 0x7f) {
      throw new PatternException(at, "octal escape is not ASCII");
    }
    return v;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private PatternNode literal(int codePoint) {
    if (codePoint < 0x80) {
      return single(codePoint);
    }
    byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
    List<PatternNode> items = new ArrayList<>();
    for (byte b : utf8) {
      items.add(ByteSet.single(b & 0xff));
    }
    return new Seq(items);
  }

  private static boolean[] all(boolean v) {
    boolean[] set = new boolean[256];
    java.util.Arrays.fill(set, v);
    return set;
  }

  private static boolean[] range(char lo, char hi) {
    boolean[] set = new boolean[256];
    for (int b = lo; b <= hi; b++) {
      set[b] = true;
    }
    return set;
  }

  private static boolean[] word() {
    boolean[] set = range('0', '9');
    for (int b = 'a'; b <= 'z'; b++) {
      set[b] = true;
      set[b - 32] = true;
    }
    set['_'] = true;
    return set;
  }

  private static boolean[] space() {
    boolean[] set = new boolean[256];
    for (char c : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) {
      set[c] = true;
    }
    return set;
  }

  private static boolean[] not(boolean[] set) {
    boolean[] out = new boolean[256];
    for (int b = 0; b < 256; b++) {
      out[b] = !set[b];
    }
    return out;
  }
}
