package dev.lagotto.core.extract.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The seeded test schema, the same in every database: known personal data in known columns (synthetic only:
 * example.com/org addresses, 555-01xx phones, published test card numbers, documentation IP ranges, 987-65-432x advertising SSNs) and
 * look-alike columns that are not personal data (order numbers, SKUs, SHA-256 hashes, version strings,
 * tracking and build numbers). Deterministic: the same rows every time ({@link #SEED}).
 */
final class SeedData {
  static final long SEED = 6_2026L;
  static final int ROWS = 200;
  static final List<String> FIRST = List.of("Alice", "Bob", "Carol", "David", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy");
  static final List<String> LAST = List.of("Smith", "Jones", "Miller", "Taylor", "Brown", "Wilson", "Moore", "Clark", "Lewis", "Walker");
  static final List<String> CARDS = List.of("4111111111111111", "5555555555554444", "378282246310005", "6011111111111117",
      "4012888888881881", "5105105105105100");
  static final List<String> PRODUCTS = List.of("Blue widget", "Steel hammer", "Garden hose", "Desk lamp", "Paper clips");

  /** Column type names of one database. */
  record Types(String varchar, String text, String integer, String bigint, String dbl, String decimal, String date,
      String timestamp, String blob, String json, String jsonParam) {
    static final Types POSTGRESQL = new Types("varchar(200)", "text", "integer", "bigint", "double precision",
        "numeric(12,6)", "date", "timestamp", "bytea", "jsonb", "CAST(? AS jsonb)");
    static final Types MARIADB = new Types("varchar(200)", "text", "int", "bigint", "double", "decimal(12,6)", "date",
        "datetime", "blob", "json", "?");
    static final Types SQLITE = new Types("TEXT", "TEXT", "INTEGER", "INTEGER", "REAL", "NUMERIC", "DATE", "TIMESTAMP",
        "BLOB", "TEXT", "?");
    static final Types H2 = new Types("varchar(200)", "clob", "integer", "bigint", "double precision", "numeric(12,6)",
        "date", "timestamp", "varbinary(64)", "json", "? FORMAT JSON");
  }

  private SeedData() {}

  static void create(Connection c, Types t) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customer (id " + t.integer() + " PRIMARY KEY, email " + t.varchar() + ", first_name "
          + t.varchar() + ", last_name " + t.varchar() + ", phone " + t.varchar() + ", card_number " + t.varchar()
          + ", last_login_ip " + t.varchar() + ", lat " + t.dbl() + ", lng " + t.dbl() + ", dob " + t.date()
          + ", notes " + t.text() + ", profile " + t.json() + ", avatar " + t.blob() + ", created_at " + t.timestamp() + ")");
      s.execute("CREATE TABLE orders (order_id " + t.integer() + " PRIMARY KEY, order_no " + t.varchar() + ", sku "
          + t.varchar() + ", password_sha256 " + t.varchar() + ", app_version " + t.varchar() + ", tracking_number "
          + t.varchar() + ", amount " + t.decimal() + ", build_number " + t.bigint() + ", customer_id " + t.integer() + ")");
      s.execute("CREATE TABLE product (id " + t.integer() + " PRIMARY KEY, name " + t.varchar() + ", description " + t.text() + ")");
      s.execute("CREATE TABLE audit_log (logged_at " + t.timestamp() + ", client_ip " + t.varchar() + ", message " + t.text() + ")");
      s.execute("CREATE TABLE contact (id " + t.integer() + " PRIMARY KEY, mobile " + t.bigint() + ", home_latitude "
          + t.decimal() + ", home_longitude " + t.decimal() + ")");
      s.execute("CREATE TABLE secret (id " + t.integer() + " PRIMARY KEY, ssn " + t.varchar() + ")");
    }
    Random r = new Random(SEED);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer VALUES (?,?,?,?,?,?,?,?,?,?,?," + t.jsonParam() + ",?,?)")) {
      for (int i = 1; i <= ROWS; i++) {
        String first = FIRST.get(i % FIRST.size());
        String last = LAST.get((i / FIRST.size()) % LAST.size());
        String email = (first + "." + last + i).toLowerCase(java.util.Locale.ROOT) + (i % 2 == 0 ? "@example.com" : "@mail.example.org");
        ps.setInt(1, i);
        ps.setString(2, email);
        ps.setString(3, first);
        ps.setString(4, last);
        ps.setString(5, String.format("+1 202-555-01%02d", i % 100));
        ps.setString(6, CARDS.get(i % CARDS.size()));
        ps.setString(7, (i % 3 == 0 ? "192.0.2." : i % 3 == 1 ? "198.51.100." : "203.0.113.") + (1 + i % 250));
        ps.setDouble(8, 48.8566 + (i % 50) * 0.01);
        ps.setDouble(9, 2.3522 + (i % 40) * 0.01);
        ps.setDate(10, Date.valueOf(java.time.LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28)));
        ps.setString(11, i % 10 == 0 ? "asked to be called back; write to " + email : "prefers the blue model, call after 5pm");
        ps.setString(12, "{\"contact\":{\"email\":\"" + email + "\"},\"tags\":[\"vip\",\"newsletter\"]}");
        byte[] avatar = new byte[32];
        r.nextBytes(avatar);
        ps.setBytes(13, avatar);
        ps.setTimestamp(14, Timestamp.valueOf("2024-01-01 10:00:00"));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?,?)")) {
      for (int i = 1; i <= ROWS; i++) {
        ps.setInt(1, i);
        ps.setString(2, String.format("ORD-2024-%06d", 100_000 + i * 37));
        ps.setString(3, String.format("SKU-%05d-%s", 10_000 + r.nextInt(90_000), i % 2 == 0 ? "BL" : "RD"));
        ps.setString(4, sha256("order-" + i));
        ps.setString(5, "4.2." + (i % 10) + "." + (i % 200));
        ps.setString(6, String.format("1Z999AA1%010d", r.nextInt(1_000_000_000)));
        ps.setBigDecimal(7, java.math.BigDecimal.valueOf(1999 + i, 2));
        ps.setLong(8, 1_000_000_000_000_000L + (long) (r.nextDouble() * 8_999_999_999_999_999L));
        ps.setInt(9, 1 + i % ROWS);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO product VALUES (?,?,?)")) {
      for (int i = 1; i <= ROWS; i++) {
        ps.setInt(1, i);
        ps.setString(2, PRODUCTS.get(i % PRODUCTS.size()) + " " + (i % 7));
        ps.setString(3, "Ships in " + (1 + i % 5) + " days; model " + (i % 9));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log VALUES (?,?,?)")) {
      for (int i = 1; i <= ROWS; i++) {
        String ip = "203.0.113." + (1 + i % 250);
        ps.setTimestamp(1, Timestamp.valueOf("2024-02-01 12:00:00"));
        ps.setString(2, ip);
        ps.setString(3, "login ok user=user" + i + "@example.com from " + ip);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO contact VALUES (?,?,?,?)")) {
      for (int i = 1; i <= ROWS; i++) {
        ps.setInt(1, i);
        ps.setLong(2, 12_025_550_100L + i % 100);
        ps.setBigDecimal(3, java.math.BigDecimal.valueOf(40.7128 + (i % 30) * 0.001).setScale(6, java.math.RoundingMode.HALF_UP));
        ps.setBigDecimal(4, java.math.BigDecimal.valueOf(-74.0060 + (i % 30) * 0.001).setScale(6, java.math.RoundingMode.HALF_UP));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO secret VALUES (?,?)")) {
      for (int i = 1; i <= 10; i++) {
        ps.setInt(1, i);
        ps.setString(2, String.format("987-65-43%02d", 20 + i % 10));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    c.commit();
    c.setAutoCommit(auto);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
