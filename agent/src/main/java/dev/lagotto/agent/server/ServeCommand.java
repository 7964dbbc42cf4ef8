package dev.lagotto.agent.server;

import dev.lagotto.agent.cli.ExitCodes;
import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.agent.server.store.LuceneExposureStore;
import dev.lagotto.agent.support.DurableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lagotto serve}: runs the central index until the process is stopped (SIGTERM/SIGINT close it
 * cleanly; a kill loses nothing acknowledged). Prints {@code lagotto serve: listening on URL} on stdout
 * once bound, with the real port when {@code --listen} gives port 0. Data directory layout: {@code index/}
 * (Lucene), {@code tokens} and {@code site.key} (mode 0600).
 */
@Command(
    name = ServeCommand.NAME,
    mixinStandardHelpOptions = true,
    description = "Run the central index: HTTP API for agents and analysts, on an embedded Lucene index.",
    subcommands = {ServeCommand.TokenCommand.class})
public final class ServeCommand implements Callable<Integer> {
  public static final String NAME = "serve";
  public static final String DEFAULT_DATA = "lagotto-data";

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ./${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_DATA)
  Path data;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Address to bind (default: ${DEFAULT-VALUE}; port 0 picks a free port).",
      defaultValue = "127.0.0.1:" + LagottoServer.DEFAULT_PORT)
  String listen;

  @Option(names = "--retention-days", paramLabel = "N",
      description = "Purge exposures not seen for N days (default: keep forever).")
  Integer retentionDays;

  @Option(names = "--purge-interval-minutes", paramLabel = "N", defaultValue = "60",
      description = "How often the retention purge runs (default: ${DEFAULT-VALUE}).")
  int purgeMinutes;

  @Option(names = "--max-batch-bytes", paramLabel = "N", defaultValue = "" + LagottoServer.DEFAULT_MAX_BATCH_BYTES,
      description = "Largest finding batch accepted, sent or decoded (default: ${DEFAULT-VALUE}).")
  long maxBatchBytes;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "" + LagottoServer.DEFAULT_THREADS,
      description = "HTTP worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS with this PKCS#12 keystore.")
  Path keystore;

  @Option(names = "--tls-password-env", paramLabel = "VAR", defaultValue = "LAGOTTO_TLS_PASSWORD",
      description = "Environment variable holding the keystore password (default: ${DEFAULT-VALUE}).")
  String keystorePasswordEnv;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    int colon = listen.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      port = -1;
    }
    if (colon <= 0 || port < 0 || port > 65535) {
      err.println("lagotto serve: --listen must be HOST:PORT, got '" + listen + "'");
      return ExitCodes.USAGE;
    }
    String host = listen.substring(0, colon).replace("[", "").replace("]", "");
    if (retentionDays != null && retentionDays < 1) {
      err.println("lagotto serve: --retention-days must be at least 1, got " + retentionDays);
      return ExitCodes.USAGE;
    }
    if (purgeMinutes < 1 || threads < 1 || maxBatchBytes < 1) {
      err.println("lagotto serve: --purge-interval-minutes, --threads and --max-batch-bytes must be positive");
      return ExitCodes.USAGE;
    }
    SSLContext tls = null;
    if (keystore != null) {
      String password = System.getenv(keystorePasswordEnv);
      if (password == null) {
        err.println("lagotto serve: --tls-keystore needs the password in $" + keystorePasswordEnv);
        return ExitCodes.USAGE;
      }
      try {
        tls = sslContext(keystore, password.toCharArray());
      } catch (IOException | GeneralSecurityException e) {
        err.println("lagotto serve: cannot load keystore " + keystore + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    DurableFiles.createPrivateDirectory(data);
    Clock clock = Clock.systemUTC();
    LuceneExposureStore store = LuceneExposureStore.open(data.resolve("index"), clock);
    LagottoServer server;
    try {
      server = LagottoServer.builder()
          .listen(host, port)
          .store(store)
          .tokens(TokenStore.open(data, clock))
          .siteKey(SiteKeys.serverKey(data))
          .clock(clock)
          .threads(threads)
          .maxBatchBytes(maxBatchBytes)
          .retention(retentionDays == null ? null : Duration.ofDays(retentionDays))
          .purgeInterval(Duration.ofMinutes(purgeMinutes))
          .tls(tls)
          .start();
    } catch (IOException | RuntimeException e) {
      store.close();
      err.println("lagotto serve: cannot start on " + listen + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Thread hook = new Thread(() -> {
      try {
        server.close();
      } catch (IOException e) {
        System.err.println("lagotto serve: close failed: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "lagotto-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("lagotto serve: listening on " + server.url() + " (data " + data.toAbsolutePath() + ")");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  static SSLContext sslContext(Path keystore, char[] password) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  /** {@code lagotto serve token ...}: manages bearer tokens. */
  @Command(name = "token", mixinStandardHelpOptions = true, description = "Manage bearer tokens.",
      subcommands = {CreateToken.class})
  static final class TokenCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      return ExitCodes.USAGE;
    }
  }

  /** {@code lagotto serve token create --role R [--data DIR]}: prints a new token, once. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a bearer token with a role (agent, analyst, admin) and print it once.")
  static final class CreateToken implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "agent, analyst or admin.")
    String role;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
        description = "Data directory of the server (default: ./${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws IOException {
      var parsed = Role.fromId(role);
      if (parsed.isEmpty()) {
        spec.commandLine().getErr().println("lagotto serve token create: --role must be agent, analyst or admin, got '" + role + "'");
        return ExitCodes.USAGE;
      }
      String token = TokenStore.open(data, Clock.systemUTC()).create(parsed.get());
      spec.commandLine().getOut().println(token);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
