package dev.lagotto.core.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrisTest {
  @Test
  void dropsUserInfoAndSecretParameters() {
    assertThat(JdbcUris.redact("jdbc:postgresql://scan:s3cret@db1:5432/shop?password=s3cret&ssl=true&user=scan"))
        .isEqualTo("jdbc:postgresql://db1:5432/shop?ssl=true");
    assertThat(JdbcUris.redact("jdbc:mariadb://u:p@db1/shop?sslMode=disable&sslPassword=k"))
        .isEqualTo("jdbc:mariadb://db1/shop?sslMode=disable");
    assertThat(JdbcUris.redact("jdbc:h2:/srv/app;USER=sa;PASSWORD=x;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:/srv/app;MODE=PostgreSQL");
    assertThat(JdbcUris.redact("jdbc:postgresql://db1/shop?user=a&password=b")).isEqualTo("jdbc:postgresql://db1/shop");
  }

  @Test
  void keepsUrisWithoutCredentials() {
    assertThat(JdbcUris.redact("jdbc:sqlite:/var/lib/app/data.db")).isEqualTo("jdbc:sqlite:/var/lib/app/data.db");
    assertThat(JdbcUris.redact("jdbc:postgresql://db1/shop")).isEqualTo("jdbc:postgresql://db1/shop");
    assertThat(JdbcUris.redact("jdbc:sqlite:file:/tmp/a@b.db")).isEqualTo("jdbc:sqlite:file:/tmp/a@b.db");
  }

  @Test
  void mysqlSchemeIsPermittedForTheMariaDbDriver() {
    assertThat(Dialect.MARIADB.connectUri("jdbc:mysql://db1/shop")).isEqualTo("jdbc:mysql://db1/shop?permitMysqlScheme");
    assertThat(Dialect.MARIADB.connectUri("jdbc:mysql://db1/shop?sslMode=disable")).endsWith("&permitMysqlScheme");
    assertThat(Dialect.MARIADB.connectUri("jdbc:mariadb://db1/shop")).isEqualTo("jdbc:mariadb://db1/shop");
    assertThat(Dialect.of("jdbc:mysql://x/y")).isEqualTo(Dialect.MARIADB);
    assertThat(Dialect.of("jdbc:H2:mem:x")).isEqualTo(Dialect.H2);
  }
}
