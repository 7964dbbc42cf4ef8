package dev.lagotto.core.finding;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a normalised value under the site key, as lower-case hex. The same value gives the same
 * fingerprint on every host that shares the key. Thread-safe: each thread gets its own {@link Mac}, keyed once
 * and reset by every {@link Mac#doFinal}, so a call costs one HMAC and no provider look-up or key schedule.
 * Memory: one {@link Mac} per thread that ever fingerprinted with this instance.
 */
public final class Fingerprinter {
  public static final int MIN_KEY_BYTES = 16;
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public Fingerprinter(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("fingerprint key has " + key.length + " bytes; at least " + MIN_KEY_BYTES + " needed");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** The fingerprint of an already normalised value. */
  public String fingerprint(String normalised) {
    return hex(macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
  }

  /** A {@link Mac} keyed with the site key, for the calling thread. */
  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " unavailable", e);
    }
  }

  /** Lower-case hex of {@code bytes}. */
  private static String hex(byte[] bytes) {
    byte[] out = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }
}
