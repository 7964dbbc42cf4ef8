package dev.lagotto.core.validate;

import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * One region's libphonenumber metadata (or a non-geographic calling code's) in executable form, for
 * {@link PhoneNumbers}: the national-number patterns as {@link DigitAutomaton}s (the general pattern alone;
 * "valid" = the general description and at least one number type, with their possible lengths, as libphonenumber's
 * {@code getNumberTypeHelper(..) != UNKNOWN}; the leading digits that pick a region among those sharing a
 * calling code; the international prefix as a prefix language), the national prefix for parsing as the same
 * {@link Pattern} libphonenumber compiles, and the possible lengths. Each method restates one step of
 * libphonenumber 9.0's {@code PhoneNumberUtil} with the same result (named in its javadoc). Immutable and
 * thread-safe; building costs a few milliseconds (determinization), matching is linear in the digits.
 */
final class PhoneRegion {
  private final int countryCode;
  private final String countryCodeText;
  private final DigitAutomaton internationalPrefix;
  private final Pattern nationalPrefix;
  private final String transformRule;
  private final DigitAutomaton general;
  private final int[] possibleLengths;
  private final int[] localOnlyLengths;
  private final DigitAutomaton valid;
  private final DigitAutomaton leadingDigits;

  private PhoneRegion(PhoneMetadata md) {
    countryCode = md.getCountryCode();
    countryCodeText = String.valueOf(countryCode);
    internationalPrefix = DigitAutomaton.of(DigitAutomaton.language(md.getInternationalPrefix()));
    String npp = md.getNationalPrefixForParsing();
    nationalPrefix = npp == null || npp.isEmpty() ? null : Pattern.compile(npp);
    String rule = md.getNationalPrefixTransformRule();
    transformRule = rule == null ? "" : rule;
    PhoneNumberDesc g = md.getGeneralDesc();
    general = DigitAutomaton.of(pattern(g));
    possibleLengths = ints(g.getPossibleLengthList());
    localOnlyLengths = ints(g.getPossibleLengthLocalOnlyList());
    if (possibleLengths.length == 0) {
      throw new IllegalArgumentException("region " + md.getId() + " has no possible lengths");
    }
    List<Automaton> types = new ArrayList<>();
    for (PhoneNumberDesc d : new PhoneNumberDesc[] {md.getPremiumRate(), md.getTollFree(), md.getSharedCost(),
        md.getVoip(), md.getPersonalNumber(), md.getPager(), md.getUan(), md.getVoicemail(), md.getFixedLine()}) {
      types.add(described(d));
    }
    if (!md.getSameMobileAndFixedLinePattern()) {
      types.add(described(md.getMobile()));
    }
    Automaton anyType = DigitAutomaton.determinize(Operations.union(types));
    valid = DigitAutomaton.of(Operations.intersection(DigitAutomaton.determinize(described(g)), anyType));
    leadingDigits = md.hasLeadingDigits() ? DigitAutomaton.of(DigitAutomaton.language(md.getLeadingDigits())) : null;
  }

  /**
   * The executable form of {@code md}; throws {@link IllegalArgumentException} when a pattern is outside the
   * rule dialect or too complex (the caller then keeps libphonenumber for that region).
   */
  static PhoneRegion compile(PhoneMetadata md) {
    return new PhoneRegion(md);
  }

  /** The national-number pattern of {@code d} alone (libphonenumber's {@code matchNationalNumber}). */
  private static Automaton pattern(PhoneNumberDesc d) {
    String p = d.getNationalNumberPattern();
    return p.isEmpty() ? Automata.makeEmpty() : DigitAutomaton.language(p);
  }

  /** {@code isNumberMatchingDesc}: the possible lengths when listed, and the pattern. */
  private static Automaton described(PhoneNumberDesc d) {
    Automaton p = pattern(d);
    if (d.getPossibleLengthCount() == 0) {
      return p;
    }
    return Operations.intersection(DigitAutomaton.determinize(p), DigitAutomaton.lengths(d.getPossibleLengthList()));
  }

  private static int[] ints(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
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

  /** {@code matchNationalNumber(number, generalDesc, false)}: the general pattern, no length check. */
  boolean matchesGeneral(CharSequence number) {
    return general.matches(number);
  }

  /** {@code getNumberTypeHelper(nsn, metadata) != UNKNOWN}. */
  boolean isValid(CharSequence nsn) {
    return valid.matches(nsn);
  }

  /** The region's leading-digits pattern ({@code null} when the metadata has none). */
  boolean hasLeadingDigits() {
    return leadingDigits != null;
  }

  /** {@code leadingDigits.matcher(nsn).lookingAt()}. */
  boolean leadingDigitsMatch(CharSequence nsn) {
    return leadingDigits.matchesPrefix(nsn, 0, nsn.length());
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
    if (length == 0 || nationalPrefix == null) {
      return false;
    }
    Matcher m = nationalPrefix.matcher(number);
    if (!m.lookingAt()) {
      return false;
    }
    boolean viableOriginal = general.matches(number);
    int groups = m.groupCount();
    if (transformRule.isEmpty() || m.group(groups) == null) {
      if (viableOriginal && !general.matches(number, m.end(), length)) {
        return false;
      }
      number.delete(0, m.end());
      return true;
    }
    String transformed = m.replaceFirst(transformRule);
    if (viableOriginal && !general.matches(transformed)) {
      return false;
    }
    number.replace(0, number.length(), transformed);
    return true;
  }
}
