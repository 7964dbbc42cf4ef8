package dev.lagotto.agent.server;

import dev.lagotto.agent.daemon.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The site fingerprint key (DESIGN.md §6): {@link #KEY_BYTES} random bytes in the file {@code site.key}
 * of the data directory (mode 0600), created once and never rotated by the server. Agents receive it at
 * enrolment so that every host fingerprints a value the same way.
 */
public final class SiteKey {
  public static final String FILE_NAME = "site.key";
  public static final int KEY_BYTES = 32;

  private SiteKey() {}

  /** The key in {@code dataDir}, created when missing. Not safe against two processes creating it at once. */
  public static byte[] loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      byte[] key = Files.readAllBytes(file);
      if (key.length != KEY_BYTES) {
        throw new IOException(file + " holds " + key.length + " bytes; a site key has " + KEY_BYTES);
      }
      return key;
    }
    DurableFiles.createPrivateDirectory(dataDir);
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    DurableFiles.writeAtomically(file, key);
    return key;
  }

  /** A short public identifier of a key (first 16 hex digits of its SHA-256), to compare keys safely. */
  public static String keyId(byte[] key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
