package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.rule.Category;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Column-name evidence: which category a column's name suggests ({@code email}, {@code e_mail},
 * {@code firstName}, {@code ip_addr}, {@code dob}, ...) and which names mark look-alike data that is not
 * personal ({@code order_no}, {@code sku}, {@code sha256}, {@code version}). Names are normalised first:
 * camelCase split, lower-cased, runs of other characters turned into {@code _}; patterns match whole
 * {@code _}-separated tokens. Stateless; cost: a few regex matches on the (short) name.
 */
final class ColumnNames {
  private static final String B = "(?:^|_)";
  private static final String E = "(?:_|$)";

  /** Checked in order: the more specific names (ip_addr, mac_address, email_address) before street_address. */
  private static final Map<Category, Pattern> HINTS = new LinkedHashMap<>();

  static {
    hint(Category.EMAIL, B + "(e_?mail|e_?mail_?addr(ess)?|mail|mail_?addr(ess)?)" + E + "|email");
    hint(Category.IPV6, B + "ipv6(_?addr(ess)?)?" + E);
    hint(Category.IPV4, B + "(ip|ipv4|ip_?addr(ess)?|inet|remote_?addr(ess)?|client_?addr(ess)?|host_?addr(ess)?)" + E);
    hint(Category.MAC_ADDRESS, B + "(mac|mac_?addr(ess)?|hw_?addr(ess)?|bssid)" + E);
    hint(Category.GEO_COORDINATES, B + "(lat|latitude|lng|lon|longitude|lat_?lng|lat_?lon|geo|geo_?location|coord(inate)?s?|gps)" + E);
    hint(Category.PHONE, B + "(phone|phone_?(no|num|number)|tel|telephone|mobile|mobile_?(no|num|number)|cell|cell_?phone|fax|msisdn)" + E);
    hint(Category.CREDIT_CARD, B + "(card_?(no|num|number)|cc_?(no|num|number)?|ccnum|credit_?card(_?(no|num|number))?|pan)" + E);
    hint(Category.IBAN, B + "(iban|bank_?account(_?(no|num|number))?|account_?iban)" + E);
    hint(Category.NATIONAL_ID, B + "(ssn|social_?security(_?(no|num|number))?|national_?id|nat_?id|nino|tax_?id|tin|passport_?(no|num|number)?|personnummer|bsn)" + E);
    hint(Category.DATE_OF_BIRTH, B + "(dob|birth_?date|birthdate|date_?of_?birth|birthday|born(_?on)?)" + E);
    hint(Category.DEVICE_ID, B + "(device_?id|imei|idfa|idfv|gaid|android_?id|advertising_?id|udid)" + E);
    hint(Category.USER_AGENT, B + "(user_?agent|ua)" + E);
    hint(Category.SESSION_ID, B + "(session_?(id|token|key)|sid|sessid)" + E);
    hint(Category.PERSON_NAME, B + "(first_?name|firstname|fname|given_?name|forename|last_?name|lastname|lname|surname|"
        + "family_?name|full_?name|fullname|middle_?name|maiden_?name|person_?name|contact_?name|customer_?name)" + E);
    hint(Category.STREET_ADDRESS, B + "(street|street_?address|address|address_?line_?\\d?|addr_?line_?\\d?|postal_?address|home_?address)" + E);
  }

  private static final Pattern LATITUDE = Pattern.compile(B + "(lat|latitude)" + E);
  private static final Pattern LONGITUDE = Pattern.compile(B + "(lng|lon|long|longitude)" + E);
  private static final Pattern BARE_NAME = Pattern.compile("(name|display_?name)");
  private static final Pattern PERSON_TABLE = Pattern.compile(
      B + "(customers?|users?|persons?|people|employees?|contacts?|members?|patients?|clients?|students?|accounts?|staff|authors?)" + E);
  private static final Pattern LOOK_ALIKE = Pattern.compile(B + "(order|orders|order_?(no|num|number|id|ref)|invoice|invoice_?(no|num|number)|sku|"
      + "part_?(no|num|number)|product_?(code|id)|barcode|ean|upc|isbn|hash|sha|sha1|sha256|sha512|md5|checksum|digest|"
      + "version|ver|build|revision|rev|release|tracking|tracking_?(no|num|number)|serial|serial_?(no|num|number)|etag|commit)" + E);

  private ColumnNames() {}

  private static void hint(Category c, String regex) {
    HINTS.put(c, Pattern.compile(regex));
  }

  /** The normalised form: {@code homeEmailAddress} and {@code Home-Email Address} both become {@code home_email_address}. */
  static String normalise(String name) {
    String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return snake.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
  }

  /**
   * The category the column name suggests, if any. When a name holds both a hint and a look-alike token,
   * the later one wins (the head noun comes last: {@code order_email} is an e-mail, {@code email_sha256} a
   * hash). {@code address} is a street address only when no other hint matches ({@code mac_address},
   * {@code EmailAddress}). {@code name} alone counts only in a table of people.
   */
  static Optional<Category> hint(String column, String table) {
    String n = normalise(column);
    int lookAlikeEnd = lastEnd(LOOK_ALIKE, n);
    Category best = null;
    int bestEnd = -1;
    for (Map.Entry<Category, Pattern> e : HINTS.entrySet()) {
      int end = lastEnd(e.getValue(), n);
      if (e.getKey() == Category.STREET_ADDRESS && best != null) {
        continue;
      }
      if (end > bestEnd) {
        best = e.getKey();
        bestEnd = end;
      }
    }
    if (best != null && bestEnd > lookAlikeEnd) {
      return Optional.of(best);
    }
    if (lookAlikeEnd < 0 && BARE_NAME.matcher(n).matches() && PERSON_TABLE.matcher(normalise(table)).find()) {
      return Optional.of(Category.PERSON_NAME);
    }
    return Optional.empty();
  }

  /** Whether the name marks data that looks like personal data but is not (order numbers, hashes, versions). */
  static boolean lookAlike(String column) {
    String n = normalise(column);
    int lookAlikeEnd = lastEnd(LOOK_ALIKE, n);
    return lookAlikeEnd >= 0 && HINTS.values().stream().allMatch(p -> lastEnd(p, n) < lookAlikeEnd);
  }

  private static int lastEnd(Pattern p, String s) {
    java.util.regex.Matcher m = p.matcher(s);
    int end = -1;
    int from = 0;
    while (from <= s.length() && m.find(from)) {
      end = m.end();
      from = m.start() + 1;
    }
    return end;
  }

  static boolean latitude(String column) {
    return LATITUDE.matcher(normalise(column)).find();
  }

  static boolean longitude(String column) {
    return LONGITUDE.matcher(normalise(column)).find();
  }

  /** The name with its latitude or longitude token removed: {@code home_lat} and {@code home_lng} share {@code home_}. */
  static String pairKey(String column) {
    return normalise(column).replaceAll(B + "(lat|latitude|lng|lon|long|longitude)" + E, "_");
  }
}
