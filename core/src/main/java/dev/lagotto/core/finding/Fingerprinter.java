package dev.lagotto.core.finding;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a normalised value under the site key, as lower-case hex. The same value gives the same
 * fingerprint on every host that shares the key. Thread-safe (a {@link Mac} per call; cost: one HMAC).
 */
public final class Fingerprinter {
  public static final int MIN_KEY_BYTES = 16;
  private final SecretKeySpec key;

  public Fingerprinter(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("fingerprint key has " + key.length + " bytes; at least " + MIN_KEY_BYTES + " needed");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** The fingerprint of an already normalised value. */
  public String fingerprint(String normalised) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
