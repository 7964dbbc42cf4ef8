package dev.lagotto.agent.client;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --server}, {@code --token} and {@code --token-file} options shared by the commands that call
 * the central index. Defaults come from {@value #SERVER_ENV} and {@value #TOKEN_ENV}, so that a token need
 * not appear on the command line.
 */
public final class ServerOptions {
  public static final String SERVER_ENV = "LAGOTTO_SERVER";
  public static final String TOKEN_ENV = "LAGOTTO_TOKEN";
  public static final String DEFAULT_SERVER = "http://127.0.0.1:8470";

  @Option(names = "--server", paramLabel = "URL", description = "The central index (default: $" + SERVER_ENV + ", else " + DEFAULT_SERVER + ").")
  String server;

  @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token (default: --token-file, else $" + TOKEN_ENV + ").")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bearer token.")
  Path tokenFile;

  /** The server URL chosen; throws {@link IllegalArgumentException} with a message naming the option. */
  public URI url(Map<String, String> env) {
    String text = server != null ? server : env.getOrDefault(SERVER_ENV, DEFAULT_SERVER);
    try {
      URI u = new URI(text.strip());
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new IllegalArgumentException("--server " + text + ": must be an http:// or https:// URL");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--server " + text + ": not a URL");
    }
  }

  /** The token chosen; throws {@link IllegalArgumentException} when there is none. */
  public String token(Map<String, String> env) {
    if (token != null && tokenFile != null) {
      throw new IllegalArgumentException("give --token or --token-file, not both");
    }
    String t = token;
    if (t == null && tokenFile != null) {
      try {
        t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("--token-file " + tokenFile + ": cannot read (" + e.getClass().getSimpleName() + ")");
      }
    }
    if (t == null) {
      t = env.get(TOKEN_ENV);
    }
    if (t == null || t.isBlank()) {
      throw new IllegalArgumentException("no token: give --token, --token-file or set " + TOKEN_ENV);
    }
    return t.strip();
  }

  /** A client for these options. */
  public ServerClient client(Map<String, String> env) {
    return new ServerClient(url(env), token(env), ServerClient.DEFAULT_TIMEOUT);
  }
}
