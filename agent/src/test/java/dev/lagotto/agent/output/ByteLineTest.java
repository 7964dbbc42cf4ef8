package dev.lagotto.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteLine} against the JDK: a UTF-8 {@link OutputStreamWriter} and {@link Long#toString(long)}. */
class ByteLineTest {
  /** ASCII, two- and three-byte characters, JSON specials, pairs and unpaired surrogates. */
  private static final String ALPHABET = "aZ09 \"\\\n\t\u0000\u001f\u007f\u0080é\u07ff\u0800中\uffff\ud83d\ude00\ud800\udbff\udc00\udfff";

  private static String random(Random r, int max) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      b.append(r.nextInt(4) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : (char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  private static byte[] writerBytes(String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      w.write(s);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(ByteLine line) {
    return Arrays.copyOf(line.array(), line.length());
  }

  @Test
  void encodesAsTheUtf8WriterDoesUnpairedSurrogatesIncluded() throws IOException {
    long seed = System.nanoTime();
    System.out.println("ByteLineTest seed " + seed);
    Random r = new Random(seed);
    ByteLine line = new ByteLine();
    for (int i = 0; i < 20_000; i++) {
      String s = random(r, 40);
      line.clear();
      line.append((byte) '>');
      line.utf8(s);
      byte[] want = writerBytes(">" + s);
      assertThat(bytes(line)).as("%s (seed %d)", s, seed).isEqualTo(want);
      line.truncate(1);
      boolean plain = s.chars().noneMatch(c -> c < 0x20 || c == '"' || c == '\\');
      assertThat(line.appendPlain(s)).as("%s (seed %d)", s, seed).isEqualTo(plain);
      assertThat(bytes(line)).as("%s (seed %d)", s, seed).isEqualTo(plain ? want : new byte[] {'>'});
    }
  }

  @Test
  void unpairedSurrogatesBecomeQuestionMarks() {
    ByteLine line = new ByteLine();
    line.utf8("a\ud800b\udc00\ud83d\ude00\ud83d");
    assertThat(new String(bytes(line), StandardCharsets.UTF_8)).isEqualTo("a?b?\ud83d\ude00?");
  }

  @Test
  void writesDecimalsAsLongToString() {
    long seed = System.nanoTime();
    System.out.println("ByteLineTest seed " + seed);
    Random r = new Random(seed);
    long[] edges = {0, 1, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, -1, 1L << 31, (1L << 31) - 1};
    ByteLine line = new ByteLine();
    for (int i = 0; i < 10_000 + edges.length; i++) {
      long v = i < edges.length ? edges[i] : r.nextLong() >> r.nextInt(64);
      line.clear();
      line.decimal(v);
      assertThat(new String(bytes(line), StandardCharsets.US_ASCII)).as("seed %d", seed).isEqualTo(Long.toString(v));
    }
  }

  @Test
  void growsPastItsFirstCapacity() throws IOException {
    String big = "é中".repeat(5_000);
    ByteLine line = new ByteLine();
    for (int i = 0; i < 3; i++) {
      line.utf8(big);
    }
    assertThat(bytes(line)).isEqualTo(writerBytes(big.repeat(3)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    line.drainTo(out);
    assertThat(line.length()).isZero();
    assertThat(out.toByteArray()).isEqualTo(writerBytes(big.repeat(3)));
  }
}
