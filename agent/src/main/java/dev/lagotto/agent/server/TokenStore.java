package dev.lagotto.agent.server;

import dev.lagotto.agent.support.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens and their roles, stored hashed in the file {@code tokens} of the data directory (mode
 * 0600), one line per token: {@code <sha256-hex of the token> <role> <created ISO-8601>}. A token is
 * {@code lgt_} followed by {@link #TOKEN_BYTES} random bytes in base64url; it is shown once at creation
 * and never stored. The file is re-read when a presented token is unknown and the file changed, so tokens
 * created while the server runs work at once. Thread-safe.
 */
public final class TokenStore {
  public static final String FILE_NAME = "tokens";
  public static final int TOKEN_BYTES = 32;
  public static final String PREFIX = "lgt_";

  private final Path file;
  private final Clock clock;
  private volatile Map<String, Role> byHash = Map.of();
  private volatile FileTime loadedVersion;

  private TokenStore(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** The token store of a data directory (the file need not exist yet). */
  public static TokenStore open(Path dataDir, Clock clock) throws IOException {
    TokenStore store = new TokenStore(dataDir.resolve(FILE_NAME), clock);
    store.reload();
    return store;
  }

  /** Creates a token with a role, stores its hash durably, and returns the token (shown once). */
  public synchronized String create(Role role) throws IOException {
    byte[] random = new byte[TOKEN_BYTES];
    new SecureRandom().nextBytes(random);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    StringBuilder content = new StringBuilder();
    lines.forEach(l -> content.append(l).append('\n'));
    content.append(hash(token)).append(' ').append(role.id()).append(' ').append(clock.instant()).append('\n');
    DurableFiles.createPrivateDirectory(file.getParent());
    DurableFiles.writeAtomically(file, content.toString().getBytes(StandardCharsets.UTF_8));
    reload();
    return token;
  }

  /** The role of a presented token, if it is known. Cost: one SHA-256, plus a file read when unknown. */
  public Optional<Role> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 128) {
      return Optional.empty();
    }
    String hash = hash(token);
    Role role = byHash.get(hash);
    if (role == null && changed()) {
      try {
        reload();
      } catch (IOException e) {
        return Optional.empty();
      }
      role = byHash.get(hash);
    }
    return Optional.ofNullable(role);
  }

  private boolean changed() {
    try {
      FileTime now = Files.getLastModifiedTime(file);
      return !now.equals(loadedVersion);
    } catch (IOException e) {
      return false;
    }
  }

  private synchronized void reload() throws IOException {
    Map<String, Role> map = new HashMap<>();
    List<String> lines;
    FileTime version;
    try {
      version = Files.getLastModifiedTime(file);
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      byHash = Map.of();
      loadedVersion = null;
      return;
    }
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.strip().split(" ");
      Optional<Role> role = parts.length >= 2 ? Role.fromId(parts[1]) : Optional.empty();
      if (parts[0].length() != 64 || role.isEmpty()) {
        throw new IOException(file + " line " + number + ": expected '<sha256-hex> <agent|analyst|admin> <created>'");
      }
      map.put(parts[0], role.get());
    }
    byHash = Map.copyOf(map);
    loadedVersion = version;
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
