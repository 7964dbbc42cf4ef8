package dev.lagotto.core.validate;

import com.google.common.net.InternetDomainName;
import dev.lagotto.core.scan.ScanSettings;
import java.util.Locale;
import java.util.Set;

/**
 * Validator {@code tld}: the domain of an e-mail address (after the last {@code @} or URL-encoded {@code %40})
 * or of a host name is under a public suffix of Guava's bundled Public Suffix List, and is not a file name or a
 * local-only name ({@code logo@2x.png}, {@code app.js}, {@code host.local}, {@code localhost}). Cost: one PSL
 * lookup per label (Guava {@link InternetDomainName}, parsed once: the pattern has already given the domain's
 * shape, so an invalid domain, the exception path, is rare), and none for a domain met recently (a shared cache
 * of {@value #CACHE_SIZE} answers: the same domains recur in logs); thread-safe.
 */
public final class TldValidator implements Validator, ValidatorProvider {
  public static final String NAME = "tld";
  /** Entries of the answer cache (a power of two); a domain evicts the one of the same hash slot. */
  static final int CACHE_SIZE = 1024;
  /**
   * Answers of {@link #validDomain} by hash slot. Racy by design: entries are immutable (final fields are
   * safely published), so a reader sees a whole entry or an older one, and a lost write only costs a lookup.
   */
  private static final Answer[] CACHE = new Answer[CACHE_SIZE];

  private record Answer(String domain, boolean valid) {}

  /**
   * Last labels never accepted: local-only names, and file extensions that are also delegated TLDs but in
   * logs and code are nearly always file names. Extensions that are not TLDs ({@code png}, {@code js},
   * {@code css}, ...) are listed too, so the intent survives a future PSL.
   */
  private static final Set<String> REJECTED = Set.of(
      "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "tif", "tiff", "js", "mjs", "css", "scss", "map",
      "json", "xml", "html", "htm", "php", "jsp", "asp", "aspx", "java", "class", "jar", "war", "txt", "log",
      "yml", "yaml", "ini", "cfg", "conf", "bak", "tmp", "gz", "tgz", "tar", "zip", "mov", "mp3", "mp4", "exe",
      "dll", "local", "localhost", "localdomain", "internal", "lan", "home", "corp", "intranet", "invalid",
      "test", "onion", "arpa");
  private static final int LONGEST_REJECTED = REJECTED.stream().mapToInt(String::length).max().orElse(0);
  /** {@link #REJECTED} by length, for the byte path. */
  private static final String[][] REJECTED_BY_LENGTH = byLength(REJECTED, LONGEST_REJECTED);

  private static String[][] byLength(Set<String> words, int longest) {
    String[][] out = new String[longest + 1][];
    for (int n = 0; n <= longest; n++) {
      final int length = n;
      out[n] = words.stream().filter(w -> w.length() == length).sorted().toArray(String[]::new);
    }
    return out;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Validator create(ScanSettings settings) {
    return this;
  }

  @Override
  public double check(byte[] bytes, int start, int end) {
    if (!MatchText.checkable(bytes, start, end)) {
      return 0;
    }
    int from = asciiDomainStart(bytes, start, end);
    if (from >= 0) {
      int to = end > from && bytes[end - 1] == '.' ? end - 1 : end;
      return validDomain(bytes, from, to) ? 1 : 0;
    }
    String text = MatchText.decode(bytes, start, end);
    String domain = text == null ? null : domainOf(text);
    return domain != null && validDomain(domain) ? 1 : 0;
  }

  /**
   * Where {@link #domainOf} starts the domain in {@code b[start, end)} (after the last {@code @} or
   * {@code %40}), read from the bytes; -1 when the match has a non-ASCII byte or white space at either end,
   * which the string path handles. Allocation-free.
   */
  static int asciiDomainStart(byte[] b, int start, int end) {
    if (b[start] <= ' ' || b[end - 1] <= ' ') {
      return -1;
    }
    int from = start;
    for (int i = start; i < end; i++) {
      byte c = b[i];
      if (c < 0) {
        return -1;
      }
      if (c == '@') {
        from = i + 1;
      } else if (c == '%' && i + 2 < end && b[i + 1] == '4' && b[i + 2] == '0') {
        from = i + 3;
      }
    }
    return from;
  }

  /**
   * {@link #validDomain(String)} of the ASCII bytes {@code b[from, to)} read in lower case: the cheap rejects
   * and the cache probe read the bytes; a miss checks the last label against {@link #REJECTED} from the bytes
   * too, and only then allocates (the domain string and its answer).
   */
  static boolean validDomain(byte[] b, int from, int to) {
    if (from >= to) {
      return false;
    }
    int hash = 0;
    int lastDot = -1;
    for (int i = from; i < to; i++) {
      int c = lower(b[i]);
      if (c == '_') {
        return false;
      }
      if (c == '.') {
        lastDot = i;
      }
      hash = 31 * hash + c;
    }
    if (lastDot < 0) {
      return false;
    }
    Answer cached = CACHE[hash & (CACHE_SIZE - 1)];
    if (cached != null && sameLower(cached.domain, b, from, to)) {
      return cached.valid;
    }
    if (rejectedLast(b, lastDot + 1, to)) {
      return false;
    }
    char[] chars = new char[to - from];
    for (int i = from; i < to; i++) {
      chars[i - from] = (char) lower(b[i]);
    }
    return validDomain(new String(chars));
  }

  private static int lower(byte c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }

  /** Whether {@code domain} equals the bytes {@code b[from, to)} in lower case. */
  private static boolean sameLower(String domain, byte[] b, int from, int to) {
    if (domain.length() != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (domain.charAt(i - from) != lower(b[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the last label {@code b[from, to)} (ASCII) is rejected by {@link #lookUp}: in {@link #REJECTED}
   * (probed by length first, so a label longer than every entry costs nothing) or all digits.
   */
  private static boolean rejectedLast(byte[] b, int from, int to) {
    boolean digits = true;
    for (int i = from; i < to && digits; i++) {
      digits = b[i] >= '0' && b[i] <= '9';
    }
    if (digits) {
      return true;
    }
    int n = to - from;
    if (n > LONGEST_REJECTED) {
      return false;
    }
    for (String r : REJECTED_BY_LENGTH[n]) {
      if (sameLower(r, b, from, to)) {
        return true;
      }
    }
    return false;
  }

  /** The part after the last {@code @} (or {@code %40}), or the whole text; lower case, no trailing dot. */
  public static String domainOf(String text) {
    String s = text.strip();
    int at = s.lastIndexOf('@');
    int encoded = s.toLowerCase(Locale.ROOT).lastIndexOf("%40");
    if (encoded > at) {
      s = s.substring(encoded + 3);
    } else if (at >= 0) {
      s = s.substring(at + 1);
    }
    s = s.toLowerCase(Locale.ROOT);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Whether {@code domain} (lower case) has at least one label under a public suffix and is not rejected.
   * Underscores, which Guava tolerates, are refused: they are not valid in host names.
   */
  public static boolean validDomain(String domain) {
    int slot = domain.hashCode() & (CACHE_SIZE - 1);
    Answer cached = CACHE[slot];
    if (cached != null && cached.domain.equals(domain)) {
      return cached.valid;
    }
    boolean valid = lookUp(domain);
    CACHE[slot] = new Answer(domain, valid);
    return valid;
  }

  /** {@link #validDomain} without the cache. */
  static boolean lookUp(String domain) {
    if (domain.isEmpty() || domain.indexOf('.') < 0 || domain.indexOf('_') >= 0) {
      return false;
    }
    String last = domain.substring(domain.lastIndexOf('.') + 1);
    if (REJECTED.contains(last) || allDigits(last)) {
      return false;
    }
    InternetDomainName name;
    try {
      name = InternetDomainName.from(domain);
    } catch (IllegalArgumentException invalid) {
      return false;
    }
    return name.isUnderPublicSuffix();
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
