package dev.lagotto.core.validate.reference;

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
public final class RefBirthDates {
  /** Earliest year accepted as a birth year. */
  public static final int MIN_YEAR = 1900;

  private static final Pattern ISO = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})");
  private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([A-Za-z]+)\\.?,?\\s+(\\d{4})");
  private static final Pattern MONTH_DAY = Pattern.compile("([A-Za-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
  private static final Map<String, Integer> MONTHS = months();

  private RefBirthDates() {}

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
