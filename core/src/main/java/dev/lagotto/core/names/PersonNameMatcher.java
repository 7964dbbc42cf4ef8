package dev.lagotto.core.names;

import dev.lagotto.core.pattern.ByteLanes;
import dev.lagotto.core.pattern.CustomMatcher;
import java.nio.charset.StandardCharsets;

/**
 * The {@code person_name} matcher: at an upper-case letter (ASCII, or Latin such as {@code Ł}), matches {@code First Last},
 * {@code First M. Last}, {@code First Middle Last}, {@code Last, First} and {@code J. Last} when the tokens
 * are in the {@link NameDictionary}: a first name AND (a surname OR context). First names that are also
 * common words (Will, May, Mark, Bill), and initials before a surname that is a word (J. Long), need context: a title or key just before ({@code Mr}, {@code Dear},
 * {@code "full_name":}, {@code author=}, {@code From:}) or an e-mail display-name shape
 * ({@code Jane Roe <jane@...>}). A single first name or surname is a name only as the value of a first-name,
 * surname or full-name key ({@code first_name: Jane}, {@code "lastName":"Roe"}, {@code surname=Roe},
 * {@code <given_name>Jane</given_name>}, also as the end of a longer key such as {@code billing_first_name});
 * a bare {@code name} key is not enough for one token ({@code name=Grace} is as often a host or queue).
 * Capitalised log and code tokens never match: a token must be one upper-case
 * letter followed by lower-case letters (no ALLCAPS, no CamelCase, no digits or {@code _}), must not be
 * glued to code punctuation ({@code com.Foo}, {@code Foo(}, {@code Foo.java}, {@code Foo::}) and must be
 * in the dictionary.
 *
 * <p>Cost: one bit test ({@link NameDictionary#mayBeListed}) and, if it passes, one token scan and one
 * dictionary probe per call where the first token is not a listed name (every form except {@code J. Last}
 * needs it listed); otherwise a few token scans and dictionary probes per call, bounded by {@link #maxLength()} bytes ahead and
 * {@link #CONTEXT_WINDOW} bytes behind; no allocation. Immutable and thread-safe.
 */
public final class PersonNameMatcher implements CustomMatcher {
  /** The name rules use in {@code matcher:}. */
  public static final String NAME = "person_name";
  /** Longest single name token, in bytes. */
  public static final int MAX_TOKEN_BYTES = 32;
  /** Most initials between a first and a last name ({@code John F. X. Doe}). */
  public static final int MAX_INITIALS = 2;
  /** Most surname particles before a surname ({@code van der}). */
  public static final int MAX_PARTICLES = 2;
  private static final int MAX_PARTICLE_BYTES = 3;
  /** Lower-case surname particles (Dutch, German, French, Italian, Spanish, Portuguese, Arabic). */
  private static final byte[][] PARTICLES = java.util.stream.Stream.of("de", "da", "di", "do", "dos", "das", "du",
      "del", "der", "den", "van", "von", "ten", "ter", "le", "la", "al", "el", "bin", "ibn")
      .map(w -> w.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray(byte[][]::new);
  /** Bytes looked at before a match for a title or key. */
  public static final int CONTEXT_WINDOW = 40;
  /** Bytes looked at after a match for an e-mail display-name shape {@code <...@...>}. */
  public static final int DISPLAY_NAME_LOOKAHEAD = 80;
  private static final int MAX_LENGTH =
      3 * MAX_TOKEN_BYTES + 3 * MAX_INITIALS + 4 + MAX_PARTICLES * (MAX_PARTICLE_BYTES + 1);
  /** Most separator bytes ({@code " : = '}) skipped between a key and the name. */
  private static final int MAX_KEY_GAP = 4;
  /** Longest key or title word looked at. */
  private static final int MAX_KEY_BYTES = 24;

  /** Titles and structured keys that mark a following capitalised pair as a name. */
  private static final byte[][] KEYS = ascii(
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "dear", "hi", "hello",
      "name", "fullname", "full_name", "first_name", "firstname", "last_name", "lastname", "given_name",
      "family_name", "display_name", "displayname", "realname", "real_name", "customer", "customer_name",
      "client_name", "user", "username", "user_name", "author", "owner", "contact", "contact_name", "patient",
      "employee", "holder", "cardholder", "recipient", "sender", "signed", "by", "attn", "regards", "sincerely",
      "payee", "payer", "beneficiary", "assignee", "reviewer", "requester", "guest", "member", "passenger", "driver");
  /** Header keys that count only when followed by a colon ({@code From: Jane Roe}). */
  private static final byte[][] HEADER_KEYS = ascii("from", "to", "cc", "bcc", "reply-to");
  /** Keys whose value may be a first name alone. */
  private static final byte[][] FIRST_NAME_KEYS = ascii("first_name", "firstname", "given_name", "givenname", "forename");
  /** Keys whose value may be a surname alone. */
  private static final byte[][] SURNAME_KEYS = ascii("last_name", "lastname", "surname", "family_name", "familyname");
  /** Keys whose value may be a first name or a surname alone. */
  private static final byte[][] FULL_NAME_KEYS = ascii("full_name", "fullname");

  private final NameDictionary dictionary;

  /** The matcher over the default dictionaries (used by the SPI). */
  public PersonNameMatcher() {
    this(NameDictionary.defaults());
  }

  public PersonNameMatcher(NameDictionary dictionary) {
    this.dictionary = java.util.Objects.requireNonNull(dictionary, "dictionary");
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Upper-case ASCII letters, and the UTF-8 lead bytes of Latin-1/Extended-A letters ({@code Ł}, {@code Å}). */
  @Override
  public boolean canStartWith(int b) {
    return (b >= 'A' && b <= 'Z') || (b >= 0xC3 && b <= 0xC5);
  }

  /**
   * A name token or an initial starts with one upper-case letter followed by a lower-case letter (ASCII or
   * a UTF-8 Latin letter), {@code '} ({@code O'Brien}) or {@code .} ({@code J. Smith}): so never at
   * {@code INFO}, {@code GET} or {@code X-Forwarded}.
   */
  @Override
  public boolean canStartUpperRun(int length, int next) {
    return length == 1 && ((next >= 'a' && next <= 'z') || next >= 0x80 || next == '\'' || next == '.');
  }

  @Override
  public int maxLength() {
    return MAX_LENGTH;
  }

  @Override
  public int match(byte[] bytes, int lo, int start, int limit) {
    limit = Math.min(limit, bytes.length);
    if (start >= limit || !mayStart(bytes, lo, start, limit)) {
      return -1;
    }
    int best = Math.max(firstLast(bytes, lo, start, limit), lastCommaFirst(bytes, lo, start, limit));
    best = Math.max(best, initialLast(bytes, lo, start, limit));
    return best >= 0 ? best : keyedSingle(bytes, lo, start, limit);
  }

  /**
   * What every match needs at {@code start}: no code before it ({@link #codeBefore}), and an initial ({@code J.}) or
   * a first token in the dictionary (every other form starts with one) that another name token, a comma or a key
   * before it can follow ({@link #mayFollowFirst}). Two byte tests and one bit test, then one token scan and one
   * dictionary probe. On log text the byte tests turn away two thirds of the listed first tokens ({@code /Mar/},
   * {@code Mar 15}, {@code Pause Young (}), which would otherwise each cost the whole of {@link #match}.
   */
  private boolean mayStart(byte[] bytes, int lo, int start, int limit) {
    if (codeBefore(bytes, lo, start)) {
      return false;
    }
    if (isInitial(bytes, start, limit)) {
      return true;
    }
    if (!dictionary.mayBeListed(bytes, start, limit)) {
      return false;
    }
    int first = token(bytes, start, limit);
    return first >= 0 && mayFollowFirst(bytes, lo, start, first, limit) && dictionary.flags(bytes, start, first) != 0;
  }

  /**
   * Whether a match whose first token is {@code b[start, first)} can exist by what is around that token: a space and
   * a letter (ASCII or not) that can begin an initial, a particle or a name token ({@link #firstLast}), a comma and a
   * space ({@link #lastCommaFirst}), or a key separator before it ({@link #keyedSingle}). A necessary condition.
   */
  private static boolean mayFollowFirst(byte[] b, int lo, int start, int first, int limit) {
    if (first + 1 < limit) {
      byte c = b[first];
      byte d = b[first + 1];
      if (c == ' ' && (canStart(d) || isLowerAscii(d) || d < 0) || c == ',' && d == ' ') {
        return true;
      }
    }
    return keySeparatorBefore(b, lo, start) >= 0;
  }

  @Override
  public boolean findsStarts() {
    return true;
  }

  /**
   * The starts of {@link #canStartWith} and {@link #canStartUpperRun}, with an allowed byte before, where
   * {@link #mayStart} holds. Eight bytes at a time ({@link ByteLanes}): a word of ASCII bytes without an upper-case
   * letter followed by a lower-case one costs about twenty operations and no branch per byte; each position
   * that passes (a capitalised word, about one per 70 bytes of logs) costs a prefix bit test and, for about half
   * of them, a token scan and a dictionary probe.
   */
  @Override
  public int findStarts(byte[] bytes, int lo, int from, int to, int hi, int maxLength, boolean[] forbiddenBefore,
      int[] out) {
    int n = 0;
    int p = from;
    // the last p with p + 8 <= to and p + 9 <= hi: one bound, so that the loop is a counted one for C2, which then
    // checks the two loads' bounds once before it instead of at every step (in-process ab.sh, both orders: 1.01 and
    // 1.03 on main with all rules)
    int last = Math.min(to - 8, hi - 9);
    for (; p <= last; p += 8) {
      long here = ByteLanes.load(bytes, p);
      long next = ByteLanes.load(bytes, p + 1);
      // a superset of canStartUpperRun's bytes after the letter: 'a' and above, ' and . (and & and /: the bytes
      // that are 0x2f with the bits 0x09 set, one test instead of two)
      long lanes = ByteLanes.inRange(here, 'A', 'Z')
          & (ByteLanes.atLeast(next, 'a') | ByteLanes.equal(next | 0x0909090909090909L, 0x2f));
      if ((here & ByteLanes.HIGH) != 0) {
        lanes |= ByteLanes.inRange(here ^ ByteLanes.HIGH, 0xC3 - 0x80, 0xC5 - 0x80);
      }
      while (lanes != 0) {
        int q = p + ByteLanes.firstLane(lanes);
        lanes &= lanes - 1;
        if (allowedAt(bytes, lo, q, hi, maxLength, forbiddenBefore)) {
          out[n++] = q;
        }
      }
    }
    return scalarStarts(bytes, lo, p, to, hi, maxLength, forbiddenBefore, out, n);
  }

  /** {@link #findStarts} in {@code [from, to)} a byte at a time, appended after {@code n}; the new count. */
  private int scalarStarts(byte[] bytes, int lo, int from, int to, int hi, int maxLength, boolean[] forbiddenBefore,
      int[] out, int n) {
    for (int p = from; p < to; p++) {
      int b = bytes[p] & 0xff;
      boolean starts = b >= 'A' && b <= 'Z' ? p + 1 >= hi || canStartUpperRun(1, bytes[p + 1] & 0xff)
          : canStartWith(b);
      if (starts && allowedAt(bytes, lo, p, hi, maxLength, forbiddenBefore)) {
        out[n++] = p;
      }
    }
    return n;
  }

  private boolean allowedAt(byte[] bytes, int lo, int p, int hi, int maxLength, boolean[] forbiddenBefore) {
    return (p == lo || forbiddenBefore == null || !forbiddenBefore[bytes[p - 1] & 0xff])
        && mayStart(bytes, lo, p, Math.min(Math.min(hi, p + maxLength), bytes.length));
  }

  /** {@code Jane} or {@code Roe} alone as the value of a name key: the token in the dictionary as the key says. */
  private int keyedSingle(byte[] b, int lo, int start, int limit) {
    int t = token(b, start, limit);
    if (t < 0 || codeAfter(b, t, limit) && !(at(b, t, limit, '<') && at(b, t + 1, limit, '/'))) {
      return -1;
    }
    int wanted = singleNameKeyBefore(b, lo, start);
    return wanted != 0 && (dictionary.flags(b, start, t) & wanted) != 0 ? t : -1;
  }

  /**
   * The dictionary flags a single token needs after the key directly before {@code start} (a key, then up to
   * {@link #MAX_KEY_GAP} bytes of spaces, quotes and one of {@code : = >}); 0 when there is no such key.
   */
  private static int singleNameKeyBefore(byte[] b, int lo, int start) {
    int end = keySeparatorBefore(b, lo, start);
    if (end < 0) {
      return 0;
    }
    if (anyKeySuffix(FIRST_NAME_KEYS, b, lo, end)) {
      return NameDictionary.FIRST;
    }
    if (anyKeySuffix(SURNAME_KEYS, b, lo, end)) {
      return NameDictionary.SURNAME;
    }
    return anyKeySuffix(FULL_NAME_KEYS, b, lo, end) ? NameDictionary.FIRST | NameDictionary.SURNAME : 0;
  }

  /**
   * Where a key would end before {@code start}: the bytes before it are up to {@link #MAX_KEY_GAP} spaces, quotes
   * and at least one of {@code : = >}, and the key ends before the first of them; -1 when there is no separator.
   */
  private static int keySeparatorBefore(byte[] b, int lo, int start) {
    int p = start - 1;
    boolean separator = false;
    while (p >= lo && start - 1 - p < MAX_KEY_GAP) {
      int c = b[p];
      if (c == ':' || c == '=' || c == '>') {
        separator = true;
      } else if (c != ' ' && c != '"' && c != '\'' && c != '\t') {
        break;
      }
      p--;
    }
    return separator ? p + 1 : -1;
  }

  /**
   * Whether {@code b[.., end)} ends with one of {@code keys} (ignoring case) that starts a name, or follows a
   * non-alphanumeric byte ({@code billing_first_name}, {@code user.surname}) or a lower-case letter when it
   * begins upper-case ({@code billingFirstName}).
   */
  private static boolean anyKeySuffix(byte[][] keys, byte[] b, int lo, int end) {
    for (byte[] k : keys) {
      int s = end - k.length;
      if (s >= lo && equalIgnoreCase(k, b, s, end)
          && (s == lo || !isAlnum(b[s - 1]) || isLowerAscii(b[s - 1]) && canStart(b[s]))) {
        return true;
      }
    }
    return false;
  }

  /** {@code First [X. [Y. ]][Middle ]Last}. */
  private int firstLast(byte[] b, int lo, int start, int limit) {
    int t1 = token(b, start, limit);
    if (t1 < 0 || !at(b, t1, limit, ' ')) {
      return -1;
    }
    int f1 = dictionary.flags(b, start, t1);
    if ((f1 & NameDictionary.FIRST) == 0) {
      return -1;
    }
    int p = skipInitials(b, t1 + 1, limit);
    int q = skipParticles(b, p, limit);
    int t2 = token(b, q, limit);
    if (q > p) {
      return t2 < 0 || codeAfter(b, t2, limit) || !accept(b, lo, start, t2, limit, f1, dictionary.flags(b, q, t2))
          ? -1 : t2;
    }
    if (t2 < 0) {
      return -1;
    }
    int best = -1;
    int f2 = dictionary.flags(b, p, t2);
    if (!codeAfter(b, t2, limit) && accept(b, lo, start, t2, limit, f1, f2)) {
      best = t2;
    }
    if (p == t1 + 1 && at(b, t2, limit, ' ')) {
      int t3 = token(b, t2 + 1, limit);
      if (t3 > 0 && (f2 & NameDictionary.FIRST) != 0 && !codeAfter(b, t3, limit)) {
        int f3 = dictionary.flags(b, t2 + 1, t3);
        if (accept(b, lo, start, t3, limit, f1 | (f2 & NameDictionary.WORD), f3)) {
          best = t3;
        }
      }
    }
    return best;
  }

  /** {@code Last, First}: both tokens in the dictionary. */
  private int lastCommaFirst(byte[] b, int lo, int start, int limit) {
    int t1 = token(b, start, limit);
    if (t1 < 0 || !at(b, t1, limit, ',') || !at(b, t1 + 1, limit, ' ')) {
      return -1;
    }
    int t2 = token(b, t1 + 2, limit);
    if (t2 < 0 || codeAfter(b, t2, limit)) {
      return -1;
    }
    int last = dictionary.flags(b, start, t1);
    int first = dictionary.flags(b, t1 + 2, t2);
    if ((last & NameDictionary.SURNAME) == 0 || (first & NameDictionary.FIRST) == 0) {
      return -1;
    }
    boolean context = hasContext(b, lo, start, t2, limit);
    boolean words = (first & NameDictionary.WORD) != 0;
    boolean list = at(b, t2, limit, ',') && at(b, t2 + 1, limit, ' ') && token(b, t2 + 2, limit) > 0;
    return (words || list) && !context ? -1 : t2;
  }

  /** {@code J. Last} or {@code J. R. Last}: the surname in the dictionary. */
  private int initialLast(byte[] b, int lo, int start, int limit) {
    int p = skipInitials(b, start, limit);
    if (p == start) {
      return -1;
    }
    int t = token(b, p, limit);
    if (t < 0 || codeAfter(b, t, limit)) {
      return -1;
    }
    int f = dictionary.flags(b, p, t);
    if ((f & NameDictionary.SURNAME) == 0) {
      return -1;
    }
    return (f & NameDictionary.WORD) == 0 || hasContext(b, lo, start, t, limit) ? t : -1;
  }

  /**
   * A first name followed by a surname is a name unless the first name is also a common word; anything
   * weaker (unknown or word last token) needs context. Surnames that are words (Smith, Brown) are fine
   * after a first name that is not a word.
   */
  private boolean accept(byte[] b, int lo, int start, int end, int limit, int first, int last) {
    boolean surname = (last & NameDictionary.SURNAME) != 0;
    boolean firstIsWord = (first & NameDictionary.WORD) != 0;
    if (surname && !firstIsWord) {
      return true;
    }
    return hasContext(b, lo, start, end, limit);
  }

  /**
   * Skips up to {@link #MAX_PARTICLES} lower-case surname particles and their space ({@code de Vries},
   * {@code van der Berg}, {@code di Maria}) or hyphen ({@code al-Rashid}); returns the position of the surname
   * after them, or {@code p}. Allocation-free.
   */
  private static int skipParticles(byte[] b, int p, int limit) {
    int q = p;
    for (int n = 0; n < MAX_PARTICLES; n++) {
      int e = q;
      while (e < limit && e - q <= MAX_PARTICLE_BYTES && b[e] >= 'a' && b[e] <= 'z') {
        e++;
      }
      if (e == q || e >= limit || !isParticle(b, q, e)) {
        break;
      }
      boolean hyphen = b[e] == '-' && e - q == 2 && b[q + 1] == 'l';
      if (b[e] != ' ' && !hyphen) {
        break;
      }
      q = e + 1;
    }
    return q;
  }

  private static boolean isParticle(byte[] b, int from, int to) {
    for (byte[] particle : PARTICLES) {
      if (particle.length == to - from && java.util.Arrays.equals(b, from, to, particle, 0, particle.length)) {
        return true;
      }
    }
    return false;
  }

  /** Skips {@code X. } initials (at most {@link #MAX_INITIALS}); returns the position after them. */
  private static int skipInitials(byte[] b, int p, int limit) {
    for (int n = 0; n < MAX_INITIALS; n++) {
      if (p + 2 < limit && canStart(b[p]) && b[p + 1] == '.' && b[p + 2] == ' ') {
        p += 3;
      } else {
        break;
      }
    }
    return p;
  }

  /**
   * The end of a name token at {@code i}: an upper-case letter (ASCII or Latin), then lower-case letters
   * (ASCII or Latin), with {@code Mc}/{@code Mac}/{@code O'} prefixes and {@code -}/{@code '} joins before an
   * upper-case letter; -1 when the token is absent, too long, or runs on into letters, digits or {@code _}.
   */
  static int token(byte[] b, int i, int limit) {
    if (i >= limit) {
      return -1;
    }
    int j;
    if (canStart(b[i])) {
      j = i + 1;
    } else {
      int cp = LatinFold.letterAt(b, i, limit);
      if (cp < 0 || LatinFold.isLower(cp)) {
        return -1;
      }
      j = i + 2;
    }
    int lower = 0;
    if (j + 1 < limit && b[i] == 'O' && b[j] == '\'' && canStart(b[j + 1])) {
      j += 2;
    } else if (b[i] == 'M' && j + 1 < limit && b[j] == 'c' && canStart(b[j + 1])) {
      j += 2;
    } else if (b[i] == 'M' && j + 2 < limit && b[j] == 'a' && b[j + 1] == 'c' && canStart(b[j + 2])) {
      j += 3;
    }
    while (j < limit && j - i <= MAX_TOKEN_BYTES) {
      int c = b[j] & 0xff;
      if (c >= 'a' && c <= 'z') {
        j++;
        lower++;
      } else if (c >= 0x80) {
        int cp = LatinFold.letterAt(b, j, limit);
        if (cp < 0) {
          break;
        }
        if (!LatinFold.isLower(cp)) {
          return -1;
        }
        j += 2;
        lower++;
      } else if ((c == '-' || c == '\'') && lower > 0 && j + 2 < limit && canStart(b[j + 1])
          && isLowerAscii(b[j + 2])) {
        j += 2;
      } else {
        break;
      }
    }
    if (lower == 0 || j - i > MAX_TOKEN_BYTES) {
      return -1;
    }
    if (j < limit && (isWordByte(b[j]) || LatinFold.letterAt(b, j, limit) >= 0)) {
      return -1;
    }
    return j;
  }

  /** Whether the byte before {@code start} glues the token to code ({@code com.Foo}, {@code $Foo}, {@code ::Foo}). */
  static boolean codeBefore(byte[] b, int lo, int start) {
    if (start <= lo) {
      return false;
    }
    int c = b[start - 1] & 0xff;
    if (isWordByte((byte) c) || (start - 2 >= lo && LatinFold.letterAt(b, start - 2, start) >= 0)) {
      return true;
    }
    return switch (c) {
      case '.', '$', '@', '/', '\\', '-', '\'', '#', '%', '&', '*', '^', '~', '`', '|' -> true;
      case ':' -> start - 2 >= lo && b[start - 2] == ':';
      default -> false;
    };
  }

  /** Whether the bytes after a name's last token make it code ({@code Foo(}, {@code Foo.java}, {@code Foo::}, {@code Foo=}). */
  static boolean codeAfter(byte[] b, int end, int limit) {
    if (end >= limit) {
      return false;
    }
    int c = b[end] & 0xff;
    return switch (c) {
      case '(', '[', '{', '<', '=', '/', '\\', '$', '@', '#', '_' -> true;
      case '.' -> end + 1 < limit && isWordByte(b[end + 1]);
      case ':' -> end + 1 < limit && b[end + 1] == ':';
      default -> false;
    };
  }

  /** Whether a title or key precedes the match, or an e-mail address in angle brackets follows it. */
  boolean hasContext(byte[] b, int lo, int start, int end, int limit) {
    return keyBefore(b, Math.max(lo, start - CONTEXT_WINDOW), start) || displayNameAfter(b, end, limit);
  }

  private static boolean keyBefore(byte[] b, int lo, int start) {
    int p = start - 1;
    int gap = 0;
    boolean colon = false;
    while (p >= lo && gap < MAX_KEY_GAP) {
      int c = b[p];
      if (c == ' ' || c == '"' || c == '\'' || c == ':' || c == '=' || c == '.' || c == '\t' || c == ',') {
        colon |= c == ':';
        p--;
        gap++;
      } else {
        break;
      }
    }
    if (gap == 0) {
      return false;
    }
    int end = p + 1;
    int s = end;
    while (s > lo && end - s < MAX_KEY_BYTES && isKeyByte(b[s - 1])) {
      s--;
    }
    if (s == end || (s > lo && isKeyByte(b[s - 1]))) {
      return false;
    }
    if (anyEqualIgnoreCase(KEYS, b, s, end)) {
      return true;
    }
    return colon && anyEqualIgnoreCase(HEADER_KEYS, b, s, end);
  }

  private static boolean displayNameAfter(byte[] b, int end, int limit) {
    int p = end;
    if (p < limit && b[p] == '"') {
      p++;
    }
    if (p + 1 >= limit || b[p] != ' ' || b[p + 1] != '<') {
      return false;
    }
    int stop = Math.min(limit, p + 2 + DISPLAY_NAME_LOOKAHEAD);
    boolean at = false;
    for (int i = p + 2; i < stop; i++) {
      if (b[i] == '@') {
        at = true;
      } else if (b[i] == '>') {
        return at;
      } else if (b[i] == ' ' || b[i] == '<' || b[i] == '\n') {
        return false;
      }
    }
    return false;
  }

  private static boolean anyEqualIgnoreCase(byte[][] words, byte[] b, int s, int e) {
    for (byte[] w : words) {
      if (equalIgnoreCase(w, b, s, e)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code b[s, e)} is the lower-case ASCII word {@code w}, ignoring case. */
  private static boolean equalIgnoreCase(byte[] w, byte[] b, int s, int e) {
    if (w.length != e - s) {
      return false;
    }
    for (int i = 0; i < w.length; i++) {
      int c = b[s + i];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != w[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isInitial(byte[] b, int i, int limit) {
    return i + 1 < limit && canStart(b[i]) && b[i + 1] == '.';
  }

  private static boolean canStart(byte c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLowerAscii(byte c) {
    return c >= 'a' && c <= 'z';
  }

  /** An ASCII word byte {@code [A-Za-z0-9_]}. */
  private static boolean isWordByte(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean isAlnum(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isKeyByte(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
  }

  private static boolean at(byte[] b, int i, int limit, char c) {
    return i < limit && b[i] == c;
  }

  private static byte[][] ascii(String... words) {
    byte[][] out = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      out[i] = words[i].getBytes(StandardCharsets.US_ASCII);
    }
    return out;
  }
}
