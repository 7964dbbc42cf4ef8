package dev.lagotto.agent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.agent.server.store.LuceneExposureStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS#12 keystore made by the JDK's keytool. */
class ServerTlsTest {
  static final char[] PASSWORD = "test-only-password".toCharArray();

  @TempDir Path dir;

  @Test
  void servesHttpsFromAKeystore() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "lagotto", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();

    Clock clock = Clock.systemUTC();
    String token = TokenStore.open(dir, clock).create(Role.ANALYST);
    try (LagottoServer server = LagottoServer.builder().listen("127.0.0.1", 0)
        .store(LuceneExposureStore.open(dir.resolve("index"), clock))
        .tokens(TokenStore.open(dir, clock))
        .siteKey(SiteKeys.serverKey(dir))
        .tls(ServeCommand.sslContext(keystore, PASSWORD))
        .start()) {
      assertThat(server.url()).startsWith("https://127.0.0.1:");
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/facets"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"category\"");
      HttpClient untrusting = HttpClient.newBuilder().build();
      assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(server.url() + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD);
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("lagotto", ks.getCertificate("lagotto"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
