package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;

/**
 * Validator {@code geo}: the match is a latitude/longitude pair that {@link GeoCoordinates#parse} accepts
 * (decimal pair latitude first, degrees-minutes-seconds, hemisphere letters, NMEA fields). Linear in the
 * match; a pair of plain numbers is decided from the bytes without allocating
 * ({@link GeoCoordinates#decideAscii}), other text is decoded and parsed. Immutable and thread-safe.
 */
public final class GeoValidator implements Validator, ValidatorProvider {
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
    if (!MatchText.checkable(bytes, start, end)) {
      return 0;
    }
    int decided = GeoCoordinates.decideAscii(bytes, start, end, false);
    if (decided != GeoCoordinates.UNDECIDED) {
      return decided == GeoCoordinates.PRESENT ? 1 : 0;
    }
    String text = MatchText.decode(bytes, start, end);
    return GeoCoordinates.parse(text).isPresent() ? 1 : 0;
  }
}
