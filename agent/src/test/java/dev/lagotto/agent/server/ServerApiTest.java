package dev.lagotto.agent.server;

import static dev.lagotto.agent.server.ServerFixture.START;
import static dev.lagotto.agent.server.ServerFixture.enc;
import static dev.lagotto.agent.server.ServerFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerApiTest {
  static final String ALICE = "alice@example.com";
  static final String BOB = "bob@example.org";
  static final String IP = "203.0.113.7";

  @TempDir Path dir;
  ServerFixture f;

  @BeforeEach
  void start() throws IOException {
    f = new ServerFixture(dir, b -> b.maxBatchBytes(64 * 1024));
  }

  @AfterEach
  void stop() throws IOException {
    f.close();
  }

  /** Two hosts: web-01 logs alice twice in one file and bob once; db-02 has alice and an IP. */
  private void ingestTwoHosts() {
    String web = String.join("\n",
        f.finding("web-01", "/var/log/app.log", Category.EMAIL, ALICE, 12, 3, START.minusSeconds(3600)),
        f.finding("web-01", "/var/log/app.log", Category.EMAIL, ALICE, 40, 2, START.minusSeconds(60)),
        f.finding("web-01", "/var/log/app.log", Category.EMAIL, BOB, 7, 1, START.minusSeconds(600)));
    String db = String.join("\n",
        f.finding("DB-02", "/srv/dump.sql", Category.EMAIL, "Alice@Example.com", 3, 5, START.minusSeconds(120)),
        f.finding("db-02", "/srv/dump.sql", Category.IPV4, IP, 4, 1, START.minusSeconds(120)));
    assertThat(json(f.ingest("web-1", web + "\n")).get("status").asText()).isEqualTo("applied");
    JsonNode second = json(f.ingest("db-1", db));
    assertThat(second.get("status").asText()).isEqualTo("applied");
    assertThat(second.get("findings").asInt()).isEqualTo(2);
  }

  @Test
  void ingestSearchFacetsAndSubjectAcrossTwoHosts() {
    ingestTwoHosts();

    JsonNode all = f.search("");
    assertThat(all.get("total").asLong()).isEqualTo(4);

    JsonNode alice = f.search("category:email AND host:web-01 AND count:[5 TO *]");
    assertThat(alice.get("total").asLong()).isEqualTo(1);
    JsonNode hit = alice.get("hits").get(0);
    assertThat(hit.get("count").asLong()).isEqualTo(5);
    assertThat(hit.get("first_line").asLong()).isEqualTo(12);
    assertThat(hit.get("last_line").asLong()).isEqualTo(40);
    assertThat(hit.get("first_seen").asText()).isEqualTo(START.minusSeconds(3660).toString());
    assertThat(hit.get("last_seen").asText()).isEqualTo(START.minusSeconds(60).toString());
    assertThat(hit.get("masked").asText()).doesNotContain(ALICE);
    assertThat(hit.toString()).doesNotContain(ALICE);

    assertThat(f.search("host:DB-02").get("total").asLong()).as("host is case-insensitive").isEqualTo(2);
    assertThat(f.search("path:\\/srv\\/*").get("total").asLong()).isEqualTo(2);
    assertThat(f.search("confidence:[0.95 TO 1]").get("total").asLong()).isZero();
    assertThat(f.search("confidence:[0.85 TO 1]").get("total").asLong()).isEqualTo(4);
    assertThat(f.search("last_seen:[\"" + START.minusSeconds(300) + "\" TO *]").get("total").asLong()).isEqualTo(3);
    assertThat(f.search("last_seen:[now-5m TO now]").get("total").asLong()).isEqualTo(3);
    assertThat(f.search("last_seen:[now-1h TO now]").get("total").asLong()).isEqualTo(4);
    assertThat(f.search("last_seen:2026-06-01").get("total").asLong()).isEqualTo(4);
    assertThat(f.search("kind:file AND NOT category:ipv4").get("total").asLong()).isEqualTo(3);
    assertThat(f.search("dump.sql").get("total").asLong()).as("default full-text field").isEqualTo(2);

    JsonNode sorted = json(f.get("/api/v1/search?q=*:*&sort=-count&size=2&page=0", f.tokens.get(Role.ANALYST)));
    assertThat(sorted.get("hits")).hasSize(2);
    assertThat(sorted.get("hits").get(0).get("count").asLong()).isEqualTo(5);
    JsonNode page1 = json(f.get("/api/v1/search?q=*:*&sort=-count&size=2&page=1", f.tokens.get(Role.ANALYST)));
    assertThat(page1.get("hits").get(1).get("count").asLong()).isEqualTo(1);

    JsonNode facets = json(f.get("/api/v1/facets", f.tokens.get(Role.ANALYST)));
    assertThat(facets.get("category").get("email").asLong()).isEqualTo(3);
    assertThat(facets.get("category").get("ipv4").asLong()).isEqualTo(1);
    assertThat(facets.get("host").get("web-01").asLong()).isEqualTo(2);
    assertThat(facets.get("host").get("db-02").asLong()).isEqualTo(2);
    assertThat(facets.get("kind").get("file").asLong()).isEqualTo(4);
    JsonNode filtered = json(f.get("/api/v1/facets?q=" + enc("host:db-02"), f.tokens.get(Role.ANALYST)));
    assertThat(filtered.get("category").get("email").asLong()).isEqualTo(1);

    JsonNode subject = json(f.get("/api/v1/subject?value=" + enc(" ALICE@example.com "), f.tokens.get(Role.ANALYST)));
    assertThat(subject.get("categories").toString()).contains("email");
    assertThat(subject.get("exposures")).hasSize(2);
    assertThat(subject.get("total_count").asLong()).isEqualTo(10);
    assertThat(subject.get("hosts").get("web-01").asLong()).isEqualTo(5);
    assertThat(subject.get("hosts").get("db-02").asLong()).isEqualTo(5);
    assertThat(subject.get("sources").toString()).contains("file:///var/log/app.log", "file:///srv/dump.sql");

    JsonNode posted = json(f.post("/api/v1/subject", f.tokens.get(Role.ANALYST), null,
        ("{\"value\":\"" + ALICE + "\",\"category\":\"email\"}").getBytes(StandardCharsets.UTF_8), false));
    assertThat(posted.get("categories").toString()).isEqualTo("[\"email\"]");
    assertThat(posted.get("total_count").asLong()).isEqualTo(10);

    JsonNode ip = json(f.get("/api/v1/subject?value=" + enc(IP), f.tokens.get(Role.ANALYST)));
    assertThat(ip.get("exposures")).hasSize(1);
    assertThat(ip.get("exposures").get(0).get("category").asText()).isEqualTo("ipv4");
    JsonNode nobody = json(f.get("/api/v1/subject?value=" + enc("carol@example.net"), f.tokens.get(Role.ANALYST)));
    assertThat(nobody.get("exposures")).isEmpty();
  }

  @Test
  void badQueriesAndSortsAre400WithReason() {
    ingestTwoHosts();
    HttpResponse<String> r = f.get("/api/v1/search?q=" + enc("nosuchfield:x"), f.tokens.get(Role.ANALYST));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("unknown field 'nosuchfield'");
    assertThat(f.get("/api/v1/search?q=" + enc("category:(email"), f.tokens.get(Role.ANALYST)).statusCode()).isEqualTo(400);
    assertThat(f.get("/api/v1/search?q=" + enc("confidence:high"), f.tokens.get(Role.ANALYST)).statusCode()).isEqualTo(400);
    assertThat(f.get("/api/v1/search?sort=masked", f.tokens.get(Role.ANALYST)).body()).contains("cannot sort on 'masked'");
    assertThat(f.get("/api/v1/search?size=5000", f.tokens.get(Role.ANALYST)).statusCode()).isEqualTo(400);
    assertThat(f.get("/api/v1/export?format=xml", f.tokens.get(Role.ANALYST)).statusCode()).isEqualTo(400);
    assertThat(f.get("/api/v1/nothing", f.tokens.get(Role.ADMIN)).statusCode()).isEqualTo(404);
    assertThat(f.request("PUT", "/api/v1/search", f.tokens.get(Role.ADMIN)).statusCode()).isEqualTo(405);
  }

  @Test
  void malformedLineRejectsTheWholeBatchWithItsLineNumber() {
    String good = f.finding("web-01", "/var/log/a.log", Category.EMAIL, ALICE, 1, 1, START);
    List<String[]> cases = List.of(
        new String[] {"{not json", "line 3: not a valid JSON object"},
        new String[] {good.replace("\"masked\"", "\"value\":\"" + ALICE + "\",\"masked\""), "line 3: field 'value' is not accepted"},
        new String[] {good.replace("\"location\":{", "\"location\":{\"value\":\"x\","), "line 3: field 'value' is not accepted"},
        new String[] {good.replace("\"category\":\"email\"", "\"category\":\"shoe_size\""), "line 3: field 'category'"},
        new String[] {good.replace("\"confidence\":0.9", "\"confidence\":1.5"), "line 3: field 'confidence'"},
        new String[] {good.replace("\"count\":1", "\"count\":-1"), "line 3: field 'count'"},
        new String[] {good.replace("\"count\":1", "\"count\":1,\"colour\":\"red\""), "line 3: unknown field 'colour'"},
        new String[] {good.replace("\"host\":\"web-01\"", "\"hst\":\"web-01\""), "line 3: unknown field 'source.hst'"},
        new String[] {good.replace(f.fingerprint(Category.EMAIL, ALICE), "ABC"), "line 3: field 'fingerprint'"},
        new String[] {good.replace("\"last_seen\":\"" + START, "\"last_seen\":\"" + START.plusSeconds(3 * 86400)), "in the future"},
        new String[] {good.replace("\"first_seen\":\"" + START.minusSeconds(60), "\"first_seen\":\"" + START.plusSeconds(60)), "after 'last_seen'"},
        new String[] {"[1,2]", "line 3: not a JSON object"},
        new String[] {good.replace("\"type\":\"finding\"", "\"type\":\"secret\""), "line 3: unknown type"});
    for (String[] c : cases) {
      String body = good + "\n" + f.finding("web-02", "/var/log/b.log", Category.EMAIL, BOB, 2, 1, START) + "\n" + c[0] + "\n" + good;
      HttpResponse<String> r = f.ingest(null, body);
      assertThat(r.statusCode()).as(c[1]).isEqualTo(400);
      assertThat(r.body()).as(c[1]).contains(c[1]);
      assertThat(ServerFixture.body(r).get("line").asInt()).isEqualTo(3);
      assertThat(r.body()).as("never echoes a value").doesNotContain(ALICE);
    }
    assertThat(f.search("").get("total").asLong()).as("nothing applied").isZero();
    JsonNode summary = json(f.ingest(null, good + "\n{\"type\":\"summary\",\"sources\":1}\n\n"));
    assertThat(summary.get("findings").asInt()).isEqualTo(1);
  }

  @Test
  void oversizedBatchIs413AndNothingApplied() {
    StringBuilder big = new StringBuilder();
    int n = 0;
    while (big.length() < 80 * 1024) {
      big.append(f.finding("web-01", "/var/log/app.log", Category.EMAIL, "user" + n + "@example.com", n + 1, 1, START)).append('\n');
      n++;
    }
    byte[] plain = big.toString().getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = f.post("/api/v1/findings", f.tokens.get(Role.AGENT), "big", plain, false);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("larger than 65536 bytes");
    byte[] compressed = ServerFixture.gzip(plain);
    assertThat(compressed.length).isLessThan(64 * 1024);
    HttpResponse<String> bomb = f.post("/api/v1/findings", f.tokens.get(Role.AGENT), "big-gz", compressed, true);
    assertThat(bomb.statusCode()).as("decoded size is limited too").isEqualTo(413);
    assertThat(f.search("").get("total").asLong()).isZero();
  }

  @Test
  void gzipBatchIsAcceptedAndCorruptGzipIs400() {
    String body = f.finding("web-01", "/var/log/app.log", Category.EMAIL, ALICE, 1, 4, START) + "\n";
    HttpResponse<String> r = f.post("/api/v1/findings", f.tokens.get(Role.AGENT), "gz-1",
        ServerFixture.gzip(body.getBytes(StandardCharsets.UTF_8)), true);
    assertThat(json(r).get("status").asText()).isEqualTo("applied");
    assertThat(f.search("category:email").get("hits").get(0).get("count").asLong()).isEqualTo(4);
    HttpResponse<String> corrupt = f.post("/api/v1/findings", f.tokens.get(Role.AGENT), "gz-2",
        body.getBytes(StandardCharsets.UTF_8), true);
    assertThat(corrupt.statusCode()).isEqualTo(400);
    assertThat(corrupt.body()).contains("gzip");
  }

  @Test
  void exportStreamsCsvAndJsonl() throws IOException {
    ingestTwoHosts();
    HttpResponse<String> jsonl = f.get("/api/v1/export?format=jsonl&q=" + enc("category:email"), f.tokens.get(Role.ANALYST));
    assertThat(jsonl.statusCode()).isEqualTo(200);
    assertThat(jsonl.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-ndjson"));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : jsonl.body().split("\n")) {
      lines.add(ServerFixture.JSON.readTree(line));
    }
    assertThat(lines).hasSize(3);
    assertThat(lines).extracting(l -> l.get("category").asText()).containsOnly("email");
    assertThat(lines.stream().mapToLong(l -> l.get("count").asLong()).sum()).isEqualTo(11);

    HttpResponse<String> csv = f.get("/api/v1/export?format=csv", f.tokens.get(Role.ANALYST));
    String[] rows = csv.body().split("\r\n");
    assertThat(rows).hasSize(5);
    assertThat(rows[0]).startsWith("id,host,kind,uri,entry,table,column,category,rule,fingerprint,masked,count,");
    assertThat(csv.body()).contains(",db-02,file,file:///srv/dump.sql,,,,ipv4,ipv4,");
    assertThat(csv.body()).doesNotContain(ALICE).doesNotContain(IP);

    HttpResponse<String> none = f.get("/api/v1/export?format=csv&q=" + enc("host:nowhere"), f.tokens.get(Role.ANALYST));
    assertThat(none.body().split("\r\n")).hasSize(1);
    assertThat(f.get("/api/v1/export?q=" + enc("bad:field"), f.tokens.get(Role.ANALYST)).statusCode()).isEqualTo(400);
    assertThat(Api.csvCell("=cmd()")).isEqualTo("'=cmd()");
    assertThat(Api.csvCell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
  }

  @Test
  void deleteHostRemovesOnlyThatHost() {
    ingestTwoHosts();
    JsonNode r = json(f.request("DELETE", "/api/v1/hosts/WEB-01", f.tokens.get(Role.ADMIN)));
    assertThat(r.get("deleted").asLong()).isEqualTo(2);
    assertThat(f.search("host:web-01").get("total").asLong()).isZero();
    assertThat(f.search("host:db-02").get("total").asLong()).isEqualTo(2);
    assertThat(json(f.request("DELETE", "/api/v1/hosts/web-01", f.tokens.get(Role.ADMIN))).get("deleted").asLong()).isZero();
  }

  @Test
  void enrollReturnsTheSiteKeyAndMetricsCount() {
    JsonNode enrol = json(f.post("/api/v1/enroll", f.tokens.get(Role.AGENT), null, new byte[0], false));
    assertThat(java.util.Base64.getDecoder().decode(enrol.get("key").asText())).isEqualTo(f.siteKey);
    assertThat(enrol.get("key_id").asText()).isEqualTo(SiteKeys.keyId(f.siteKey));
    ingestTwoHosts();
    f.ingest("web-1", "{\"type\":\"summary\"}");
    f.ingest("bad", "{");
    String metrics = f.get("/metrics", f.tokens.get(Role.ANALYST)).body();
    assertThat(metrics).contains("lagotto_batches_total{result=\"applied\"} 2",
        "lagotto_batches_total{result=\"duplicate\"} 1", "lagotto_batches_total{result=\"rejected\"} 1",
        "lagotto_findings_total 5", "lagotto_index_docs 4", "lagotto_errors_total 0");
    assertThat(metrics).containsPattern("lagotto_index_size_bytes [1-9][0-9]*");
  }
}
