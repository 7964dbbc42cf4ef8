package dev.lagotto.agent.server.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of an exposure: where (host, source, place inside it), what (category, rule) and whose
 * value (fingerprint). Two observations with equal keys are merged into one exposure document.
 *
 * @param host lower-case host name of the machine that scanned the source
 * @param uri the source, e.g. {@code file:///var/log/app.log} or {@code jdbc:postgresql://db1/shop}
 * @param entry path inside an archive, or {@code null}
 * @param table database table, or {@code null}
 * @param column database column, or {@code null}
 * @param category category id ({@code email}, ...)
 * @param rule rule id
 * @param fingerprint HMAC-SHA256 hex of the normalised value under the site key
 */
public record ExposureKey(
    String host, String uri, String entry, String table, String column, String category, String rule, String fingerprint) {

  public ExposureKey {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /**
   * The stable document id: SHA-256 (hex) of the length-prefixed key fields, so that no two different
   * keys can share an encoding. Cost: one SHA-256 over the key.
   */
  public String id() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (String part : new String[] {host, uri, entry, table, column, category, rule, fingerprint}) {
        if (part == null) {
          out.writeInt(-1);
        } else {
          byte[] utf8 = part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          out.writeInt(utf8.length);
          out.write(utf8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
