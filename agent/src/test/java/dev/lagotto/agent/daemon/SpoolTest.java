package dev.lagotto.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool on its own: order, acknowledgement across reopen, torn frames, the bound, segment deletion. */
class SpoolTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final AgentLog log = new AgentLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), Clock.systemUTC());

  @Test
  void framesComeBackInOrderAndSurviveReopenUntilAcknowledged() throws Exception {
    List<Spool.Frame> before = new ArrayList<>();
    try (Spool spool = new Spool(dir, 1 << 20, log, () -> Long.MAX_VALUE, 1)) {
      spool.append(List.of(data("a"), data("b"), state("s1")));
      spool.append(List.of(data("c")));
      for (long seq = 0; ; ) {
        Spool.Frame f = spool.next(seq, 0);
        if (f == null) {
          break;
        }
        before.add(f);
        seq = f.seq();
      }
      assertThat(before).extracting(f -> new String(f.payload(), StandardCharsets.UTF_8)).containsExactly("a", "b", "s1", "c");
      spool.acknowledge(before.get(1).seq());
      assertThat(spool.drained()).isFalse();
    }
    try (Spool spool = new Spool(dir, 1 << 20, log, () -> 0, 1)) {
      assertThat(spool.acknowledged()).isEqualTo(before.get(1).seq());
      Spool.Frame next = spool.next(spool.acknowledged(), 0);
      assertThat(next.seq()).isEqualTo(before.get(2).seq());
      assertThat(next.segment()).isEqualTo(before.get(2).segment());
      assertThat(spool.recoveredState(0)).extracting(Spool.Frame::seq).containsExactly(before.get(2).seq());
      long seq = spool.append(List.of(data("d")));
      assertThat(seq).isEqualTo(before.get(3).seq() + 1);
      spool.acknowledge(seq);
      assertThat(spool.drained()).isTrue();
      assertThat(spool.next(seq, 0)).isNull();
    }
  }

  @Test
  void aTornFrameAtTheEndIsCutAndSequencesAreNeverReused() throws Exception {
    long last;
    try (Spool spool = new Spool(dir, 1 << 20, log, () -> Long.MAX_VALUE, 1)) {
      last = spool.append(List.of(data("one"), data("two")));
    }
    Path segment;
    try (Stream<Path> files = Files.list(dir)) {
      segment = files.filter(p -> p.getFileName().toString().startsWith("segment-")).findFirst().orElseThrow();
    }
    long size = Files.size(segment);
    Files.write(segment, new byte[] {0x4C, 0x47, 0x53, 0x31, 1, 0, 0}, StandardOpenOption.APPEND);
    try (Spool spool = new Spool(dir, 1 << 20, log, () -> Long.MAX_VALUE, 1)) {
      assertThat(Files.size(segment)).isEqualTo(size);
      assertThat(new String(spool.next(0, 0).payload(), StandardCharsets.UTF_8)).isEqualTo("one");
      assertThat(spool.append(List.of(data("three")))).isEqualTo(last + 1);
    }
    assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("torn by a crash");
  }

  @Test
  void fullSpoolDropsDataButKeepsJournalAndCounts() throws Exception {
    try (Spool spool = new Spool(dir, 64 << 10, log, () -> Long.MAX_VALUE, 1)) {
      byte[] big = new byte[40 << 10];
      spool.append(List.of(new Spool.Append(Spool.FrameType.DATA, 7, big)));
      spool.append(List.of(new Spool.Append(Spool.FrameType.DATA, 5, big), state("journal")));
      assertThat(spool.droppedRecords()).isEqualTo(5);
      assertThat(spool.next(spool.next(0, 0).seq(), 0).type()).isEqualTo(Spool.FrameType.STATE);
    }
    assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("ERROR", "spool full", "dropped 5 exposure records");
  }

  @Test
  void acknowledgedSegmentsAreDeletedOnlyOnceTheStateFileCoversThem() throws Exception {
    long[] durable = {0};
    try (Spool spool = new Spool(dir, 1 << 20, log, () -> durable[0], 1)) {
      byte[] chunk = new byte[100 << 10];
      long last = 0;
      for (int i = 0; i < 6; i++) {
        last = spool.append(List.of(new Spool.Append(Spool.FrameType.DATA, 1, chunk), state("j" + i)));
      }
      long segments = countSegments();
      assertThat(segments).isGreaterThan(2);
      spool.acknowledge(last);
      assertThat(countSegments()).isEqualTo(segments);
      durable[0] = last;
      spool.deleteFinishedSegments();
      assertThat(countSegments()).isEqualTo(1);
      assertThat(spool.next(spool.acknowledged(), 0)).isNull();
    }
  }

  private long countSegments() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("segment-")).count();
    }
  }

  private static Spool.Append data(String s) {
    return new Spool.Append(Spool.FrameType.DATA, 1, s.getBytes(StandardCharsets.UTF_8));
  }

  private static Spool.Append state(String s) {
    return new Spool.Append(Spool.FrameType.STATE, 1, s.getBytes(StandardCharsets.UTF_8));
  }
}
