package dev.lagotto.agent.key;

import dev.lagotto.core.finding.Fingerprinter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the site fingerprint key (DESIGN.md §6), first match wins: the environment variable
 * {@value #ENV} (hex if it is only hex digits of even length, else base64), the {@code --key-file} (raw
 * bytes, or hex text as written by {@code xxd -p}), else {@code HOME/.lagotto/key}, created once with
 * {@value #GENERATED_BYTES} random bytes, mode 0600 in a directory of mode 0700. The central server keeps
 * its key in {@code DATA/}{@value #SITE_KEY_FILE} the same way ({@link #loadOrCreate}) and agents store the
 * enrolled copy under the same name. Errors are {@link KeyException}s naming the variable or file, never the
 * key. Thread-safe (stateless); creation is safe against two processes creating the key at once (the first
 * one's key wins, the other reads it).
 */
public final class SiteKeys {
  public static final String ENV = "LAGOTTO_KEY";
  public static final int GENERATED_BYTES = 32;
  public static final String DIR = ".lagotto";
  public static final String FILE = "key";
  /** File name of the key in the server's data directory and in an agent's state directory. */
  public static final String SITE_KEY_FILE = "site.key";
  /** Hex digits of {@link #keyId}. */
  public static final int KEY_ID_DIGITS = 16;
  private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");

  private SiteKeys() {}

  /** The key from {@code env}, else {@code keyFile} (may be null), else the default file under {@code home}. */
  public static SiteKey resolve(Map<String, String> env, Path keyFile, Path home) throws KeyException {
    String value = env.get(ENV);
    if (value != null && !value.isBlank()) {
      return fromText(value.strip(), ENV);
    }
    if (keyFile != null) {
      return fromFile(keyFile, "--key-file " + keyFile);
    }
    return loadOrCreate(home.resolve(DIR).resolve(FILE));
  }

  /** The server's key in {@code dataDir}, created when missing; an unusable file is an {@link IOException}. */
  public static byte[] serverKey(Path dataDir) throws IOException {
    try {
      return loadOrCreate(dataDir.resolve(SITE_KEY_FILE)).bytes();
    } catch (KeyException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** A short public identifier of a key (first {@value #KEY_ID_DIGITS} hex digits of its SHA-256), to compare keys safely. */
  public static String keyId(byte[] key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, KEY_ID_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static SiteKey fromText(String text, String what) throws KeyException {
    byte[] bytes;
    String encoding;
    if (HEX.matcher(text).matches()) {
      bytes = HexFormat.of().parseHex(text);
      encoding = "hex";
    } else {
      try {
        bytes = text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        encoding = "base64";
      } catch (IllegalArgumentException e) {
        throw new KeyException(what + " is neither hex nor base64");
      }
    }
    return checked(bytes, what + " (" + encoding + ")");
  }

  private static SiteKey fromFile(Path file, String what) throws KeyException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new KeyException(what + ": no such file");
    } catch (IOException e) {
      throw new KeyException(what + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
    String text = new String(content, StandardCharsets.ISO_8859_1).replaceAll("\\s", "");
    if (text.length() >= 2 * Fingerprinter.MIN_KEY_BYTES && HEX.matcher(text).matches()) {
      return checked(HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT)), what + " (hex)");
    }
    return checked(content, what + " (raw)");
  }

  private static SiteKey checked(byte[] bytes, String origin) throws KeyException {
    if (bytes.length < Fingerprinter.MIN_KEY_BYTES) {
      throw new KeyException(origin + " gives a key of " + bytes.length + " bytes; at least "
          + Fingerprinter.MIN_KEY_BYTES + " are needed");
    }
    return new SiteKey(bytes, origin);
  }

  /**
   * The key in {@code file} (raw bytes or hex text), created with {@value #GENERATED_BYTES} random bytes when
   * missing (mode 0600; missing directories 0700).
   */
  public static SiteKey loadOrCreate(Path file) throws KeyException {
    if (Files.exists(file)) {
      return fromFile(file, file.toString());
    }
    byte[] key = new byte[GENERATED_BYTES];
    new SecureRandom().nextBytes(key);
    Path dir = file.getParent();
    Path tmp = null;
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      tmp = Files.createTempFile(dir, FILE, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (SeekableByteChannel ch = Files.newByteChannel(tmp, EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.SYNC))) {
        ch.write(ByteBuffer.wrap(key));
      }
      Files.createLink(file, tmp);
      return new SiteKey(key, file.toString(), true);
    } catch (FileAlreadyExistsException e) {
      return fromFile(file, file.toString());
    } catch (IOException | UnsupportedOperationException e) {
      throw new KeyException(file + ": cannot create the key file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // a stray temporary file holds a key nobody uses; nothing else to do
        }
      }
    }
  }
}
