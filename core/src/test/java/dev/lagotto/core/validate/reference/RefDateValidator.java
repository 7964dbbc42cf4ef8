package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.BirthDates;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Validator {@code date}: the match is a real calendar date in the plausible birth range 1900-01-01 .. today
 * (UTC), in one of the forms of {@link BirthDates}. Immutable and thread-safe.
 */
public final class RefDateValidator implements Validator, ValidatorProvider {
  public static final String NAME = "date";
  private final Clock clock;

  /** The SPI provider, on the UTC system clock. */
  public RefDateValidator() {
    this(Clock.systemUTC());
  }

  /** A validator whose "today" comes from {@code clock} (tests). */
  public RefDateValidator(Clock clock) {
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
    String text = MatchText.decode(bytes, start, end);
    return text != null && BirthDates.plausibleBirthDate(text, LocalDate.now(clock)) ? 1 : 0;
  }
}
