package dev.lagotto.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TldValidatorTest {
  private final Validator tld = new TldValidator();

  @ParameterizedTest
  @ValueSource(strings = {"jane.doe@example.com", "j.smith+news@mail.example.org", "user%40example.co.uk",
      "USER%40EXAMPLE.NET", "info@example.de", "someone@sub.example.com.", "example.org", "host.example.net"})
  void domainsUnderAPublicSuffixPass(String text) {
    assertThat(Check.factor(tld, text)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"logo@2x.png", "icon@3x.jpg", "jquery@3.6.0.min.js", "theme@main.css", "admin@localhost",
      "printer@office.local", "svc@db.internal", "user@co.uk", "user@com", "files@archive.zip", "a@1.2.3.4",
      "x@exa_mple.com", "nobody@", "app.js", "bundle.css"})
  void fileNamesLocalNamesAndBareSuffixesFail(String text) {
    assertThat(Check.factor(tld, text)).isZero();
  }

  @Test
  void theAnswerCacheGivesTheUncachedAnswersFromSeveralThreads() throws Exception {
    String[] labels = {"example", "co", "uk", "com", "org", "png", "local", "mail", "x1", "a-b", "test", "js"};
    long seed = System.nanoTime();
    System.out.println("TldValidatorTest seed " + seed);
    Random random = new Random(seed);
    List<String> domains = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder d = new StringBuilder(labels[random.nextInt(labels.length)]);
      for (int n = random.nextInt(3); n >= 0; n--) {
        d.append('.').append(labels[random.nextInt(labels.length)]);
      }
      domains.add(d.toString());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> checked = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 997;
        checked.add(pool.submit(() -> {
          for (int i = 0; i < domains.size(); i++) {
            String d = domains.get((i + offset) % domains.size());
            assertThat(TldValidator.validDomain(d)).as("seed %d, %s", seed, d).isEqualTo(TldValidator.lookUp(d));
          }
          return domains.size();
        }));
      }
      for (Future<Integer> f : checked) {
        assertThat(f.get()).isEqualTo(domains.size());
      }
    } finally {
      pool.shutdown();
    }
  }
}
