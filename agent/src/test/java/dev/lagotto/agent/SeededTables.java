package dev.lagotto.agent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** The small customer/audit schema the CLI and agent database tests scan (SQLite and H2 files). */
public final class SeededTables {
  private SeededTables() {}

  /**
   * Creates customer(id, email, sku, last_ip) with {@code rows} synthetic e-mails and documentation IPs in
   * their columns, and audit(id, note) with no personal data.
   *
   * @param key the id column's type, e.g. {@code INTEGER PRIMARY KEY}
   * @param text the text columns' type, e.g. {@code TEXT}
   */
  public static void create(Connection c, String key, String text, int rows) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customer (id " + key + ", email " + text + ", sku " + text + ", last_ip " + text + ")");
      s.execute("CREATE TABLE audit (id " + key + ", note " + text + ")");
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO customer VALUES (?, ?, ?, ?)");
        PreparedStatement a = c.prepareStatement("INSERT INTO audit VALUES (?, ?)")) {
      for (int i = 1; i <= rows; i++) {
        p.setInt(1, i);
        p.setString(2, "user" + i + "@example.com");
        p.setString(3, "SKU-" + (1000 + i));
        p.setString(4, "203.0.113." + i);
        p.executeUpdate();
        a.setInt(1, i);
        a.setString(2, "heartbeat " + i);
        a.executeUpdate();
      }
    }
  }
}
