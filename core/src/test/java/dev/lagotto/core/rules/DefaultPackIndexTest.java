package dev.lagotto.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the default pack's {@code index.txt} and its rule directory in step. */
class DefaultPackIndexTest {
  /** The rule pack sources, relative to the core module (surefire's working directory). */
  static final Path RULES_DIR = Path.of("..", "rules", "src", "main", "resources", "dev", "lagotto", "rules");

  static List<String> indexEntries() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String line : Files.readAllLines(RULES_DIR.resolve("index.txt"), StandardCharsets.UTF_8)) {
      String entry = line.strip();
      if (!entry.isEmpty() && !entry.startsWith("#")) {
        entries.add(entry);
      }
    }
    return entries;
  }

  static List<String> ruleFiles() throws IOException {
    try (Stream<Path> files = Files.walk(RULES_DIR)) {
      return files.filter(p -> p.toString().endsWith(".yaml"))
          .map(p -> RULES_DIR.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  @Test
  void indexListsExactlyTheRuleFilesInSortedOrder() throws IOException {
    List<String> index = indexEntries();
    assertThat(index).as("index.txt vs *.yaml under %s", RULES_DIR).containsExactlyInAnyOrderElementsOf(ruleFiles());
    assertThat(index).as("index.txt is sorted and without duplicates").isSorted().doesNotHaveDuplicates();
  }

  @Test
  void defaultPackLoadsEveryIndexedRuleWithItsFileName() throws Exception {
    RulePack pack = RulePackLoader.loadDefault();
    List<String> index = indexEntries();
    assertThat(pack.size()).isEqualTo(index.size());
    for (String entry : index) {
      String id = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".yaml".length());
      assertThat(pack.get(id)).as("rule %s", entry).isPresent();
    }
  }
}
