package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;

/**
 * Validator {@code geo}: the match is a latitude/longitude pair that {@link RefGeoCoordinates#parse} accepts
 * (decimal pair latitude first, degrees-minutes-seconds, hemisphere letters, NMEA fields). Linear in the match;
 * immutable and thread-safe.
 */
public final class RefGeoValidator implements Validator, ValidatorProvider {
  public static final String NAME = "geo";

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
    return text != null && RefGeoCoordinates.parse(text).isPresent() ? 1 : 0;
  }
}
