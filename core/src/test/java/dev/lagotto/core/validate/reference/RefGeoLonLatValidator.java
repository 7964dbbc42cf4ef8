package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;

/**
 * Validator {@code geo_lonlat}: as {@code geo}, but a plain decimal pair is longitude first (GeoJSON
 * {@code "coordinates":[lon,lat]}, KML {@code <coordinates>lon,lat,alt}). Linear in the match; immutable and
 * thread-safe.
 */
public final class RefGeoLonLatValidator implements Validator, ValidatorProvider {
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
    String text = MatchText.decode(bytes, start, end);
    return text != null && RefGeoCoordinates.parseLonLat(text).isPresent() ? 1 : 0;
  }
}
