package dev.lagotto.core.finding;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.validate.GeoCoordinates;
import dev.lagotto.core.validate.IpAddresses;
import dev.lagotto.core.validate.MacValidator;
import dev.lagotto.core.validate.PhoneNumbers;
import java.util.Locale;

/**
 * The forms of a matched value: {@link #normalise} (what is fingerprinted, so that the same value written
 * differently gets one fingerprint) and {@link #mask} (what is shown; never the whole value). Stateless and
 * thread-safe; cost: a parse per call (libphonenumber for phones).
 *
 * <table>
 *   <caption>Forms by category</caption>
 *   <tr><th>category</th><th>normalised</th><th>masked</th></tr>
 *   <tr><td>email</td><td>lower case, {@code %40} and other {@code %XX} decoded, no {@code mailto:} or {@code <>}</td>
 *       <td>{@code j***@example.com}</td></tr>
 *   <tr><td>ipv4, ipv6</td><td>canonical text (RFC 5952 for IPv6), no zone id</td>
 *       <td>{@code 203.0.113.x}, {@code 2001:db8:x:...}</td></tr>
 *   <tr><td>phone</td><td>E.164 (national numbers read in {@link #PHONE_REGION})</td>
 *       <td>digits but the last {@value #PHONE_VISIBLE_DIGITS} starred</td></tr>
 *   <tr><td>credit_card</td><td>digits only</td><td>{@code 4111 **** **** 1111}</td></tr>
 *   <tr><td>iban</td><td>upper case, no spaces</td><td>country, check digits, last 2: {@code GB82**..**32}</td></tr>
 *   <tr><td>mac_address</td><td>{@code aa:bb:cc:dd:ee:ff}</td><td>first and last char</td></tr>
 *   <tr><td>geo_coordinates</td><td>{@code lat,lon} to 4 decimals</td><td>{@code lat,lon} to 1 decimal</td></tr>
 *   <tr><td>person_name</td><td>lower case, spaces collapsed</td><td>initials: {@code J*** R***}</td></tr>
 *   <tr><td>national_id</td><td>upper case, letters and digits only</td><td>first and last char</td></tr>
 *   <tr><td>others</td><td>trimmed</td><td>first and last char</td></tr>
 * </table>
 * A value that does not parse in its category's form is normalised by trimming and masked by the generic rule.
 */
public final class ValueForms {
  /** Region for national phone numbers when normalising. */
  public static final String PHONE_REGION = "US";
  public static final int PHONE_VISIBLE_DIGITS = 2;
  private static final int CARD_VISIBLE = 4;
  private static final int MIN_CARD_DIGITS = 12;
  private static final int GENERIC_MIN_LENGTH = 5;
  private static final int NORMAL_GEO_DECIMALS = 4;
  private static final int MASKED_GEO_DECIMALS = 1;
  private static final String STARS = "***";

  private ValueForms() {}

  /** The normalised value that is fingerprinted. */
  public static String normalise(Category category, String raw) {
    return shape(category).normal(stripped(raw));
  }

  /** A display form that does not reveal the value. */
  public static String mask(Category category, String raw) {
    String s = stripped(raw);
    return s.isEmpty() ? "" : orGeneric(shape(category).masked(s), s);
  }

  /**
   * Both forms of a value: the same strings as {@link #normalise} and {@link #mask}, for the cost of one parse
   * where both need it (e-mail, IP, geo).
   */
  public static Forms forms(Category category, String raw) {
    return shape(category).forms(stripped(raw));
  }

  /** The forms of one value: {@code normalised} is fingerprinted, {@code masked} is shown. */
  public record Forms(String normalised, String masked) {}

  private static String stripped(String raw) {
    return raw == null ? "" : raw.strip();
  }

  private static Shape shape(Category category) {
    return SHAPES[category.ordinal()];
  }

  /** The shape of each category, by ordinal. */
  private static final Shape[] SHAPES = shapes();

  private static Shape[] shapes() {
    Shape[] shapes = new Shape[Category.values().length];
    for (Category c : Category.values()) {
      shapes[c.ordinal()] = switch (c) {
        case EMAIL -> Shape.EMAIL;
        case IPV4, IPV6 -> Shape.IP;
        case PHONE -> Shape.PHONE;
        case CREDIT_CARD -> Shape.CARD;
        case IBAN -> Shape.IBAN;
        case MAC_ADDRESS -> Shape.MAC;
        case GEO_COORDINATES -> Shape.GEO;
        case PERSON_NAME -> Shape.NAME;
        case NATIONAL_ID -> Shape.NATIONAL_ID;
        default -> Shape.OTHER;
      };
    }
    return shapes;
  }

  /**
   * The forms of the categories that share a shape; every method takes the stripped value. Each constant is
   * a class of its own, so that the call in {@link #forms} is a virtual call once findings of three or more
   * shapes have been seen: the JIT compiles each shape's parsing once, in its own method, instead of inlining
   * all of them into every caller of {@link #forms} (and recompiling them when a rare category first shows up).
   */
  private enum Shape {
    EMAIL {
      @Override
      String normal(String s) {
        return email(s);
      }

      @Override
      String masked(String s) {
        return maskEmail(email(s));
      }

      @Override
      Forms forms(String s) {
        String email = email(s);
        return new Forms(email, s.isEmpty() ? "" : orGeneric(maskEmail(email), s));
      }
    },
    IP {
      @Override
      String normal(String s) {
        return ipNormal(s, ipAddress(s));
      }

      @Override
      String masked(String s) {
        return maskIp(ipAddress(s));
      }

      @Override
      Forms forms(String s) {
        byte[] address = ipAddress(s);
        if (address != null && address.length == 4 && s.charAt(0) != '[' && s.indexOf('%') < 0) {
          // the parser took all of s as a dotted quad without leading zeros: s is its canonical text
          // String.concat, not +: the string-concatenation call site deoptimised here (speculate_class_check)
          return new Forms(s, s.substring(0, s.lastIndexOf('.') + 1).concat("x"));
        }
        return new Forms(ipNormal(s, address), s.isEmpty() ? "" : orGeneric(maskIp(address), s));
      }
    },
    PHONE {
      @Override
      String normal(String s) {
        return phone(s);
      }

      @Override
      String masked(String s) {
        return maskPhone(s);
      }
    },
    CARD {
      @Override
      String normal(String s) {
        return digits(s);
      }

      @Override
      String masked(String s) {
        return maskCard(s);
      }
    },
    IBAN {
      @Override
      String normal(String s) {
        return iban(s);
      }

      @Override
      String masked(String s) {
        return maskIban(s);
      }
    },
    MAC {
      @Override
      String normal(String s) {
        return mac(s);
      }
    },
    GEO {
      @Override
      String normal(String s) {
        return geoNormal(s, GeoCoordinates.parse(s).orElse(null));
      }

      @Override
      String masked(String s) {
        return geoMasked(GeoCoordinates.parse(s).orElse(null));
      }

      @Override
      Forms forms(String s) {
        GeoCoordinates.LatLon position = GeoCoordinates.parse(s).orElse(null);
        return new Forms(geoNormal(s, position), s.isEmpty() ? "" : orGeneric(geoMasked(position), s));
      }
    },
    NAME {
      @Override
      String normal(String s) {
        return personName(s);
      }

      @Override
      String masked(String s) {
        return maskName(s);
      }
    },
    NATIONAL_ID {
      @Override
      String normal(String s) {
        return alphanumeric(s).toUpperCase(Locale.ROOT);
      }
    },
    OTHER {
      @Override
      String normal(String s) {
        return s;
      }
    };

    /** The normalised form of {@code s}. */
    abstract String normal(String s);

    /** The mask of a non-empty {@code s}, or {@code null} for the generic one. */
    String masked(String s) {
      return null;
    }

    /** Both forms of {@code s}. */
    Forms forms(String s) {
      return new Forms(normal(s), s.isEmpty() ? "" : orGeneric(masked(s), s));
    }
  }

  private static String orGeneric(String masked, String s) {
    return masked == null ? generic(s) : masked;
  }

  private static String email(String s) {
    String t = decodePercent(s);
    if (t.length() > 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>') {
      t = t.substring(1, t.length() - 1);
    }
    if (t.regionMatches(true, 0, "mailto:", 0, 7)) {
      t = t.substring(7);
    }
    return t.strip().toLowerCase(Locale.ROOT);
  }

  /** {@code %XX} sequences decoded as single bytes of ASCII; anything else kept. */
  private static String decodePercent(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        int v = hi * 16 + lo;
        if (hi >= 0 && lo >= 0 && v >= 0x20 && v < 0x7f) {
          out.append((char) v);
          i += 2;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The address in {@code s} (a zone id dropped), or {@code null}. */
  private static byte[] ipAddress(String s) {
    int zone = s.indexOf('%');
    return IpAddresses.parse(zone >= 0 ? s.substring(0, zone) : s);
  }

  private static String ipNormal(String s, byte[] address) {
    return address == null ? s.toLowerCase(Locale.ROOT) : IpAddresses.canonical(address);
  }

  private static String geoNormal(String s, GeoCoordinates.LatLon p) {
    return p == null ? s : FixedDecimals.format(p.latitude(), NORMAL_GEO_DECIMALS) + ","
        + FixedDecimals.format(p.longitude(), NORMAL_GEO_DECIMALS);
  }

  private static String geoMasked(GeoCoordinates.LatLon p) {
    return p == null ? null : FixedDecimals.format(p.latitude(), MASKED_GEO_DECIMALS) + ","
        + FixedDecimals.format(p.longitude(), MASKED_GEO_DECIMALS);
  }

  /** The ASCII digits of {@code s}. */
  private static String digits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The ASCII letters and digits of {@code s}. */
  private static String alphanumeric(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code c} is in the regex class {@code \s}: space, tab, line feed, vertical tab, form feed, return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c >= '\t' && c <= '\r';
  }

  /** Upper case, without regex white space. */
  private static String iban(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isRegexSpace(c)) {
        out.append(c);
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** Lower case, each run of regex white space one space. */
  private static String personName(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isRegexSpace(c)) {
        out.append(c);
      } else if (i == 0 || !isRegexSpace(s.charAt(i - 1))) {
        out.append(' ');
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** E.164 as libphonenumber parses {@code s} in {@link #PHONE_REGION} ({@link PhoneNumbers}: same result). */
  private static String phone(String s) {
    PhoneNumber number = PhoneNumbers.forRegion(PHONE_REGION).parse(s);
    if (number != null) {
      return PhoneNumberUtil.getInstance().format(number, PhoneNumberFormat.E164);
    }
    String digits = s.replaceAll("[^0-9]", "");
    return s.startsWith("+") ? "+" + digits : digits;
  }

  private static String mac(String s) {
    String hex = MacValidator.hexDigits(s);
    if (hex == null) {
      return s.toLowerCase(Locale.ROOT);
    }
    StringBuilder out = new StringBuilder(17);
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        out.append(':');
      }
      out.append(hex, i, i + 2);
    }
    return out.toString();
  }

  private static String maskEmail(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0 || at == email.length() - 1) {
      return null;
    }
    String local = email.substring(0, at);
    String shown = local.length() > 1 ? local.substring(0, 1) : "";
    return shown + STARS + email.substring(at);
  }

  private static String maskIp(byte[] a) {
    if (a == null) {
      return null;
    }
    if (a.length == 4) {
      return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + ".x";
    }
    int[] g = IpAddresses.groups(a);
    return Integer.toHexString(g[0]) + ":" + Integer.toHexString(g[1]) + ":x:...";
  }

  private static String maskPhone(String s) {
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    if (digits <= PHONE_VISIBLE_DIGITS * 2) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    int seen = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        seen++;
        out.append(seen > digits - PHONE_VISIBLE_DIGITS ? c : '*');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String maskCard(String s) {
    String d = digits(s);
    if (d.length() < MIN_CARD_DIGITS) {
      return null;
    }
    return d.substring(0, CARD_VISIBLE) + " **** **** " + d.substring(d.length() - CARD_VISIBLE);
  }

  private static String maskIban(String s) {
    String c = iban(s);
    if (c.length() < 10) {
      return null;
    }
    return c.substring(0, 4) + "*".repeat(c.length() - 6) + c.substring(c.length() - 2);
  }

  private static String maskName(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (!isRegexSpace(s.charAt(i)) && (i == 0 || isRegexSpace(s.charAt(i - 1)))) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.appendCodePoint(s.codePointAt(i)).append(STARS);
      }
    }
    return out.toString();
  }

  /** First and last character around stars; all stars when the value is too short to show any of it. */
  private static String generic(String s) {
    int n = s.codePointCount(0, s.length());
    if (n < GENERIC_MIN_LENGTH) {
      return "*".repeat(Math.max(n, STARS.length()));
    }
    int first = s.codePointAt(0);
    int last = s.codePointBefore(s.length());
    return new StringBuilder().appendCodePoint(first).append("*".repeat(n - 2)).appendCodePoint(last).toString();
  }
}
