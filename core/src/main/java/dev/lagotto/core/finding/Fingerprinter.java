package dev.lagotto.core.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) of a normalised value under the site key, as lower-case hex. The same value gives the
 * same fingerprint on every host that shares the key. The SHA-256 states after the key's inner and outer pad
 * blocks are computed once; a fingerprint copies them and hashes only the value and the inner hash: two
 * SHA-256 compressions for a value under 56 bytes, where {@link javax.crypto.Mac} hashes four (it absorbs both
 * pad blocks again for every value). Thread-safe: the pad states are per thread (a {@link MessageDigest} is
 * not thread-safe); memory: two digests per thread that ever fingerprinted with this instance.
 */
public final class Fingerprinter {
  public static final int MIN_KEY_BYTES = 16;
  private static final String HASH = "SHA-256";
  /** SHA-256's block: a longer key is hashed first (RFC 2104 §2). */
  private static final int BLOCK_BYTES = 64;
  private static final byte INNER_PAD = 0x36;
  private static final byte OUTER_PAD = 0x5c;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final byte[] blockKey;
  private final ThreadLocal<Pads> pads = ThreadLocal.withInitial(this::newPads);

  public Fingerprinter(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("fingerprint key has " + key.length + " bytes; at least " + MIN_KEY_BYTES + " needed");
    }
    byte[] k = key.length > BLOCK_BYTES ? sha256().digest(key) : key;
    this.blockKey = Arrays.copyOf(k, BLOCK_BYTES);
  }

  /** The fingerprint of an already normalised value. */
  public String fingerprint(String normalised) {
    Pads p = pads.get();
    MessageDigest inner = p.copy(p.inner);
    inner.update(normalised.getBytes(StandardCharsets.UTF_8));
    MessageDigest outer = p.copy(p.outer);
    outer.update(inner.digest());
    return hex(outer.digest());
  }

  /** The digests of one thread, each holding the state after its pad block. */
  private record Pads(MessageDigest inner, MessageDigest outer) {
    MessageDigest copy(MessageDigest padded) {
      try {
        return (MessageDigest) padded.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(HASH + " of provider " + padded.getProvider().getName() + " cannot be copied", e);
      }
    }
  }

  private Pads newPads() {
    return new Pads(padded(INNER_PAD), padded(OUTER_PAD));
  }

  /** A digest that has absorbed the block key XOR {@code pad}. */
  private MessageDigest padded(byte pad) {
    byte[] block = new byte[BLOCK_BYTES];
    for (int i = 0; i < BLOCK_BYTES; i++) {
      block[i] = (byte) (blockKey[i] ^ pad);
    }
    MessageDigest md = sha256();
    md.update(block);
    return md;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance(HASH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(HASH + " unavailable", e);
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
