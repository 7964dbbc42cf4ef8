package dev.lagotto.core.extract.jdbc;

import dev.lagotto.core.finding.ValueForms;
import dev.lagotto.core.rule.Category;
import java.util.ArrayList;
import java.util.List;

/**
 * A latitude column and a longitude column of one table whose names pair up ({@code lat}/{@code lng},
 * {@code home_latitude}/{@code home_longitude}), with the count of sampled rows where both hold numbers in
 * range ({@code |lat| <= 90}, {@code |lng| <= 180}, not both 0). Not thread-safe.
 */
final class GeoPair {
  private final ColumnInfo latitude;
  private final ColumnInfo longitude;
  private final int latitudeIndex;
  private final int longitudeIndex;
  private long rowsBoth;
  private long rowsInRange;
  private String masked;

  private GeoPair(ColumnInfo latitude, int latitudeIndex, ColumnInfo longitude, int longitudeIndex) {
    this.latitude = latitude;
    this.longitude = longitude;
    this.latitudeIndex = latitudeIndex;
    this.longitudeIndex = longitudeIndex;
  }

  /** The pairs among {@code columns} (indexes refer to that list); each column is in at most one pair. */
  static List<GeoPair> find(List<ColumnInfo> columns) {
    List<GeoPair> pairs = new ArrayList<>();
    boolean[] used = new boolean[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      ColumnInfo lat = columns.get(i);
      if (used[i] || !lat.kind().scanned() || !ColumnNames.latitude(lat.name())) {
        continue;
      }
      for (int j = 0; j < columns.size(); j++) {
        ColumnInfo lng = columns.get(j);
        if (j != i && !used[j] && lng.kind().scanned() && ColumnNames.longitude(lng.name())
            && ColumnNames.pairKey(lat.name()).equals(ColumnNames.pairKey(lng.name()))) {
          used[i] = true;
          used[j] = true;
          pairs.add(new GeoPair(lat, i, lng, j));
          break;
        }
      }
    }
    return pairs;
  }

  /** Counts one row, given the values of the two columns (either may be {@code null}). */
  void row(String lat, String lng) {
    if (lat == null || lng == null) {
      return;
    }
    rowsBoth++;
    double a = parse(lat);
    double b = parse(lng);
    if (Math.abs(a) <= 90 && Math.abs(b) <= 180 && !(a == 0 && b == 0)) {
      rowsInRange++;
      if (masked == null) {
        masked = ValueForms.mask(Category.GEO_COORDINATES, lat.strip() + "," + lng.strip());
      }
    }
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  ColumnInfo latitude() {
    return latitude;
  }

  ColumnInfo longitude() {
    return longitude;
  }

  int latitudeIndex() {
    return latitudeIndex;
  }

  int longitudeIndex() {
    return longitudeIndex;
  }

  long rowsBoth() {
    return rowsBoth;
  }

  long rowsInRange() {
    return rowsInRange;
  }

  String masked() {
    return masked;
  }
}
