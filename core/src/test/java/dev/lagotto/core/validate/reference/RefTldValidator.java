package dev.lagotto.core.validate.reference;

import com.google.common.net.InternetDomainName;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
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
public final class RefTldValidator implements Validator, ValidatorProvider {
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
    if (start < 0 || end > bytes.length || start >= end || end - start > MatchText.MAX_MATCH_BYTES) {
      return 0;
    }
    String domain = asciiDomain(bytes, start, end);
    if (domain == null) {
      String text = MatchText.decode(bytes, start, end);
      domain = text == null ? null : domainOf(text);
    }
    return domain != null && validDomain(domain) ? 1 : 0;
  }

  /**
   * {@link #domainOf} read from the bytes, with one string allocated (the domain); {@code null} when the match
   * has a non-ASCII byte or white space at either end, which the string path handles.
   */
  static String asciiDomain(byte[] b, int start, int end) {
    if (b[start] <= ' ' || b[end - 1] <= ' ') {
      return null;
    }
    int from = start;
    for (int i = start; i < end; i++) {
      byte c = b[i];
      if (c < 0) {
        return null;
      }
      if (c == '@') {
        from = i + 1;
      } else if (c == '%' && i + 2 < end && b[i + 1] == '4' && b[i + 2] == '0') {
        from = i + 3;
      }
    }
    int to = end > from && b[end - 1] == '.' ? end - 1 : end;
    char[] out = new char[to - from];
    for (int i = from; i < to; i++) {
      byte c = b[i];
      out[i - from] = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return new String(out);
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
