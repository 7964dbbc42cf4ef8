package dev.lagotto.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkedReaderTest {

  /** Stream offsets reported by each chunk, and the context it carried. */
  private record Seen(long reportFrom, long reportTo, long start, long end) {}

  private static List<Seen> chunks(byte[] data, int chunkSize, int overlap, byte[] copy) throws IOException {
    return chunks(data, new ChunkedReader(chunkSize, overlap), copy);
  }

  private static List<Seen> chunks(byte[] data, ChunkedReader reader, byte[] copy) throws IOException {
    List<Seen> seen = new ArrayList<>();
    long total = reader.read(new ByteArrayInputStream(data), (c, base) -> {
      for (int i = c.start(); i < c.end(); i++) {
        assertThat(c.bytes()[i]).as("byte at stream offset %d", base + i).isEqualTo(data[(int) (base + i)]);
      }
      for (int i = c.reportFrom(); i < c.reportTo(); i++) {
        copy[(int) (base + i)]++;
      }
      seen.add(new Seen(base + c.reportFrom(), base + c.reportTo(), base + c.start(), base + c.end()));
    });
    assertThat(total).isEqualTo(data.length);
    return seen;
  }

  @Test
  void everyByteIsReportedExactlyOnceWithContextOnBothSides() throws IOException {
    long seed = System.nanoTime();
    System.out.println("ChunkedReaderTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int chunkSize = 1 + random.nextInt(64);
      int overlap = random.nextInt(chunkSize + 1);
      byte[] data = new byte[random.nextInt(1000)];
      random.nextBytes(data);
      byte[] count = new byte[data.length];
      List<Seen> seen = chunks(data, chunkSize, overlap, count);
      for (int i = 0; i < data.length; i++) {
        assertThat(count[i]).as("seed %d: times offset %d was reported", seed, i).isEqualTo((byte) 1);
      }
      for (Seen s : seen) {
        assertThat(s.reportFrom - s.start).as("seed %d left context", seed).isEqualTo(Math.min(overlap, s.reportFrom));
        assertThat(s.end - s.reportTo).as("seed %d right context", seed).isEqualTo(Math.min(overlap, data.length - s.reportTo));
        assertThat(s.reportTo - s.reportFrom).isLessThanOrEqualTo(chunkSize + 2L * overlap);
      }
      // a first buffer smaller than a whole chunk grows into the same chunks
      int firstBuffer = 1 + random.nextInt(chunkSize + 2 * overlap);
      assertThat(chunks(data, new ChunkedReader(chunkSize, overlap, firstBuffer), new byte[data.length]))
          .as("seed %d, first buffer %d", seed, firstBuffer).isEqualTo(seen);
    }
  }

  @Test
  void aSmallStreamGetsASmallBuffer() throws IOException {
    int[] length = new int[1];
    ChunkedReader.defaults().read(new ByteArrayInputStream(new byte[4096]), (c, base) -> length[0] = c.bytes().length);
    assertThat(length[0]).isEqualTo(ChunkedReader.FIRST_BUFFER_BYTES);

    ChunkedReader.defaults().read(new ByteArrayInputStream(new byte[3 << 20]), (c, base) -> length[0] = c.bytes().length);
    assertThat(length[0]).isEqualTo(ChunkedReader.DEFAULT_CHUNK_SIZE + 2 * ChunkedReader.DEFAULT_OVERLAP);
  }

  @Test
  void emptyStreamGivesNoChunk() throws IOException {
    assertThat(chunks(new byte[0], 16, 4, new byte[0])).isEmpty();
  }

  @Test
  void bytesBeforeAReadFaultAreStillHandedOverThenTheFaultIsThrown() {
    byte[] data = "0123456789".getBytes();
    InputStream failing = new InputStream() {
      private int i;

      @Override
      public int read() throws IOException {
        if (i == data.length) {
          throw new IOException("boom");
        }
        return data[i++];
      }
    };
    StringBuilder got = new StringBuilder();
    assertThatThrownBy(() -> new ChunkedReader(1024, 16).read(failing,
        (c, base) -> got.append(new String(c.bytes(), c.reportFrom(), c.reportTo() - c.reportFrom()))))
        .hasMessage("boom");
    assertThat(got.toString()).isEqualTo("0123456789");
  }

  @Test
  void badSizesAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> new ChunkedReader(0, 0)).hasMessageContaining("chunkSize 0");
    assertThatThrownBy(() -> new ChunkedReader(8, 9)).hasMessageContaining("overlap 9");
    assertThatThrownBy(() -> new ChunkedReader(8, 2, 0)).hasMessageContaining("firstBuffer 0");
  }
}
