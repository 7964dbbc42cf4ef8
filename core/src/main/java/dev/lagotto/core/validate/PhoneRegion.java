package dev.lagotto.core.validate;

import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One region's libphonenumber metadata (or a non-geographic calling code's) in executable form, for
 * {@link PhoneNumbers}: the national-number patterns as {@link DigitAutomaton}s (one per distinct pattern, with
 * the description's possible lengths as a bit mask; "valid" = the general description and at least one number
 * type, as libphonenumber's {@code getNumberTypeHelper(..) != UNKNOWN}), the international prefix as a prefix
 * language, the national prefix for parsing as the same {@link Pattern} libphonenumber compiles, and the
 * general possible lengths. Each method restates one step of
 * libphonenumber 9.0's {@code PhoneNumberUtil} with the same result (named in its javadoc). Immutable and
 * thread-safe; building costs a few milliseconds (one determinization per pattern); validity runs at most one
 * automaton per number type, each linear in the digits.
 */
final class PhoneRegion {
  private final int countryCode;
  private final String countryCodeText;
  private final DigitAutomaton internationalPrefix;
  private final Pattern nationalPrefix;
  private final DigitAutomaton nationalPrefixStart;
  private final String transformRule;
  private final DigitAutomaton general;
  private final Desc generalDesc;
  private final Desc[] types;
  private final int[] possibleLengths;
  private final int[] localOnlyLengths;

  private PhoneRegion(PhoneMetadata md) {
    countryCode = md.getCountryCode();
    countryCodeText = String.valueOf(countryCode);
    internationalPrefix = DigitAutomaton.compile(md.getInternationalPrefix());
    String npp = md.getNationalPrefixForParsing();
    nationalPrefix = npp == null || npp.isEmpty() ? null : Pattern.compile(npp);
    nationalPrefixStart = nationalPrefix == null ? null : prefilter(npp);
    String rule = md.getNationalPrefixTransformRule();
    transformRule = rule == null ? "" : rule;
    Map<String, DigitAutomaton> compiled = new HashMap<>();
    PhoneNumberDesc g = md.getGeneralDesc();
    generalDesc = Desc.of(g, compiled);
    general = generalDesc == null ? null : generalDesc.pattern;
    possibleLengths = ints(g.getPossibleLengthList());
    localOnlyLengths = ints(g.getPossibleLengthLocalOnlyList());
    if (possibleLengths.length == 0) {
      throw new IllegalArgumentException("region " + md.getId() + " has no possible lengths");
    }
    List<Desc> list = new ArrayList<>();
    for (PhoneNumberDesc d : new PhoneNumberDesc[] {md.getPremiumRate(), md.getTollFree(), md.getSharedCost(),
        md.getVoip(), md.getPersonalNumber(), md.getPager(), md.getUan(), md.getVoicemail(), md.getFixedLine()}) {
      Desc desc = Desc.of(d, compiled);
      if (desc != null) {
        list.add(desc);
      }
    }
    Desc mobile = md.getSameMobileAndFixedLinePattern() ? null : Desc.of(md.getMobile(), compiled);
    if (mobile != null) {
      list.add(mobile);
    }
    types = list.toArray(new Desc[0]);
  }

  /**
   * The executable form of {@code md}; throws {@link IllegalArgumentException} when a pattern is outside the
   * rule dialect or too complex (the caller then keeps libphonenumber for that region).
   */
  static PhoneRegion compile(PhoneMetadata md) {
    return new PhoneRegion(md);
  }

  /**
   * The automaton of a national prefix pattern, to skip the {@link Matcher} when no prefix of the number is in
   * its language; {@code null} for a pattern outside the rule dialect ({@code $} in the NANP islands'), which
   * always gets the Matcher.
   */
  private static DigitAutomaton prefilter(String npp) {
    try {
      return DigitAutomaton.compile(npp);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int[] ints(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /**
   * One number description: {@code isNumberMatchingDesc} is "the length is listed (when lengths are listed) and
   * the pattern matches"; a description with an empty pattern never matches and is left out ({@code null}).
   */
  private static final class Desc {
    private static final int MAX_LENGTH = 63;
    private final DigitAutomaton pattern;
    private final long lengths;
    private final boolean anyLength;

    private Desc(DigitAutomaton pattern, long lengths, boolean anyLength) {
      this.pattern = pattern;
      this.lengths = lengths;
      this.anyLength = anyLength;
    }

    static Desc of(PhoneNumberDesc d, Map<String, DigitAutomaton> compiled) {
      String p = d.getNationalNumberPattern();
      if (p.isEmpty()) {
        return null;
      }
      long mask = 0;
      for (int n : d.getPossibleLengthList()) {
        if (n >= 0 && n <= MAX_LENGTH) {
          mask |= 1L << n;
        }
      }
      return new Desc(compiled.computeIfAbsent(p, DigitAutomaton::compile), mask, d.getPossibleLengthCount() == 0);
    }

    boolean matches(long nibbles, int n) {
      return (anyLength || n <= MAX_LENGTH && (lengths & 1L << n) != 0) && pattern.matches(nibbles, n);
    }

    boolean matches(CharSequence nsn) {
      int n = nsn.length();
      return (anyLength || n <= MAX_LENGTH && (lengths & 1L << n) != 0) && pattern.matches(nsn);
    }
  }

  int countryCode() {
    return countryCode;
  }

  String countryCodeText() {
    return countryCodeText;
  }

  /**
   * Whether the region's international prefix could match at the start of {@code digits} (libphonenumber's
   * {@code parsePrefixAsIdd} lookingAt); {@code false} proves it does not.
   */
  boolean internationalPrefixMayStart(CharSequence digits) {
    return internationalPrefix.matchesPrefix(digits, 0, digits.length());
  }

  /** {@link #internationalPrefixMayStart(CharSequence)} of {@code n} digits as nibbles. */
  boolean internationalPrefixMayStart(long nibbles, int n) {
    return internationalPrefix.matchesPrefix(nibbles, n);
  }

  /** {@link #matchesGeneral(CharSequence)} of {@code n} digits as nibbles. */
  boolean matchesGeneral(long nibbles, int n) {
    return general != null && general.matches(nibbles, n);
  }

  /** {@link #isValid(CharSequence)} of {@code n} digits as nibbles. */
  boolean isValid(long nibbles, int n) {
    if (generalDesc == null || !generalDesc.matches(nibbles, n)) {
      return false;
    }
    for (Desc t : types) {
      if (t.matches(nibbles, n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@link #stripNationalPrefix} certainly leaves the {@code n} digits of {@code nibbles} unchanged
   * (no national prefix, or none of its strings starts them); {@code false} when it may strip or transform.
   */
  boolean keepsNationalPrefix(long nibbles, int n) {
    return n == 0 || nationalPrefix == null
        || nationalPrefixStart != null && !nationalPrefixStart.matchesPrefix(nibbles, n);
  }

  /** {@code matchNationalNumber(number, generalDesc, false)}: the general pattern, no length check. */
  boolean matchesGeneral(CharSequence number) {
    return matchesGeneral(number, 0, number.length());
  }

  private boolean matchesGeneral(CharSequence number, int from, int to) {
    return general != null && general.matches(number, from, to);
  }

  /** {@code getNumberTypeHelper(nsn, metadata) != UNKNOWN}: the general description and one number type. */
  boolean isValid(CharSequence nsn) {
    if (generalDesc == null || !generalDesc.matches(nsn)) {
      return false;
    }
    for (Desc t : types) {
      if (t.matches(nsn)) {
        return true;
      }
    }
    return false;
  }

  /** {@code testNumberLength(number, metadata)} for a number of {@code length} digits (type UNKNOWN). */
  ValidationResult testNumberLength(int length) {
    if (possibleLengths[0] == -1) {
      return ValidationResult.INVALID_LENGTH;
    }
    for (int l : localOnlyLengths) {
      if (l == length) {
        return ValidationResult.IS_POSSIBLE_LOCAL_ONLY;
      }
    }
    int min = possibleLengths[0];
    if (min == length) {
      return ValidationResult.IS_POSSIBLE;
    }
    if (min > length) {
      return ValidationResult.TOO_SHORT;
    }
    if (possibleLengths[possibleLengths.length - 1] < length) {
      return ValidationResult.TOO_LONG;
    }
    for (int i = 1; i < possibleLengths.length; i++) {
      if (possibleLengths[i] == length) {
        return ValidationResult.IS_POSSIBLE;
      }
    }
    return ValidationResult.INVALID_LENGTH;
  }

  /**
   * {@code maybeStripNationalPrefixAndCarrierCode(number, metadata, carrierCode)} without the carrier code
   * (which {@code parse} drops): strips or transforms the national prefix in place; whether it did.
   */
  boolean stripNationalPrefix(StringBuilder number) {
    int length = number.length();
    if (length == 0 || nationalPrefix == null
        || nationalPrefixStart != null && !nationalPrefixStart.matchesPrefix(number, 0, length)) {
      return false;
    }
    Matcher m = nationalPrefix.matcher(number);
    if (!m.lookingAt()) {
      return false;
    }
    boolean viableOriginal = matchesGeneral(number);
    int groups = m.groupCount();
    if (transformRule.isEmpty() || m.group(groups) == null) {
      if (viableOriginal && !matchesGeneral(number, m.end(), length)) {
        return false;
      }
      number.delete(0, m.end());
      return true;
    }
    String transformed = m.replaceFirst(transformRule);
    if (viableOriginal && !matchesGeneral(transformed)) {
      return false;
    }
    number.replace(0, number.length(), transformed);
    return true;
  }
}
