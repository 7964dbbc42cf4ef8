package dev.lagotto.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code compare.sh} end to end on 1 MiB corpora, with the tools that need nothing but Java and Python (ripgrep is not
 * a test dependency): it finishes, prints its tables, and every row of each table has as many cells as its header (the
 * steady state alone, which counts nothing, once printed the matches table with a header one column too wide). Runs
 * after {@code package}, as the script uses the shaded jar.
 */
class CompareScriptIT {
  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      steady           ; '| main | lagotto engine steady state, all rules | 1 |'
      java-read,engine ; '| clean | lagotto engine, rules.tsv categories | 1 |'
      """)
  void printsWellFormedTables(String tools, String expectedRow, @TempDir Path out) throws Exception {
    Path script = Path.of("compare.sh").toAbsolutePath();
    Path log = out.resolve("compare.out");
    Process p = new ProcessBuilder("bash", script.toString(), "--size-mib", "1", "--clean-size-mib", "1", "--reps", "1",
        "--warmup-seconds", "0.2", "--only", tools, "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
            Path.of("/dev/null").toFile())).start();
    boolean finished = p.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("compare.sh finished within 5 minutes:%n%s", output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();

    List<List<String>> tables = tables(output);
    assertThat(tables).as(output).hasSizeGreaterThanOrEqualTo(2);
    for (List<String> table : tables) {
      int columns = cells(table.get(0));
      for (String row : table) {
        assertThat(cells(row)).as("row %s of the table headed %s", row, table.get(0)).isEqualTo(columns);
      }
    }
    assertThat(output).contains(expectedRow).contains("| corpus | category | planted |");
    assertThat(out.resolve("results.tsv")).isNotEmptyFile();
  }

  /** The markdown tables of {@code text}: runs of lines that start with {@code |}. */
  private static List<List<String>> tables(String text) {
    List<List<String>> tables = new ArrayList<>();
    List<String> current = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("|")) {
        if (current == null) {
          current = new ArrayList<>();
          tables.add(current);
        }
        current.add(line);
      } else {
        current = null;
      }
    }
    return tables;
  }

  /** The cells of a markdown table row {@code | a | b |}. */
  private static int cells(String row) {
    return row.strip().split("\\|", -1).length - 2;
  }
}
