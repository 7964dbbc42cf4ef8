package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link DigitAutomaton} against {@code java.util.regex} on every pattern of
 * libphonenumber's metadata that {@link PhoneRegion} compiles (number descriptions, international and national
 * prefixes, leading digits): {@code matches} and {@code lookingAt} agree on the example numbers, their
 * one-digit mutations and random digit strings. Prints its seed; reproduce with {@code -Dtests.seed=N}.
 */
class DigitAutomatonTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());
  private static final int RANDOM_PER_PATTERN = 60;
  private static final int MAX_RANDOM_LENGTH = 18;

  @Test
  void everyMetadataPatternMatchesAsJavaRegexDoes() {
    System.out.println("DigitAutomatonTest seed: " + SEED + " (-Dtests.seed=" + SEED + ")");
    Random r = new Random(SEED);
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    MetadataSource source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    List<PhoneMetadata> all = new ArrayList<>();
    for (String region : util.getSupportedRegions()) {
      all.add(source.getMetadataForRegion(region));
    }
    for (int cc : util.getSupportedGlobalNetworkCallingCodes()) {
      all.add(source.getMetadataForNonGeographicalRegion(cc));
    }
    int patterns = 0;
    int rejected = 0;
    long checks = 0;
    for (PhoneMetadata md : all) {
      List<String> samples = samples(md, r);
      for (String p : patterns(md)) {
        DigitAutomaton a;
        try {
          a = DigitAutomaton.compile(p);
        } catch (IllegalArgumentException e) {
          assertThat(p).as("only national prefixes with $ are outside the dialect").contains("$");
          rejected++;
          continue;
        }
        Pattern java = Pattern.compile(p);
        patterns++;
        for (String s : samples) {
          String what = "seed " + SEED + ", " + md.getId() + " pattern " + p + " on " + s;
          assertThat(a.matches(s)).as(what).isEqualTo(java.matcher(s).matches());
          assertThat(a.matchesPrefix(s, 0, s.length())).as(what).isEqualTo(java.matcher(s).lookingAt());
          checks++;
        }
      }
    }
    System.out.println("DigitAutomatonTest: " + patterns + " patterns, " + checks + " strings each matched "
        + "both ways; " + rejected + " national prefixes with $ left to java.util.regex");
    assertThat(patterns).isGreaterThan(1000);
  }

  private static Set<String> patterns(PhoneMetadata md) {
    Set<String> out = new LinkedHashSet<>();
    for (PhoneNumberDesc d : descs(md)) {
      if (!d.getNationalNumberPattern().isEmpty()) {
        out.add(d.getNationalNumberPattern());
      }
    }
    out.add(md.getInternationalPrefix());
    if (!md.getNationalPrefixForParsing().isEmpty()) {
      out.add(md.getNationalPrefixForParsing());
    }
    if (md.hasLeadingDigits()) {
      out.add(md.getLeadingDigits());
    }
    return out;
  }

  private static PhoneNumberDesc[] descs(PhoneMetadata md) {
    return new PhoneNumberDesc[] {md.getGeneralDesc(), md.getFixedLine(), md.getMobile(), md.getTollFree(),
        md.getPremiumRate(), md.getSharedCost(), md.getPersonalNumber(), md.getVoip(), md.getPager(), md.getUan(),
        md.getVoicemail()};
  }

  /**
   * The region's example numbers, each with every one-digit substitution, a deletion, an insertion and a
   * prefix, and random strings.
   */
  private static List<String> samples(PhoneMetadata md, Random r) {
    List<String> out = new ArrayList<>();
    out.add("");
    for (PhoneNumberDesc d : descs(md)) {
      String e = d.getExampleNumber();
      if (e.isEmpty()) {
        continue;
      }
      out.add(e);
      for (int i = 0; i < e.length(); i++) {
        out.add(e.substring(0, i) + (char) ('0' + r.nextInt(10)) + e.substring(i + 1));
      }
      out.add(e.substring(1));
      out.add(e + r.nextInt(10));
      out.add(md.getCountryCode() + e);
      out.add("0" + e);
    }
    for (int i = 0; i < RANDOM_PER_PATTERN; i++) {
      StringBuilder s = new StringBuilder();
      int n = r.nextInt(MAX_RANDOM_LENGTH);
      for (int k = 0; k < n; k++) {
        s.append((char) ('0' + r.nextInt(10)));
      }
      out.add(s.toString());
    }
    return out;
  }
}
