package dev.lagotto.core.validate.reference;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.PhoneNumbers;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Validator {@code phone}: libphonenumber parses the match (national numbers in the settings' default region)
 * and says {@code isValidNumber} (factor 1); {@link PhoneNumbers} gives its results for the common shapes at a
 * fraction of the cost. A number written in a phone's shape (a leading {@code +}, or
 * separators between the digit groups) that is only <em>possible</em> (right length for its country; for
 * country code 1 also area code and exchange starting with 2-9) — an unassigned range, or one assigned after
 * the metadata — gets {@link #POSSIBLE_FACTOR}: the default rules then report it only with phone context
 * (a {@code "phone":} key, {@code sms to}). Bare digit runs must be valid. Digit runs that read as a date ({@code 2024-03-12}, {@code 12.03.1985},
 * {@code 20240312}), a time ({@code 12:34:56}) or all the same digit are dropped first. Cost: one
 * {@link PhoneNumbers} parse and validation (about a microsecond for the common shapes; it runs only on
 * matches). Thread-safe.
 */
public final class RefPhoneValidator implements Validator, ValidatorProvider {
  public static final String NAME = "phone";
  /** Region used when the settings name none. */
  public static final String FALLBACK_REGION = "US";
  /** Factor of a phone-shaped number that libphonenumber finds possible but not valid. */
  public static final double POSSIBLE_FACTOR = 0.55;
  private static final int MIN_DIGITS = 7;
  private static final int NANP_COUNTRY_CODE = 1;
  private static final long NANP_AREA_UNIT = 10_000_000L;
  private static final long NANP_EXCHANGE_UNIT = 10_000L;
  private static final int NANP_CODE_WIDTH = 1000;
  private static final int NANP_CODE_MIN = 200;
  private static final int MAX_DIGITS = 15;
  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 2099;
  private static final int DATE_DIGITS = 8;

  private final PhoneNumbers phones;

  /** The SPI provider (region {@value #FALLBACK_REGION}). */
  public RefPhoneValidator() {
    this(FALLBACK_REGION);
  }

  public RefPhoneValidator(String region) {
    this(PhoneNumbers.forRegion(region == null || region.isBlank() ? FALLBACK_REGION : region));
  }

  /** A validator on {@code phones} (e.g. {@link PhoneNumbers#libphonenumberOnly}, the baseline). */
  public RefPhoneValidator(PhoneNumbers phones) {
    this.phones = phones;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Validator create(ScanSettings settings) {
    return new RefPhoneValidator(settings.defaultRegion());
  }

  @Override
  public double check(byte[] bytes, int start, int end) {
    if (!plausible(bytes, start, end)) {
      return 0;
    }
    String text = MatchText.decode(bytes, start, end);
    return text == null ? 0 : factor(text);
  }

  /** 1 for a valid number, {@link #POSSIBLE_FACTOR} for a phone-shaped possible one, else 0 (see the class). */
  public double factor(String text) {
    PhoneNumber number = parse(text);
    if (number == null) {
      return 0;
    }
    if (phones.isValid(number)) {
      return 1;
    }
    return phoneShaped(text.strip()) && phones.isPossible(number) && nanpStructure(number) ? POSSIBLE_FACTOR : 0;
  }

  /** A leading {@code +}, or a space, dot, dash or parenthesis between digits. */
  static boolean phoneShaped(String s) {
    if (s.startsWith("+")) {
      return true;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')') {
        return true;
      }
    }
    return s.startsWith("(");
  }

  /** For country code 1: the area code and the exchange start with 2-9; other countries pass. */
  static boolean nanpStructure(PhoneNumber number) {
    if (number.getCountryCode() != NANP_COUNTRY_CODE) {
      return true;
    }
    long n = number.getNationalNumber();
    return n / NANP_AREA_UNIT % NANP_CODE_WIDTH >= NANP_CODE_MIN && n / NANP_EXCHANGE_UNIT % NANP_CODE_WIDTH >= NANP_CODE_MIN;
  }

  /**
   * The structural rejects of {@link #valid} read from the bytes without decoding: a digit count outside
   * {@value #MIN_DIGITS}..{@value #MAX_DIGITS}, all digits the same, or a {@code :} (a time). A match with a
   * non-ASCII byte is left to {@link #valid}. Never {@code false} where {@code valid} is {@code true};
   * allocation-free.
   */
  static boolean plausible(byte[] bytes, int start, int end) {
    int digits = 0;
    int first = -1;
    boolean same = true;
    for (int i = start; i < end; i++) {
      int c = bytes[i];
      if (c >= '0' && c <= '9') {
        if (first < 0) {
          first = c;
        } else if (c != first) {
          same = false;
        }
        digits++;
      } else if (c == ':') {
        return false;
      } else if (c < 0) {
        return true;
      }
    }
    return digits >= MIN_DIGITS && digits <= MAX_DIGITS && !same;
  }

  /** Whether {@code text} is a valid phone number in this validator's default region. */
  public boolean valid(String text) {
    PhoneNumber number = parse(text);
    return number != null && phones.isValid(number);
  }

  /** The parsed number after the structural rejects (digit count, same digit, time, date), or {@code null}. */
  private PhoneNumber parse(String text) {
    String s = text.strip();
    return rejected(s) ? null : phones.parse(s);
  }

  /**
   * The structural rejects of a stripped text, before any parse: a digit count outside
   * {@value #MIN_DIGITS}..{@value #MAX_DIGITS}, all digits the same, a {@code :} (a time) or a date.
   */
  static boolean rejected(String s) {
    int digits = 0;
    char first = 0;
    boolean same = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 0) {
          first = c;
        } else if (c != first) {
          same = false;
        }
        digits++;
      }
    }
    return digits < MIN_DIGITS || digits > MAX_DIGITS || same || s.indexOf(':') >= 0
        || looksLikeDate(s, digits == s.length());
  }

  /**
   * Whether the text is a separated date ({@code yyyy-M-d} or {@code d-M-yyyy}/{@code d-M-yy} with {@code - / .}
   * between the groups) or an 8-digit {@code yyyyMMdd} / {@code ddMMyyyy} / {@code MMddyyyy} date;
   * {@code allDigits} says that {@code s} is ASCII digits only. Allocation-free.
   */
  static boolean looksLikeDate(CharSequence s, boolean allDigits) {
    if (separatedDate(s)) {
      return true;
    }
    if (allDigits && s.length() == DATE_DIGITS) {
      return isDate(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8))
          || isDate(num(s, 4, 8), num(s, 2, 4), num(s, 0, 2))
          || isDate(num(s, 4, 8), num(s, 0, 2), num(s, 2, 4));
    }
    return false;
  }

  /**
   * Whether the whole of {@code s} is three ASCII digit groups joined by one of {@code - / .} each, of lengths
   * 4, 1-2, 1-2 or 1-2, 1-2, 2|4 (the shape only; the values are not checked).
   */
  static boolean separatedDate(CharSequence s) {
    int n = s.length();
    int g0 = digitRun(s, 0);
    int p = g0;
    if (g0 == 0 || p >= n || !dateSeparator(s.charAt(p))) {
      return false;
    }
    int g1 = digitRun(s, ++p);
    p += g1;
    if (g1 == 0 || p >= n || !dateSeparator(s.charAt(p))) {
      return false;
    }
    int g2 = digitRun(s, ++p);
    if (g2 == 0 || p + g2 != n) {
      return false;
    }
    return g0 == 4 && g1 <= 2 && g2 <= 2 || g0 <= 2 && g1 <= 2 && (g2 == 4 || g2 == 2);
  }

  private static int digitRun(CharSequence s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  private static boolean dateSeparator(char c) {
    return c == '-' || c == '/' || c == '.';
  }

  private static int num(CharSequence s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + s.charAt(i) - '0';
    }
    return v;
  }

  private static boolean isDate(int year, int month, int day) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return false;
    }
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
