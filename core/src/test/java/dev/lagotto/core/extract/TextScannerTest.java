package dev.lagotto.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextScannerTest {
  private static Scanner scanner;

  /** What the tests compare: the rule, the matched text and its position. */
  record Hit(String rule, String text, long line, long column, long offset) {}

  @BeforeAll
  static void engine() throws Exception {
    RulePack pack = RulePackLoader.loadDefault();
    scanner = Scanner.build(pack, ScanSettings.DEFAULTS);
  }

  private static List<Hit> scan(byte[] data, int chunkSize, int overlap) throws IOException {
    List<Hit> hits = new ArrayList<>();
    long[] scanned = {0};
    long total = new TextScanner(scanner, new ChunkedReader(chunkSize, overlap)).scan(new ByteArrayInputStream(data),
        new TextMatchSink() {
          @Override
          public void match(dev.lagotto.core.rule.Rule rule, double confidence, byte[] bytes, int start, int end,
              long line, long column, long offset) {
            hits.add(new Hit(rule.id(), new String(bytes, start, end - start, StandardCharsets.UTF_8), line, column, offset));
          }

          @Override
          public void scanned(long bytes) {
            scanned[0] += bytes;
          }
        });
    assertThat(total).isEqualTo(data.length);
    assertThat(scanned[0]).isEqualTo(data.length);
    return hits;
  }

  /** The reference: the whole text as one chunk, positions counted from the decoded string. */
  private static List<Hit> reference(String text) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    List<Hit> hits = new ArrayList<>();
    scanner.scan(Chunk.of(data), (rule, start, end, confidence) -> {
      String before = new String(data, 0, start, StandardCharsets.UTF_8);
      int nl = before.lastIndexOf('\n');
      long line = before.chars().filter(c -> c == '\n').count() + 1;
      long column = before.substring(nl + 1).codePointCount(0, before.length() - nl - 1) + 1;
      hits.add(new Hit(rule.id(), new String(data, start, end - start, StandardCharsets.UTF_8), line, column, start));
    });
    return hits;
  }

  @Test
  void aMatchAcrossAChunkBorderIsReportedOnceWithItsPosition() throws IOException {
    String text = "first line\nné à 𝄞 mail: jane.doe@example.com end\n";
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    int offset = text.substring(0, text.indexOf("jane")).getBytes(StandardCharsets.UTF_8).length;
    assertThat(offset).isEqualTo(29);
    for (int chunk = 24; chunk <= offset + 21; chunk++) {
      List<Hit> hits = scan(data, chunk, 24);
      assertThat(hits).as("chunk size %d", chunk)
          .containsExactly(new Hit("email", "jane.doe@example.com", 2, 14, offset));
    }
  }

  @Test
  void linesAndColumnsCountCodePointsAndInvalidBytes() throws IOException {
    byte[] prefix = {'a', (byte) 0xff, 'b', ' '};
    byte[] mail = "x@example.org".getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[prefix.length + mail.length];
    System.arraycopy(prefix, 0, data, 0, prefix.length);
    System.arraycopy(mail, 0, data, prefix.length, mail.length);
    assertThat(scan(data, 1024, 64)).containsExactly(new Hit("email", "x@example.org", 1, 5, 4));
  }

  @Test
  void chunkedScanFindsExactlyWhatAWholeTextScanFinds() throws IOException {
    long seed = System.nanoTime();
    System.out.println("TextScannerTest seed " + seed);
    Random random = new Random(seed);
    String[] tokens = {"jane.doe@example.com", "203.0.113.7", "198.51.100.23", "x@mail.example.org", "hello", "wörld",
        "€", "𝄞", "log", "INFO", "ip=", "\n", "\n", " ", "  "};
    for (int round = 0; round < 100; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(300);
      for (int i = 0; i < n; i++) {
        sb.append(tokens[random.nextInt(tokens.length)]).append(random.nextBoolean() ? ' ' : '\n');
      }
      String text = sb.toString();
      int chunkSize = 32 + random.nextInt(200);
      List<Hit> expected = reference(text);
      assertThat(scan(text.getBytes(StandardCharsets.UTF_8), chunkSize, 32))
          .as("seed %d round %d chunk %d", seed, round, chunkSize).isEqualTo(expected);
    }
  }
}
