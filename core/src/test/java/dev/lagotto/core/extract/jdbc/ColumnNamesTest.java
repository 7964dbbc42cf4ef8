package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.rule.Category;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnNamesTest {
  @ParameterizedTest
  @CsvSource({
      "email, customer, email", "e_mail, t, email", "EmailAddress, t, email", "billing_email, t, email",
      "order_email, t, email", "first_name, t, person_name", "firstName, t, person_name", "surname, t, person_name",
      "last_name, t, person_name", "name, customers, person_name", "ip_addr, t, ipv4", "last_login_ip, t, ipv4",
      "ipv6_address, t, ipv6", "lat, t, geo_coordinates", "longitude, t, geo_coordinates", "phone, t, phone",
      "mobile_number, t, phone", "dob, t, date_of_birth", "birth_date, t, date_of_birth", "ssn, t, national_id",
      "iban, t, iban", "card_number, t, credit_card", "mac_address, t, mac_address", "user_agent, t, user_agent",
      "street_address, t, street_address"})
  void namesSuggestCategories(String column, String table, String category) {
    assertThat(ColumnNames.hint(column, table)).as(column).isEqualTo(Category.fromId(category));
  }

  @ParameterizedTest
  @CsvSource({"order_no, t", "sku, t", "password_sha256, t", "app_version, t", "email_sha256, t", "tracking_number, t",
      "name, product", "id, customer", "created_at, t", "long_description, t", "build_number, t"})
  void lookAlikesAndOrdinaryNamesSuggestNothing(String column, String table) {
    assertThat(ColumnNames.hint(column, table)).as(column).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @CsvSource({"order_no, true", "email_sha256, true", "app_version, true", "order_email, false", "email, false"})
  void lookAlikeIsTheHeadNoun(String column, boolean lookAlike) {
    assertThat(ColumnNames.lookAlike(column)).as(column).isEqualTo(lookAlike);
  }

  @ParameterizedTest
  @CsvSource({"home_lat, home_lng", "latitude, longitude", "geoLat, geoLon", "lat_home, long_home"})
  void latitudeAndLongitudePairUp(String lat, String lng) {
    assertThat(ColumnNames.latitude(lat)).isTrue();
    assertThat(ColumnNames.longitude(lng)).isTrue();
    assertThat(ColumnNames.pairKey(lat)).isEqualTo(ColumnNames.pairKey(lng));
  }
}
