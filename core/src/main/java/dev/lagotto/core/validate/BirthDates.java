package dev.lagotto.core.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser of date text into the calendar dates it can mean, and the plausible-birth-date check of the
 * {@code date} validator (1900-01-01 .. today). Forms: {@code 1985-03-12}, {@code 1985/03/12},
 * {@code 12/03/1985} and {@code 03/12/1985} (both readings kept when ambiguous), {@code 12.03.1985},
 * {@code 12-03-1985}, {@code 12 March 1985}, {@code 12 Mar 1985}, {@code March 12, 1985}. Linear in the text;
 * thread-safe.
 */
public final class BirthDates {
  /** Earliest year accepted as a birth year. */
  public static final int MIN_YEAR = 1900;

  private static final Pattern ISO = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})");
  private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([A-Za-z]+)\\.?,?\\s+(\\d{4})");
  private static final Pattern MONTH_DAY = Pattern.compile("([A-Za-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
  private static final Map<String, Integer> MONTHS = months();

  private BirthDates() {}

  private static Map<String, Integer> months() {
    String[] names = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december"};
    Map<String, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], i + 1);
      m.put(names[i].substring(0, 3), i + 1);
    }
    m.put("sept", 9);
    return Map.copyOf(m);
  }

  /** Every real calendar date {@code text} can mean (one, or two for an ambiguous {@code dd/mm/yyyy}). */
  public static List<LocalDate> parse(CharSequence text) {
    String s = text.toString().strip();
    List<LocalDate> out = new ArrayList<>(2);
    Matcher m = ISO.matcher(s);
    if (m.matches()) {
      add(out, num(m.group(1)), num(m.group(3)), num(m.group(4)));
      return out;
    }
    m = NUMERIC.matcher(s);
    if (m.matches()) {
      int a = num(m.group(1));
      int b = num(m.group(3));
      int year = num(m.group(4));
      add(out, year, b, a);
      if (a != b && !m.group(2).equals(".")) {
        add(out, year, a, b);
      }
      return out;
    }
    m = DAY_MONTH.matcher(s);
    if (m.matches()) {
      Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
      if (month != null) {
        add(out, num(m.group(3)), month, num(m.group(1)));
      }
      return out;
    }
    m = MONTH_DAY.matcher(s);
    if (m.matches()) {
      Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
      if (month != null) {
        add(out, num(m.group(3)), month, num(m.group(2)));
      }
    }
    return out;
  }

  /** Whether some reading of {@code text} is a date from {@value #MIN_YEAR}-01-01 to {@code today}. */
  public static boolean plausibleBirthDate(CharSequence text, LocalDate today) {
    for (LocalDate d : parse(text)) {
      if (d.getYear() >= MIN_YEAR && !d.isAfter(today)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #plausibleAscii}: some reading is a plausible birth date. */
  static final int PLAUSIBLE = 1;
  /** {@link #plausibleAscii}: no reading is. */
  static final int IMPLAUSIBLE = 0;
  /** {@link #plausibleAscii}: the text is outside the byte path; parse the decoded text. */
  static final int UNDECIDED = -1;
  private static final int ISO_YEAR_DIGITS = 4;

  /**
   * {@link #plausibleBirthDate} of the bytes {@code b[start, end)} for numeric dates, decided in place:
   * ASCII digits and {@code - / .} only, no white space to strip (the word forms need letters and white
   * space, so only the {@code yyyy-M-d} and {@code d-M-yyyy} patterns can match); {@link #UNDECIDED} for any
   * other text. {@code today} is {@code yyyy * 10000 + MM * 100 + dd}. Allocation-free.
   */
  static int plausibleAscii(byte[] b, int start, int end, int today) {
    int g0 = digitRun(b, start, end);
    int p = start + g0;
    for (int i = start; i < end; i++) {
      int c = b[i];
      if (!(c >= '0' && c <= '9' || c == '-' || c == '/' || c == '.')) {
        return UNDECIDED;
      }
    }
    if (g0 == 0 || p >= end) {
      return IMPLAUSIBLE;
    }
    byte sep = b[p];
    int g1 = digitRun(b, p + 1, end);
    int q = p + 1 + g1;
    if (g1 == 0 || g1 > 2 || q >= end || b[q] != sep) {
      return IMPLAUSIBLE;
    }
    int g2 = digitRun(b, q + 1, end);
    if (g2 == 0 || q + 1 + g2 != end) {
      return IMPLAUSIBLE;
    }
    int first = value(b, start, p);
    int second = value(b, p + 1, q);
    int third = value(b, q + 1, end);
    if (g0 == ISO_YEAR_DIGITS && g2 <= 2) {
      return plausible(first, second, third, today) ? PLAUSIBLE : IMPLAUSIBLE;
    }
    if (g0 <= 2 && g2 == ISO_YEAR_DIGITS) {
      boolean either = plausible(third, second, first, today)
          || first != second && sep != '.' && plausible(third, first, second, today);
      return either ? PLAUSIBLE : IMPLAUSIBLE;
    }
    return IMPLAUSIBLE;
  }

  private static int digitRun(byte[] b, int from, int end) {
    int i = from;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i - from;
  }

  private static int value(byte[] b, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + b[i] - '0';
    }
    return v;
  }

  /** Whether {@code year-month-day} is a calendar date from {@value #MIN_YEAR} to {@code today}. */
  private static boolean plausible(int year, int month, int day, int today) {
    if (year < MIN_YEAR || month < 1 || month > 12 || day < 1
        || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
      return false;
    }
    return year * 10_000 + month * 100 + day <= today;
  }

  private static int num(String s) {
    return Integer.parseInt(s);
  }

  private static void add(List<LocalDate> out, int year, int month, int day) {
    try {
      out.add(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      // not a calendar date in this reading
    }
  }
}
