package dev.lagotto.core.validate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * libphonenumber's {@code parse}, {@code isValidNumber} and {@code isPossibleNumber}, with the same results
 * and a fraction of the cost. {@link #parse} reads the common shapes itself (ASCII digits, an optional leading
 * {@code +}, and the separators space {@code . - ( )}), following {@code PhoneNumberUtil.parseHelper} step by
 * step on the region's compiled metadata ({@link PhoneRegion}); anything else (letters, extensions, other
 * separators, a {@code +} that is not first, an international dialling prefix, an unknown calling code, a
 * failing parse) goes to libphonenumber itself. {@link #isValid} runs one digit automaton per candidate region
 * instead of a regex per number type. Per region and calling code, the compiled metadata is built once on first
 * use (a few milliseconds) and shared by all instances; a region whose metadata does not compile keeps
 * libphonenumber. Thread-safe. The equivalence is checked by {@code PhoneNumbersEquivalenceTest}.
 */
public final class PhoneNumbers {
  /** libphonenumber's {@code MAX_INPUT_STRING_LENGTH}: longer input is not parsed here. */
  static final int MAX_INPUT_LENGTH = 250;
  /** Fewest digits for which libphonenumber's viability pattern is known to accept our shapes. */
  private static final int MIN_DIGITS = 3;
  private static final int MIN_NSN_LENGTH = 2;
  private static final int MAX_NSN_LENGTH = 17;
  private static final int MAX_CC_LENGTH = 3;
  private static final int MAX_LEADING_ZEROS = 10;
  private static final int CALLING_CODES = 1000;
  private static final String NON_GEO_REGION = "001";

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final MetadataSource METADATA =
      DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
  private static final Map<String, Optional<PhoneRegion>> REGIONS = new ConcurrentHashMap<>();
  private static final AtomicReferenceArray<CallingCode> CODES = new AtomicReferenceArray<>(CALLING_CODES);
  private static final Map<String, PhoneNumbers> INSTANCES = new ConcurrentHashMap<>();
  private static final boolean[] SUPPORTED_CODES = new boolean[CALLING_CODES];

  static {
    for (int cc : UTIL.getSupportedCallingCodes()) {
      if (cc > 0 && cc < CALLING_CODES) {
        SUPPORTED_CODES[cc] = true;
      }
    }
  }

  private final String region;
  private final boolean fast;
  private final boolean supported;
  /** The default region compiled on first use (a benign race: every thread gets the one cached instance). */
  private PhoneRegion home;

  private PhoneNumbers(String region, boolean fast) {
    this.region = Objects.requireNonNull(region, "region");
    this.fast = fast;
    this.supported = UTIL.getSupportedRegions().contains(region);
  }

  /** The instance for default region {@code region} (an ISO 3166 code as libphonenumber spells it). */
  public static PhoneNumbers forRegion(String region) {
    return INSTANCES.computeIfAbsent(region, r -> new PhoneNumbers(r, true));
  }

  /**
   * The reference: an instance for {@code region} that calls libphonenumber for everything (the baseline of
   * {@code ValidatorBenchmark} and of the equivalence test).
   */
  public static PhoneNumbers libphonenumberOnly(String region) {
    return new PhoneNumbers(region, false);
  }

  /** The default region national numbers are read in. */
  public String region() {
    return region;
  }

  /** {@code PhoneNumberUtil.parse(text, region)}, or {@code null} where it throws {@link NumberParseException}. */
  public PhoneNumber parse(String text) {
    PhoneNumber fast = parseCommonShape(text);
    if (fast != null) {
      return fast;
    }
    try {
      return UTIL.parse(text, region);
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** {@code PhoneNumberUtil.isValidNumber(number)}. */
  public boolean isValid(PhoneNumber number) {
    if (!fast) {
      return UTIL.isValidNumber(number);
    }
    CallingCode code = callingCode(number.getCountryCode());
    return code != null && code.isValid(number);
  }

  /** {@code PhoneNumberUtil.isPossibleNumber(number)}. */
  public boolean isPossible(PhoneNumber number) {
    if (!fast) {
      return UTIL.isPossibleNumber(number);
    }
    CallingCode code = callingCode(number.getCountryCode());
    if (code == null) {
      return false;
    }
    PhoneRegion main = code.main();
    if (main == null) {
      return UTIL.isPossibleNumber(number);
    }
    ValidationResult r = main.testNumberLength(nationalSignificantNumber(number).length());
    return r == ValidationResult.IS_POSSIBLE || r == ValidationResult.IS_POSSIBLE_LOCAL_ONLY;
  }

  /** {@code PhoneNumberUtil.getNationalSignificantNumber}: the Italian leading zeros, then the national number. */
  static String nationalSignificantNumber(PhoneNumber number) {
    String national = Long.toString(number.getNationalNumber());
    if (number.isItalianLeadingZero() && number.getNumberOfLeadingZeros() > 0) {
      return "0".repeat(Math.min(number.getNumberOfLeadingZeros(), MAX_LEADING_ZEROS)) + national;
    }
    return national;
  }

  /**
   * {@code parseHelper} for text made of ASCII digits, space {@code . - ( )} and at most a leading {@code +};
   * {@code null} for any other text and for every case where libphonenumber would take another branch than the
   * common ones (international dialling prefix, unknown calling code, a result it would reject).
   */
  PhoneNumber parseCommonShape(String s) {
    PhoneRegion home = home();
    if (home == null) {
      return null;
    }
    int n = s.length();
    if (n > MAX_INPUT_LENGTH) {
      return null;
    }
    StringBuilder digits = new StringBuilder(n);
    boolean plus = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && i == 0) {
        plus = true;
      } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
        return null;
      }
    }
    if (digits.length() < MIN_DIGITS) {
      return null;
    }
    int cc;
    String national;
    PhoneRegion md;
    if (plus) {
      int ccLength = countryCodeLength(digits);
      if (ccLength == 0) {
        return null;
      }
      cc = Integer.parseInt(digits, 0, ccLength, 10);
      national = digits.substring(ccLength);
      md = mainRegion(cc);
    } else {
      if (home.internationalPrefixMayStart(digits)) {
        return null;
      }
      String full = digits.toString();
      national = null;
      if (full.startsWith(home.countryCodeText())) {
        StringBuilder potential = new StringBuilder(full.length())
            .append(full, home.countryCodeText().length(), full.length());
        home.stripNationalPrefix(potential);
        if (!home.matchesGeneral(full) && home.matchesGeneral(potential)
            || home.testNumberLength(full.length()) == ValidationResult.TOO_LONG) {
          national = potential.toString();
        }
      }
      if (national == null) {
        cc = home.countryCode();
        national = full;
        md = home;
      } else {
        cc = home.countryCode();
        md = mainRegion(cc);
      }
    }
    if (md == null || national.length() < MIN_NSN_LENGTH) {
      return null;
    }
    StringBuilder potential = new StringBuilder(national);
    md.stripNationalPrefix(potential);
    ValidationResult r = md.testNumberLength(potential.length());
    String nsn = r == ValidationResult.TOO_SHORT || r == ValidationResult.IS_POSSIBLE_LOCAL_ONLY
        || r == ValidationResult.INVALID_LENGTH ? national : potential.toString();
    if (nsn.length() < MIN_NSN_LENGTH || nsn.length() > MAX_NSN_LENGTH) {
      return null;
    }
    PhoneNumber number = new PhoneNumber().setCountryCode(cc);
    if (nsn.length() > 1 && nsn.charAt(0) == '0') {
      number.setItalianLeadingZero(true);
      int zeros = 1;
      while (zeros < nsn.length() - 1 && nsn.charAt(zeros) == '0') {
        zeros++;
      }
      if (zeros != 1) {
        number.setNumberOfLeadingZeros(zeros);
      }
    }
    return number.setNationalNumber(Long.parseLong(nsn));
  }

  /** {@link #parseDigits}, {@link #isValidDigits}, {@link #isPossibleDigits}: libphonenumber has to decide. */
  static final int UNDECIDED = -1;
  /** Bits of the national significant number's length in a {@link #parseDigits} result. */
  private static final int LENGTH_BITS = 5;

  /**
   * {@link #parseCommonShape} of text whose {@code n} digits (3..15) are {@code digits} as nibbles (four bits
   * each, the first digit highest) and that starts with {@code +} when {@code plus}: the calling code and the
   * length of the national significant number, which is always the last digits of the text, as
   * {@code cc << 5 | length}; {@link #UNDECIDED} where {@code parseCommonShape} gives {@code null} and where it
   * would run a national prefix {@link java.util.regex.Matcher} (then the text goes the String way). With no
   * national prefix stripped, the parsed number's national significant number is exactly those digits (up to
   * {@value #MAX_LEADING_ZEROS} leading zeros, checked). Allocation-free.
   */
  int parseDigits(long digits, int n, boolean plus) {
    PhoneRegion home = home();
    if (home == null || n < MIN_DIGITS) {
      return UNDECIDED;
    }
    int cc;
    int national;
    PhoneRegion md;
    if (plus) {
      int ccLength = countryCodeLength(digits, n);
      if (ccLength == 0) {
        return UNDECIDED;
      }
      cc = (int) decimal(digits >>> 4 * (n - ccLength), ccLength);
      national = n - ccLength;
      md = mainRegion(cc);
    } else {
      if (home.internationalPrefixMayStart(digits, n)) {
        return UNDECIDED;
      }
      cc = home.countryCode();
      national = n;
      md = home;
      int ccDigits = home.countryCodeText().length();
      if (n >= ccDigits && decimal(digits >>> 4 * (n - ccDigits), ccDigits) == cc) {
        int rest = n - ccDigits;
        long potential = low(digits, rest);
        if (!home.keepsNationalPrefix(potential, rest)) {
          return UNDECIDED;
        }
        if (!home.matchesGeneral(digits, n) && home.matchesGeneral(potential, rest)
            || home.testNumberLength(n) == ValidationResult.TOO_LONG) {
          national = rest;
          md = mainRegion(cc);
        }
      }
    }
    if (md == null || national < MIN_NSN_LENGTH || !md.keepsNationalPrefix(low(digits, national), national)
        || national > MAX_NSN_LENGTH) {
      return UNDECIDED;
    }
    int zeros = 0;
    while (zeros < national - 1 && (digits >>> 4 * (national - 1 - zeros) & 0xf) == 0) {
      zeros++;
    }
    return zeros > MAX_LEADING_ZEROS ? UNDECIDED : cc << LENGTH_BITS | national;
  }

  /** The calling code of a {@link #parseDigits} result. */
  static int callingCodeOf(int parsed) {
    return parsed >>> LENGTH_BITS;
  }

  /** The national significant number's length of a {@link #parseDigits} result. */
  static int nsnLengthOf(int parsed) {
    return parsed & (1 << LENGTH_BITS) - 1;
  }

  /** The last {@code n} of some digits as nibbles. */
  static long low(long nibbles, int n) {
    return n == 0 ? 0 : nibbles & -1L >>> 64 - 4 * n;
  }

  /** The value of the last {@code n} digits of nibbles, as decimal. */
  static long decimal(long nibbles, int n) {
    long value = 0;
    for (int shift = 4 * (n - 1); shift >= 0; shift -= 4) {
      value = value * 10 + (nibbles >>> shift & 0xf);
    }
    return value;
  }

  /**
   * {@link #isValid} of the number with calling code {@code cc} and national significant number the {@code n}
   * digits of {@code nsn}: 1 or 0, or {@link #UNDECIDED} where it would call libphonenumber. Allocation-free.
   */
  int isValidDigits(int cc, long nsn, int n) {
    if (!fast) {
      return UNDECIDED;
    }
    CallingCode code = callingCode(cc);
    return code == null ? 0 : code.isValid(nsn, n);
  }

  /** {@link #isPossible} of such a number: 1 or 0, or {@link #UNDECIDED}. Allocation-free. */
  int isPossibleDigits(int cc, int n) {
    if (!fast) {
      return UNDECIDED;
    }
    CallingCode code = callingCode(cc);
    if (code == null) {
      return 0;
    }
    PhoneRegion main = code.main();
    if (main == null) {
      return UNDECIDED;
    }
    ValidationResult r = main.testNumberLength(n);
    return r == ValidationResult.IS_POSSIBLE || r == ValidationResult.IS_POSSIBLE_LOCAL_ONLY ? 1 : 0;
  }

  /** {@link #countryCodeLength(CharSequence)} of {@code n} digits as nibbles. */
  private static int countryCodeLength(long digits, int n) {
    int value = 0;
    for (int i = 0; i < MAX_CC_LENGTH && i < n; i++) {
      int d = (int) (digits >>> 4 * (n - 1 - i) & 0xf);
      if (i == 0 && d == 0) {
        return 0;
      }
      value = value * 10 + d;
      if (SUPPORTED_CODES[value]) {
        return i + 1;
      }
    }
    return 0;
  }

  private PhoneRegion home() {
    PhoneRegion h = home;
    if (h == null && fast && supported) {
      h = region(region).orElse(null);
      home = h;
    }
    return h;
  }

  /** {@code extractCountryCode}: length of the shortest known calling code that starts {@code digits}, or 0. */
  private static int countryCodeLength(CharSequence digits) {
    if (digits.charAt(0) == '0') {
      return 0;
    }
    int value = 0;
    for (int i = 0; i < MAX_CC_LENGTH && i < digits.length(); i++) {
      value = value * 10 + digits.charAt(i) - '0';
      if (SUPPORTED_CODES[value]) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The metadata libphonenumber uses for calling code {@code cc}: its main region's, or {@code null}. */
  private static PhoneRegion mainRegion(int cc) {
    CallingCode code = callingCode(cc);
    return code == null ? null : code.main();
  }

  private static Optional<PhoneRegion> region(String regionCode) {
    return REGIONS.computeIfAbsent(regionCode, r -> compile(METADATA.getMetadataForRegion(r)));
  }

  private static Optional<PhoneRegion> nonGeographic(int cc) {
    return REGIONS.computeIfAbsent(NON_GEO_REGION + cc, r -> compile(METADATA.getMetadataForNonGeographicalRegion(cc)));
  }

  private static Optional<PhoneRegion> compile(PhoneMetadata md) {
    if (md == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(PhoneRegion.compile(md));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The regions of calling code {@code cc} in libphonenumber's order, or {@code null} for an unknown code. */
  private static CallingCode callingCode(int cc) {
    if (cc <= 0 || cc >= CALLING_CODES || !SUPPORTED_CODES[cc]) {
      return null;
    }
    CallingCode code = CODES.get(cc);
    if (code == null) {
      code = CallingCode.of(cc);
      CODES.compareAndSet(cc, null, code);
    }
    return code;
  }

  /**
   * The regions of one calling code in libphonenumber's order: their leading-digits automata at once (small),
   * each region's full metadata on first need, so that a {@code +1} number valid in the US does not compile
   * the other 24 NANP regions. {@code unsupported} when a leading-digits pattern does not compile.
   */
  private static final class CallingCode {
    private final int cc;
    private final String[] regions;
    private final DigitAutomaton[] leadingDigits;
    private final boolean unsupported;
    /** Regions resolved so far (a benign race: a miss looks the one cached instance up again). */
    private final PhoneRegion[] resolved;

    private CallingCode(int cc, String[] regions, DigitAutomaton[] leadingDigits, boolean unsupported) {
      this.cc = cc;
      this.regions = regions;
      this.leadingDigits = leadingDigits;
      this.unsupported = unsupported;
      this.resolved = new PhoneRegion[regions.length];
    }

    static CallingCode of(int cc) {
      String[] regions = UTIL.getRegionCodesForCountryCode(cc).toArray(new String[0]);
      DigitAutomaton[] leading = new DigitAutomaton[regions.length];
      if (regions.length == 0) {
        return new CallingCode(cc, regions, leading, true);
      }
      try {
        for (int i = 0; i < regions.length && regions.length > 1; i++) {
          PhoneMetadata md = METADATA.getMetadataForRegion(regions[i]);
          if (md == null) {
            return new CallingCode(cc, regions, leading, true);
          }
          leading[i] = md.hasLeadingDigits() ? DigitAutomaton.compile(md.getLeadingDigits()) : null;
        }
      } catch (IllegalArgumentException e) {
        return new CallingCode(cc, regions, leading, true);
      }
      return new CallingCode(cc, regions, leading, false);
    }

    /** Region {@code i} compiled, or {@code null} when its metadata does not compile. */
    PhoneRegion region(int i) {
      PhoneRegion known = resolved[i];
      if (known == null) {
        String r = regions[i];
        known = (NON_GEO_REGION.equals(r) ? nonGeographic(cc) : PhoneNumbers.region(r)).orElse(null);
        resolved[i] = known;
      }
      return known;
    }

    /** The main region (the one {@code parse} and {@code isPossibleNumber} use), or {@code null}. */
    PhoneRegion main() {
      return unsupported ? null : region(0);
    }

    /** {@link #isValid(PhoneNumber)} of a national significant number of {@code n} digits as nibbles; tri-state. */
    int isValid(long nsn, int n) {
      if (unsupported) {
        return UNDECIDED;
      }
      for (int i = 0; i < regions.length; i++) {
        boolean byLeadingDigits = leadingDigits[i] != null;
        if (byLeadingDigits && !leadingDigits[i].matchesPrefix(nsn, n)) {
          continue;
        }
        PhoneRegion r = region(i);
        if (r == null) {
          return UNDECIDED;
        }
        if (byLeadingDigits || regions.length == 1) {
          return r.isValid(nsn, n) ? 1 : 0;
        }
        if (r.isValid(nsn, n)) {
          return 1;
        }
      }
      return 0;
    }

    /** {@code isValidNumberForRegion(number, getRegionCodeForNumber(number))} for a number with this code. */
    boolean isValid(PhoneNumber number) {
      if (unsupported) {
        return UTIL.isValidNumber(number);
      }
      String nsn = nationalSignificantNumber(number);
      for (int i = 0; i < regions.length; i++) {
        boolean byLeadingDigits = leadingDigits[i] != null;
        if (byLeadingDigits && !leadingDigits[i].matchesPrefix(nsn, 0, nsn.length())) {
          continue;
        }
        PhoneRegion r = region(i);
        if (r == null) {
          return UTIL.isValidNumber(number);
        }
        if (byLeadingDigits || regions.length == 1) {
          return r.isValid(nsn);
        }
        if (r.isValid(nsn)) {
          return true;
        }
      }
      return false;
    }
  }
}
