package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Validator {@code date}: the match is a real calendar date in the plausible birth range 1900-01-01 .. today
 * (UTC), in one of the forms of {@link BirthDates}; numeric dates are read from the bytes without allocating.
 * Thread-safe (the current day is cached).
 */
public final class DateValidator implements Validator, ValidatorProvider {
  public static final String NAME = "date";
  private final Clock clock;
  /** The day of the last check; racy by design (an entry is immutable, a lost write costs a recomputation). */
  private volatile Today today;

  /** The SPI provider, on the UTC system clock. */
  public DateValidator() {
    this(Clock.systemUTC());
  }

  /** A validator whose "today" comes from {@code clock} (tests). */
  public DateValidator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Validator create(ScanSettings settings) {
    return this;
  }

  @Override
  public double check(byte[] bytes, int start, int end) {
    if (!MatchText.checkable(bytes, start, end)) {
      return 0;
    }
    Today t = today();
    if (bytes[start] > ' ' && bytes[end - 1] > ' ') {
      int decided = BirthDates.plausibleAscii(bytes, start, end, t.yyyymmdd);
      if (decided != BirthDates.UNDECIDED) {
        return decided == BirthDates.PLAUSIBLE ? 1 : 0;
      }
    }
    String text = MatchText.decode(bytes, start, end);
    return BirthDates.plausibleBirthDate(text, t.date) ? 1 : 0;
  }

  /**
   * {@code LocalDate.now(clock)}, from the cached day while the clock's millisecond is inside it (a day starts
   * and ends on a whole second, so the millisecond is in the same day as the instant).
   */
  private Today today() {
    long now = clock.millis();
    Today t = today;
    if (t == null || now < t.from || now >= t.until) {
      ZoneId zone = clock.getZone();
      LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
      t = new Today(date.atStartOfDay(zone).toInstant().toEpochMilli(),
          date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(), date,
          date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
      today = t;
    }
    return t;
  }

  /** A day of the clock's zone: {@code [from, until)} in epoch milliseconds. */
  private record Today(long from, long until, LocalDate date, int yyyymmdd) {}
}
