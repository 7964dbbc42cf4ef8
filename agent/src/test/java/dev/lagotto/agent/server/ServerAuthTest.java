package dev.lagotto.agent.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint with no token, an unknown token, each role: 401, 403 or served. */
class ServerAuthTest {
  @TempDir static Path dir;
  static ServerFixture f;

  /** method, path, roles that may use it (admin always may). */
  record Endpoint(String method, String path, Set<Role> allowed) {}

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("POST", "/api/v1/findings", Set.of(Role.AGENT)),
      new Endpoint("POST", "/api/v1/enroll", Set.of(Role.AGENT)),
      new Endpoint("GET", "/api/v1/search?q=*:*", Set.of(Role.ANALYST)),
      new Endpoint("GET", "/api/v1/facets", Set.of(Role.ANALYST)),
      new Endpoint("GET", "/api/v1/subject?value=alice%40example.com", Set.of(Role.ANALYST)),
      new Endpoint("GET", "/api/v1/export?format=csv", Set.of(Role.ANALYST)),
      new Endpoint("GET", "/metrics", Set.of(Role.ANALYST)),
      new Endpoint("DELETE", "/api/v1/hosts/web-01", Set.of()));

  @BeforeAll
  static void start() throws IOException {
    f = new ServerFixture(dir);
  }

  @AfterAll
  static void stop() throws IOException {
    f.close();
  }

  @Test
  void everyEndpointButHealthNeedsATokenWithTheRightRole() {
    String finding = f.finding("web-01", "/var/log/a.log", dev.lagotto.core.rule.Category.EMAIL, "alice@example.com", 1, 1,
        ServerFixture.START);
    for (Endpoint e : ENDPOINTS) {
      assertThat(call(e, null).statusCode()).as("%s %s without token", e.method(), e.path()).isEqualTo(401);
      HttpResponse<String> unknown = call(e, TokenStore.PREFIX + "x".repeat(43));
      assertThat(unknown.statusCode()).as("%s %s unknown token", e.method(), e.path()).isEqualTo(401);
      assertThat(unknown.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(call(e, "not-even-a-token").statusCode()).isEqualTo(401);
      for (Role role : Role.values()) {
        boolean allowed = role == Role.ADMIN || e.allowed().contains(role);
        HttpResponse<String> r = e.path().equals("/api/v1/findings")
            ? f.post(e.path(), f.tokens.get(role), null, finding.getBytes(java.nio.charset.StandardCharsets.UTF_8), false)
            : call(e, f.tokens.get(role));
        assertThat(r.statusCode()).as("%s %s as %s: %s", e.method(), e.path(), role, r.body())
            .isEqualTo(allowed ? 200 : 403);
      }
    }
    HttpResponse<String> health = f.get("/healthz", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"ok\"");
  }

  @Test
  void aTokenCreatedWhileRunningWorksAtOnce() throws IOException {
    String fresh = TokenStore.open(dir, f.clock).create(Role.ANALYST);
    assertThat(f.get("/api/v1/facets", fresh).statusCode()).isEqualTo(200);
    assertThat(java.nio.file.Files.readString(dir.resolve(TokenStore.FILE_NAME))).doesNotContain(fresh)
        .contains(TokenStore.hash(fresh));
  }

  private static HttpResponse<String> call(Endpoint e, String token) {
    if (e.method().equals("POST")) {
      return f.post(e.path(), token, null, new byte[0], false);
    }
    return f.request(e.method(), e.path(), token);
  }
}
