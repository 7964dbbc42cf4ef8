package dev.lagotto.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

/** Corpora are generated once at the fixed seed, reused while their manifest matches, and rebuilt when it does not. */
class CorporaTest {
  @Test
  void generatesOnceThenReusesAndRegeneratesAStaleFile() throws Exception {
    Path corpus = Corpora.corpus("clean", 2);
    assertThat(corpus.getFileName()).hasToString("clean-2.log");
    assertThat(Files.size(corpus)).isGreaterThanOrEqualTo(2L << 20);
    assertThat(Files.readString(Corpora.manifestOf(corpus))).contains("\"seed\": \"" + Corpora.SEED + "\"");

    FileTime marker = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(corpus, marker);
    assertThat(Corpora.corpus("clean", 2)).isEqualTo(corpus);
    assertThat(Files.getLastModifiedTime(corpus)).as("reused, not rewritten").isEqualTo(marker);

    byte[] before = Files.readAllBytes(corpus);
    Files.write(corpus, new byte[] {'x'});
    assertThat(Files.readAllBytes(Corpora.corpus("clean", 2))).as("regenerated, same bytes").isEqualTo(before);
  }

  @Test
  void rejectsUnknownVariantsAndSizes() {
    assertThatThrownBy(() -> Corpora.corpus("dense", 1)).hasMessageContaining("dense");
    assertThatThrownBy(() -> Corpora.corpus("main", 0)).hasMessageContaining("0 MiB");
  }
}
