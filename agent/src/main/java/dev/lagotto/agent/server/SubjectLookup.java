package dev.lagotto.agent.server;

import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.finding.ValueForms;
import dev.lagotto.core.rule.Category;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data-subject lookup's first step: which categories a submitted value may belong to (guessed from its
 * shape, generously: a wrong guess only costs one more term), and the fingerprint of its normalised form in
 * each. A category whose normaliser rejects the value is left out. Cost: one HMAC per plausible category.
 * Thread-safe. Never logs or echoes the value.
 */
final class SubjectLookup {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:\\-.]?[0-9A-Fa-f]{2}){5}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.%a-zA-Z0-9]*");
  private static final Pattern NUMERIC = Pattern.compile("[+(]?[0-9][0-9 ()./\\-]*");
  private static final Pattern IBAN = Pattern.compile("[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{8,40}");
  private static final Pattern ID_LIKE = Pattern.compile("[A-Za-z0-9 \\-]{5,20}");
  private static final Pattern GEO = Pattern.compile("[\\-+]?\\d{1,3}(\\.\\d+)?\\s*[,; ]\\s*[\\-+]?\\d{1,3}(\\.\\d+)?");
  private static final Pattern WORDS = Pattern.compile("[\\p{L}][\\p{L}'. \\-]*");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-=.+/]{16,}");

  private final Fingerprinter fingerprinter;

  SubjectLookup(Fingerprinter fingerprinter) {
    this.fingerprinter = fingerprinter;
  }

  /** The categories a value's shape makes plausible; every category when the shape says nothing. */
  static Set<Category> plausibleCategories(String value) {
    String v = value.strip();
    Set<Category> out = EnumSet.noneOf(Category.class);
    if (v.contains("@")) {
      out.add(Category.EMAIL);
    }
    if (IPV4.matcher(v).matches()) {
      out.add(Category.IPV4);
    }
    if (MAC.matcher(v).matches()) {
      out.add(Category.MAC_ADDRESS);
      out.add(Category.DEVICE_ID);
    }
    if (v.contains(":") && IPV6.matcher(v).matches()) {
      out.add(Category.IPV6);
    }
    long digits = v.chars().filter(Character::isDigit).count();
    if (NUMERIC.matcher(v).matches() && digits >= 6) {
      out.add(Category.PHONE);
      out.add(Category.NATIONAL_ID);
      out.add(Category.DATE_OF_BIRTH);
      if (digits >= 12 && digits <= 19) {
        out.add(Category.CREDIT_CARD);
      }
      if (digits >= 14 && digits <= 17) {
        out.add(Category.DEVICE_ID);
      }
    }
    if (GEO.matcher(v).matches()) {
      out.add(Category.GEO_COORDINATES);
    }
    if (IBAN.matcher(v).matches()) {
      out.add(Category.IBAN);
    }
    if (ID_LIKE.matcher(v).matches() && digits > 0) {
      out.add(Category.NATIONAL_ID);
    }
    if (WORDS.matcher(v).matches()) {
      out.add(Category.PERSON_NAME);
    }
    if (digits > 0 && v.chars().anyMatch(Character::isLetter) && v.contains(" ")) {
      out.add(Category.STREET_ADDRESS);
    }
    if (v.startsWith("Mozilla/") || v.contains("AppleWebKit") || v.contains("Gecko/")) {
      out.add(Category.USER_AGENT);
    }
    if (TOKEN.matcher(v).matches()) {
      out.add(Category.SESSION_ID);
      out.add(Category.DEVICE_ID);
    }
    return out.isEmpty() ? EnumSet.allOf(Category.class) : out;
  }

  /** Fingerprint of the value's normalised form, by category id, for the given categories. */
  Map<String, String> fingerprints(String value, Set<Category> categories) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Category category : categories) {
      String normalised;
      try {
        normalised = ValueForms.normalise(category, value);
      } catch (RuntimeException e) {
        continue;
      }
      if (normalised != null && !normalised.isEmpty()) {
        out.put(category.id(), fingerprinter.fingerprint(normalised));
      }
    }
    return out;
  }
}
