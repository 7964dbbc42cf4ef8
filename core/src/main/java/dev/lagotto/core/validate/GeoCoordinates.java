package dev.lagotto.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parser of latitude/longitude text into decimal degrees, with the checks of the {@code geo} validator: range,
 * at least {@value #MIN_DECIMALS} decimals (or minutes), not {@code 0,0} (nor both within 1° of it), not a
 * version number ({@code 1.2.3}), and for a plain decimal pair not an equal-step or round pair that reads as
 * histogram buckets or limits ({@code 1.25,2.50}, {@code 1.10,1.10}, {@code 10.00,15.00}).
 *
 * <p>Accepted forms (any other words, quotes and separators between the numbers are ignored):
 * <ul>
 *   <li>decimal pair, latitude first: {@code 48.8566, 2.3522}, {@code lat=48.85&lon=2.35},
 *       {@code "lat": 48.85, "lng": 2.35}, {@code geo:48.85,2.35}, {@code @48.85,2.35,15z}; longitude first
 *       through {@link #parseLonLat}; a {@code lat}/{@code lon}/{@code lng} key before the first number
 *       decides the order in both;
 *   <li>degrees-minutes-seconds: {@code 48°51'24"N 2°21'08"E}, {@code N 48°51.4' E 2°21.1'};
 *   <li>hemisphere letters: {@code 38.9084N, 77.4408W}, {@code S33.8688 E151.2093};
 *   <li>NMEA {@code ddmm.mmmm,N,dddmm.mmmm,E} fields, alone or inside a {@code $GPGGA}/{@code $GPRMC} sentence.
 * </ul>
 * Linear in the text; allocates a token list, except {@link #decideAscii} on the bytes of a plain decimal
 * pair; stateless and thread-safe.
 */
public final class GeoCoordinates {
  /** Fewest decimals a decimal-degree value must have. */
  public static final int MIN_DECIMALS = 2;
  /** Both values within this many degrees of 0 is a null-island or metric look-alike. */
  public static final double NULL_ISLAND_DEGREES = 1.0;
  private static final double EPSILON = 1e-9;
  private static final int NMEA_LAT_DIGITS = 4;
  private static final int NMEA_LON_DIGITS = 5;

  private GeoCoordinates() {}

  /** A position in decimal degrees. */
  public record LatLon(double latitude, double longitude) {
    /** {@code "lat,lon"} rounded to {@code decimals}, e.g. {@code 48.8566,2.3522}. */
    public String format(int decimals) {
      return String.format(Locale.ROOT, "%." + decimals + "f,%." + decimals + "f", latitude, longitude);
    }
  }

  /** The position in {@code text} (decimal pairs latitude first), if it is one that passes the checks. */
  public static Optional<LatLon> parse(CharSequence text) {
    return parse(text, false);
  }

  /** As {@link #parse}, but a plain decimal pair is longitude first (GeoJSON, KML {@code <coordinates>}). */
  public static Optional<LatLon> parseLonLat(CharSequence text) {
    return parse(text, true);
  }

  /** {@link #decideAscii}: the pair passes the checks. */
  static final int PRESENT = 1;
  /** {@link #decideAscii}: the text is not a pair that passes the checks. */
  static final int ABSENT = 0;
  /** {@link #decideAscii}: the text is outside the byte path; parse the decoded text. */
  static final int UNDECIDED = -1;
  /** Most digits of a number read from bytes: the value is then exact in a long and below 2^53. */
  private static final int MAX_EXACT_DIGITS = 15;
  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  /**
   * Whether {@link #parse} (or {@link #parseLonLat} when {@code lonFirst}) finds a position in the bytes
   * {@code b[start, end)}, decided from the bytes for text of ASCII bytes without letters (the decimal pairs
   * of the rules: every token is a number, so the plain decimal-pair checks apply): {@link #PRESENT},
   * {@link #ABSENT}, or {@link #UNDECIDED} for text with a letter or a non-ASCII byte, or whose first two
   * numbers have more than {@value #MAX_EXACT_DIGITS} digits. A number's value is its digits as a long over
   * a power of ten, both exact doubles, so the one rounding of the division gives {@link Double#parseDouble}'s
   * correctly rounded value. Linear in the span; allocation-free.
   */
  static int decideAscii(byte[] b, int start, int end, boolean lonFirst) {
    for (int i = start; i < end; i++) {
      int c = b[i];
      if (c < 0 || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
        return UNDECIDED;
      }
    }
    int numbers = 0;
    double a = 0;
    double second = 0;
    int i = start;
    while (i < end) {
      int c = b[i];
      boolean signed = (c == '-' || c == '+') && i + 1 < end && isDigit(b[i + 1])
          && (i == start || !isDigit(b[i - 1]));
      if (!isDigit(c) && !signed) {
        i++;
        continue;
      }
      int begin = signed ? i + 1 : i;
      int j = begin;
      while (j < end && isDigit(b[j])) {
        j++;
      }
      int intEnd = j;
      int frac = 0;
      if (j + 1 < end && b[j] == '.' && isDigit(b[j + 1])) {
        j++;
        while (j < end && isDigit(b[j])) {
          j++;
          frac++;
        }
        if (j + 1 < end && b[j] == '.' && isDigit(b[j + 1])) {
          return ABSENT;
        }
      }
      if (numbers < 2) {
        if (frac < MIN_DECIMALS) {
          return ABSENT;
        }
        if (intEnd - begin + frac > MAX_EXACT_DIGITS) {
          return UNDECIDED;
        }
        long digits = 0;
        for (int k = begin; k < j; k++) {
          if (k != intEnd) {
            digits = digits * 10 + (b[k] - '0');
          }
        }
        double v = digits / POWERS_OF_TEN[frac];
        v = c == '-' ? -v : v;
        if (numbers == 0) {
          a = v;
        } else {
          second = v;
        }
      }
      numbers++;
      i = j;
    }
    if (numbers < 2) {
      return ABSENT;
    }
    if (Math.abs(a - second) < EPSILON || Math.abs(second - 2 * a) < EPSILON || Math.abs(a - 2 * second) < EPSILON
        || a == Math.rint(a) && second == Math.rint(second)) {
      return ABSENT;
    }
    double lat = lonFirst ? second : a;
    double lon = lonFirst ? a : second;
    return inRange(lat, lon) ? PRESENT : ABSENT;
  }

  private enum Kind { NUMBER, DEG, MIN, SEC, HEMI, LAT_KEY, LON_KEY }

  private record Token(Kind kind, double value, int intDigits, int fracDigits, char letter) {}

  private static Optional<LatLon> parse(CharSequence text, boolean lonFirst) {
    List<Token> tokens = tokenize(text.toString());
    if (tokens == null) {
      return Optional.empty();
    }
    LatLon nmea = nmea(tokens);
    if (nmea != null) {
      return check(nmea);
    }
    boolean structured = tokens.stream().anyMatch(t -> t.kind() != Kind.NUMBER && t.kind() != Kind.LAT_KEY
        && t.kind() != Kind.LON_KEY);
    return structured ? structured(tokens) : decimal(tokens, lonFirst);
  }

  /** Tokens of the text, or {@code null} when it holds a dotted run such as a version number. */
  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    boolean degreesSeen = false;
    while (i < n) {
      char c = s.charAt(i);
      boolean signed = (c == '-' || c == '+') && i + 1 < n && isDigit(s.charAt(i + 1))
          && (i == 0 || !isDigit(s.charAt(i - 1)) && !Character.isLetter(s.charAt(i - 1)));
      if (isDigit(c) || signed) {
        int begin = signed ? i + 1 : i;
        int j = begin;
        while (j < n && isDigit(s.charAt(j))) {
          j++;
        }
        int intDigits = j - begin;
        int frac = 0;
        if (j + 1 < n && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
          j++;
          while (j < n && isDigit(s.charAt(j))) {
            j++;
            frac++;
          }
          if (j + 1 < n && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
            return null;
          }
        }
        double v = Double.parseDouble(s.substring(begin, j));
        out.add(new Token(Kind.NUMBER, c == '-' ? -v : v, intDigits, frac, ' '));
        i = unit(s, j, out, degreesSeen);
        degreesSeen |= out.get(out.size() - 1).kind() == Kind.DEG;
        continue;
      }
      if (Character.isLetter(c)) {
        int j = i;
        while (j < n && Character.isLetter(s.charAt(j))) {
          j++;
        }
        String word = s.substring(i, j);
        if (word.length() == 1 && "NSEW".indexOf(c) >= 0) {
          out.add(new Token(Kind.HEMI, 0, 0, 0, c));
        } else {
          String lower = word.toLowerCase(Locale.ROOT);
          if (lower.equals("lat") || lower.equals("latitude")) {
            out.add(new Token(Kind.LAT_KEY, 0, 0, 0, ' '));
          } else if (lower.equals("lon") || lower.equals("lng") || lower.equals("long") || lower.equals("longitude")) {
            out.add(new Token(Kind.LON_KEY, 0, 0, 0, ' '));
          }
        }
        i = j;
        continue;
      }
      i++;
    }
    return out;
  }

  /**
   * Adds the unit sign directly after a number, if any; returns the index after it. Minute and second signs
   * count only after a degree sign, so quotes around JSON numbers stay quotes.
   */
  private static int unit(String s, int i, List<Token> out, boolean degreesSeen) {
    if (i >= s.length()) {
      return i;
    }
    char c = s.charAt(i);
    if (c == '°' || c == 'º' || c == '˚') {
      out.add(new Token(Kind.DEG, 0, 0, 0, ' '));
      return i + 1;
    }
    if (!degreesSeen) {
      return i;
    }
    if (c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
      out.add(new Token(Kind.SEC, 0, 0, 0, ' '));
      return i + 2;
    }
    if (c == '\'' || c == '′' || c == '’') {
      out.add(new Token(Kind.MIN, 0, 0, 0, ' '));
      return i + 1;
    }
    if (c == '"' || c == '″' || c == '”') {
      out.add(new Token(Kind.SEC, 0, 0, 0, ' '));
      return i + 1;
    }
    return i;
  }

  private static LatLon nmea(List<Token> t) {
    for (int i = 0; i + 3 < t.size(); i++) {
      Token lat = t.get(i);
      Token ns = t.get(i + 1);
      Token lon = t.get(i + 2);
      Token ew = t.get(i + 3);
      if (lat.kind() == Kind.NUMBER && lat.intDigits() == NMEA_LAT_DIGITS && ns.kind() == Kind.HEMI
          && (ns.letter() == 'N' || ns.letter() == 'S') && lon.kind() == Kind.NUMBER
          && lon.intDigits() == NMEA_LON_DIGITS && ew.kind() == Kind.HEMI
          && (ew.letter() == 'E' || ew.letter() == 'W') && lat.value() >= 0 && lon.value() >= 0) {
        double latDeg = ddmm(lat.value());
        double lonDeg = ddmm(lon.value());
        if (Double.isNaN(latDeg) || Double.isNaN(lonDeg)) {
          return null;
        }
        return new LatLon(ns.letter() == 'S' ? -latDeg : latDeg, ew.letter() == 'W' ? -lonDeg : lonDeg);
      }
    }
    return null;
  }

  private static double ddmm(double v) {
    double degrees = Math.floor(v / 100);
    double minutes = v - degrees * 100;
    return minutes >= 60 ? Double.NaN : degrees + minutes / 60;
  }

  /** One coordinate of a degrees/minutes/seconds or hemisphere form, being built. */
  private static final class Part {
    Token degrees;
    Token minutes;
    Token seconds;
    char hemisphere;
    boolean closed;

    boolean empty() {
      return degrees == null && hemisphere == 0;
    }
  }

  private static Optional<LatLon> structured(List<Token> t) {
    List<Part> parts = new ArrayList<>();
    Part cur = new Part();
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      Kind next = i + 1 < t.size() ? t.get(i + 1).kind() : null;
      switch (tok.kind()) {
        case NUMBER -> {
          Kind unit = next == Kind.DEG || next == Kind.MIN || next == Kind.SEC ? next : null;
          if (unit != null) {
            i++;
          }
          if (unit == Kind.MIN && cur.degrees != null && cur.minutes == null && !cur.closed) {
            cur.minutes = tok;
          } else if (unit == Kind.SEC && cur.minutes != null && cur.seconds == null && !cur.closed) {
            cur.seconds = tok;
          } else if (unit == Kind.DEG || unit == null) {
            if (cur.degrees != null || cur.closed) {
              parts.add(cur);
              cur = new Part();
            }
            cur.degrees = tok;
          } else {
            return Optional.empty();
          }
        }
        case HEMI -> {
          if (cur.degrees != null && cur.hemisphere == 0) {
            cur.hemisphere = tok.letter();
            cur.closed = true;
          } else if (cur.empty()) {
            cur.hemisphere = tok.letter();
          } else {
            parts.add(cur);
            cur = new Part();
            cur.hemisphere = tok.letter();
          }
        }
        case DEG, MIN, SEC -> {
          return Optional.empty();
        }
        default -> { }
      }
    }
    if (!cur.empty()) {
      parts.add(cur);
    }
    if (parts.size() != 2) {
      return Optional.empty();
    }
    Part a = parts.get(0);
    Part b = parts.get(1);
    if (isLon(a.hemisphere) && !isLon(b.hemisphere)) {
      Part swap = a;
      a = b;
      b = swap;
    }
    if (a.hemisphere != 0 && !isLat(a.hemisphere) || b.hemisphere != 0 && !isLon(b.hemisphere)) {
      return Optional.empty();
    }
    double lat = degrees(a);
    double lon = degrees(b);
    if (Double.isNaN(lat) || Double.isNaN(lon)) {
      return Optional.empty();
    }
    return check(new LatLon(lat, lon));
  }

  private static boolean isLat(char h) {
    return h == 'N' || h == 'S';
  }

  private static boolean isLon(char h) {
    return h == 'E' || h == 'W';
  }

  /** Signed decimal degrees of a part, or NaN when malformed or too coarse. */
  private static double degrees(Part p) {
    if (p.degrees == null) {
      return Double.NaN;
    }
    double d = p.degrees.value();
    boolean negative = Math.copySign(1.0, d) < 0;
    if (p.hemisphere != 0 && negative) {
      return Double.NaN;
    }
    double abs = Math.abs(d);
    if (p.minutes != null) {
      if (p.degrees.fracDigits() > 0 || p.minutes.value() >= 60 || p.minutes.value() < 0) {
        return Double.NaN;
      }
      abs += p.minutes.value() / 60;
      if (p.seconds != null) {
        if (p.minutes.fracDigits() > 0 || p.seconds.value() >= 60 || p.seconds.value() < 0) {
          return Double.NaN;
        }
        abs += p.seconds.value() / 3600;
      }
    } else if (p.degrees.fracDigits() < MIN_DECIMALS) {
      return Double.NaN;
    }
    boolean south = p.hemisphere == 'S' || p.hemisphere == 'W';
    return negative || south ? -abs : abs;
  }

  private static Optional<LatLon> decimal(List<Token> t, boolean lonFirst) {
    Token first = null;
    Token second = null;
    Kind firstKey = null;
    for (Token tok : t) {
      if ((tok.kind() == Kind.LAT_KEY || tok.kind() == Kind.LON_KEY) && first == null && firstKey == null) {
        firstKey = tok.kind();
      } else if (tok.kind() == Kind.NUMBER) {
        if (first == null) {
          first = tok;
        } else if (second == null) {
          second = tok;
        }
      }
    }
    if (second == null || first.fracDigits() < MIN_DECIMALS || second.fracDigits() < MIN_DECIMALS) {
      return Optional.empty();
    }
    double a = first.value();
    double b = second.value();
    if (Math.abs(a - b) < EPSILON || Math.abs(b - 2 * a) < EPSILON || Math.abs(a - 2 * b) < EPSILON
        || a == Math.rint(a) && b == Math.rint(b)) {
      return Optional.empty();
    }
    boolean swap = firstKey == null ? lonFirst : firstKey == Kind.LON_KEY;
    return check(swap ? new LatLon(b, a) : new LatLon(a, b));
  }

  private static Optional<LatLon> check(LatLon p) {
    return inRange(p.latitude(), p.longitude()) ? Optional.of(p) : Optional.empty();
  }

  /** In range, and not both within {@value #NULL_ISLAND_DEGREES} degree of 0. */
  private static boolean inRange(double lat, double lon) {
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
      return false;
    }
    return !(Math.abs(lat) < NULL_ISLAND_DEGREES && Math.abs(lon) < NULL_ISLAND_DEGREES);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
