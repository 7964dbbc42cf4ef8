package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.lagotto.core.validate.GeoCoordinates.LatLon;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeoCoordinatesTest {
  private final Validator geo = new GeoValidator();
  private final Validator lonLat = new GeoLonLatValidator();

  static Stream<Arguments> forms() {
    return Stream.of(
        arguments("48.8566, 2.3522", 48.8566, 2.3522),
        arguments("-33.8688,151.2093", -33.8688, 151.2093),
        arguments("lat=48.8566&lon=2.3522", 48.8566, 2.3522),
        arguments("lon=2.3522&lat=48.8566", 48.8566, 2.3522),
        arguments("\"lat\": 48.85, \"lng\": 2.35", 48.85, 2.35),
        arguments("{\"lng\":2.35,\"lat\":48.85}", 48.85, 2.35),
        arguments("{\"lat\":\"48.85\",\"lon\":\"2.35\"}", 48.85, 2.35),
        arguments("geo:48.8566,2.3522;u=35", 48.8566, 2.3522),
        arguments("@48.8566,2.3522,15z", 48.8566, 2.3522),
        arguments("48°51'24\"N 2°21'08\"E", 48.8567, 2.3522),
        arguments("48°51′24″N, 2°21′08″E", 48.8567, 2.3522),
        arguments("48º51'24''N 2º21'08''E", 48.8567, 2.3522),
        arguments("N 48°51.4' E 2°21.1'", 48.8567, 2.3517),
        arguments("2°21'08\"E 48°51'24\"N", 48.8567, 2.3522),
        arguments("33°52'08\"S 151°12'33\"E", -33.8689, 151.2092),
        arguments("48.8566°N 2.3522°E", 48.8566, 2.3522),
        arguments("38.9084N, 77.4408W", 38.9084, -77.4408),
        arguments("S33.8688 E151.2093", -33.8688, 151.2093),
        arguments("4807.038,N,01131.000,E", 48.1173, 11.5167),
        arguments("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47", 48.1173, 11.5167),
        arguments("$GPRMC,123519,A,4807.038,S,01131.000,W,022.4,084.4,230394,003.1,W*6A", -48.1173, -11.5167));
  }

  @ParameterizedTest
  @MethodSource("forms")
  void parsesEveryForm(String text, double lat, double lon) {
    LatLon p = GeoCoordinates.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    assertThat(p.latitude()).isCloseTo(lat, within(1e-4));
    assertThat(p.longitude()).isCloseTo(lon, within(1e-4));
    assertThat(Check.factor(geo, text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1.2.3.4",            // version number / IP
      "version 2.10.1, 3.4.5",
      "0.00, 0.00",         // null island
      "0.25, 0.50",         // histogram bucket, equal step
      "1.25, 2.50",         // equal step
      "12.34, 12.34",       // equal values
      "10.00, 15.00",       // round limits
      "48.8, 2.3",          // fewer than 2 decimals
      "48, 2",
      "91.0000, 2.3522",    // latitude out of range
      "48.8566, 180.5000",  // longitude out of range
      "48°61'24\"N 2°21'08\"E",  // 61 minutes
      "48°51'24\"N",        // one coordinate
      "48°51'24\"N 2°21'08\"N",  // two latitudes
      "-48°51'24\"N 2°21'08\"E", // sign and hemisphere
      "4807.038,N,01191.000,E",  // 91 minutes
      "48.8566",
      "12:34:56"})
  void rejectsLookAlikes(String text) {
    assertThat(GeoCoordinates.parse(text)).isEmpty();
    assertThat(Check.factor(geo, text)).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"'[2.3522, 48.8566]' | 48.8566 | 2.3522",
      "151.2093,-33.8688,0 | -33.8688 | 151.2093",
      "lat=-33.8688&lon=151.2093 | -33.8688 | 151.2093"})
  void lonLatOrderForGeoJsonAndKml(String text, double lat, double lon) {
    LatLon p = GeoCoordinates.parseLonLat(text).orElseThrow();
    assertThat(p.latitude()).isCloseTo(lat, within(1e-9));
    assertThat(p.longitude()).isCloseTo(lon, within(1e-9));
    assertThat(Check.factor(lonLat, text)).isEqualTo(1);
    assertThat(Check.factor(lonLat, "200.1234, 10.1234")).isZero();
  }

  @ParameterizedTest
  @CsvSource({"48.85661, 2.35222, 4, '48.8566,2.3522'", "48.85661, 2.35222, 1, '48.9,2.4'",
      "-33.86882, 151.20929, 4, '-33.8688,151.2093'"})
  void formatsRounded(double lat, double lon, int decimals, String expected) {
    assertThat(new LatLon(lat, lon).format(decimals)).isEqualTo(expected);
  }
}
