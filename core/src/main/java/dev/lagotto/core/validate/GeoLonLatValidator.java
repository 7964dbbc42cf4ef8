package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;

/**
 * Validator {@code geo_lonlat}: as {@code geo}, but a plain decimal pair is longitude first (GeoJSON
 * {@code "coordinates":[lon,lat]}, KML {@code <coordinates>lon,lat,alt}). Linear in the match; a pair of
 * plain numbers is decided from the bytes without allocating. Immutable and thread-safe.
 */
public final class GeoLonLatValidator implements Validator, ValidatorProvider {
  public static final String NAME = "geo_lonlat";

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
    int decided = GeoCoordinates.decideAscii(bytes, start, end, true);
    if (decided != GeoCoordinates.UNDECIDED) {
      return decided == GeoCoordinates.PRESENT ? 1 : 0;
    }
    String text = MatchText.decode(bytes, start, end);
    return GeoCoordinates.parseLonLat(text).isPresent() ? 1 : 0;
  }
}
