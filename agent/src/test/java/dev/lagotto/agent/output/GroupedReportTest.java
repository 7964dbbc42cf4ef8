package dev.lagotto.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lagotto.agent.scan.ScanStats;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Category;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link GroupedReport} with the JSONL writer: a source's findings stay together, in order, buffered or streamed. */
class GroupedReportTest {
  private static final SourceRef BIG = new SourceRef("file", "file:///tmp/big.log", "host.example.com");
  private static final SourceRef SMALL = new SourceRef("file", "file:///tmp/small.log", "host.example.com");

  private static Finding finding(SourceRef source, long line, double confidence) {
    return new Finding(line % 2 == 0 ? Category.EMAIL : Category.IPV4, "r", confidence, source,
        Location.Text.of(line, 1, line * 10, 5), "m", "f" + line, null);
  }

  @Test
  void aStreamingSourceKeepsItsFindingsTogetherAndInOrderPastEveryBatch() throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    ScanStats stats = new ScanStats("test key");
    GroupedReport report = new GroupedReport(OutputFormat.JSONL.writer(out, false), stats, 0.5);
    int streamed = GroupedReport.BUFFERED_FINDINGS + 3 * GroupedReport.STREAMED_BATCH + 17;
    GroupedReport.Group big = report.open(BIG);
    for (int i = 1; i <= GroupedReport.BUFFERED_FINDINGS + 100; i++) {
      big.accept(finding(BIG, i, 0.9));
    }
    // the big source streams now and holds the writer: the small one, ended on another thread, waits for it
    Thread other = new Thread(() -> {
      GroupedReport.Group small = report.open(SMALL);
      for (int i = 1; i <= 5; i++) {
        small.accept(finding(SMALL, i, 0.9));
      }
      small.accept(finding(SMALL, 6, 0.4));
      small.end(SourceResult.scanned(60, 5));
    });
    other.start();
    for (int i = GroupedReport.BUFFERED_FINDINGS + 101; i <= streamed; i++) {
      big.accept(finding(BIG, i, 0.9));
      big.accept(finding(BIG, -i, 0.1));
    }
    big.end(SourceResult.scanned(1000, streamed));
    other.join();
    report.exclusive(w -> w.summary(stats.snapshot()));

    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> records = new ArrayList<>();
    for (String line : text.toString().split("\n")) {
      records.add(mapper.readTree(line));
    }
    assertThat(records).hasSize(streamed + 5 + 1);
    for (int i = 0; i < streamed; i++) {
      JsonNode r = records.get(i);
      assertThat(r.get("source").get("uri").asText()).as("record %d", i).isEqualTo(BIG.uri());
      assertThat(r.get("location").get("line").asLong()).as("record %d", i).isEqualTo(i + 1);
    }
    for (int i = 0; i < 5; i++) {
      JsonNode r = records.get(streamed + i);
      assertThat(r.get("source").get("uri").asText()).isEqualTo(SMALL.uri());
      assertThat(r.get("location").get("line").asLong()).isEqualTo(i + 1);
    }
    JsonNode summary = records.get(records.size() - 1).get("findings");
    assertThat(summary.get("total").asLong()).isEqualTo(streamed + 5);
    assertThat(summary.get("by_category").size()).as("only the categories found").isEqualTo(2);
    assertThat(summary.get("by_category").get("email").asLong() + summary.get("by_category").get("ipv4").asLong())
        .isEqualTo(streamed + 5);
  }
}
