package dev.lagotto.benchmarks.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {
  private static final String TEXT = "ip 203.0.113.9 v 1.2.3.4 mail a@example.com x";

  private static Label at(String value, String category, Label.Kind kind) {
    int i = TEXT.indexOf(value);
    return new Label(i, value.length(), category, kind, null);
  }

  @Test
  void scoresTruePositivesFalsePositivesAndDecoys() {
    Labels labels = new Labels(List.of(
        at("203.0.113.9", "ipv4", Label.Kind.PLANTED),
        at("1.2.3.4", "version_4part", Label.Kind.DECOY),
        at("a@example.com", "email", Label.Kind.PLANTED)));
    Scorer s = new Scorer(TEXT.getBytes(StandardCharsets.UTF_8), labels, 5);
    s.finding("ipv4", "ipv4", TEXT.indexOf("203"), TEXT.indexOf("203") + 11);
    s.finding("ipv4", "ipv4", TEXT.indexOf("203"), TEXT.indexOf("203") + 5);
    s.finding("ipv4", "ipv4", TEXT.indexOf("1.2"), TEXT.indexOf("1.2") + 7);
    s.finding("ipv4", "ipv4", TEXT.indexOf("example"), TEXT.indexOf("example") + 7);
    s.finding("phone", "phone_nanp", 0, 2);
    AccuracyReport r = s.report(TEXT.length(), 0);

    Score ip = r.categories().get("ipv4");
    assertThat(ip.findings()).isEqualTo(4);
    assertThat(ip.truePositives()).isEqualTo(2);
    assertThat(ip.items()).isEqualTo(1);
    assertThat(ip.found()).isEqualTo(1);
    assertThat(ip.precision()).isEqualTo(0.5);
    assertThat(ip.recall()).isEqualTo(1.0);
    assertThat(r.categories().get("email").recall()).isZero();
    assertThat(r.categories().get("email").falseNegatives()).isEqualTo(1);
    assertThat(r.categories().get("phone").precision()).isZero();
    assertThat(r.decoys().get("version_4part")).isEqualTo(new AccuracyReport.DecoyCount(1, 1));
    assertThat(r.falsePositiveReasons().get("ipv4"))
        .containsEntry("decoy:version_4part", 1L).containsEntry("other:email", 1L);
    assertThat(r.falsePositiveReasons().get("phone")).containsEntry("unlabelled", 1L);
    assertThat(r.falsePositiveExamples().get("ipv4").get(0)).contains("[[1.2.3.4]]");
    assertThat(r.total().findings()).isEqualTo(5);
    assertThat(r.toMarkdown()).contains("| ipv4 | 1 | 1 | 4 | 2 | 2 | 0 | 0.500 | 1.000 | 0.667 |");
  }

  @Test
  void readsLabelsAndRejectsUnknownFields(@TempDir Path dir) throws IOException {
    Path ok = dir.resolve("ok.jsonl");
    Files.writeString(ok, "{\"offset\":5,\"length\":3,\"category\":\"oid\",\"kind\":\"decoy\",\"line\":1}\n"
        + "{\"offset\":0,\"length\":2,\"category\":\"email\",\"kind\":\"planted\",\"line\":1,\"sub\":\"x\"}\n");
    Labels labels = Labels.read(ok);
    assertThat(labels.all()).extracting(Label::offset).containsExactly(0L, 5L);
    assertThat(labels.all().get(0).sub()).isEqualTo("x");
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"offset\":0,\"length\":2,\"category\":\"email\",\"kind\":\"planted\",\"colour\":1}\n");
    assertThatThrownBy(() -> Labels.read(bad)).hasMessageContaining("bad.jsonl:1").hasMessageContaining("colour");
  }
}
